import { onMounted, type Ref } from 'vue'
import { useDebounceFn, useResizeObserver } from '@vueuse/core'
import { useSessionStore } from '@/stores/session'

/**
 * Keeps the portal's frame as tall as the content of a view that flows like a document (a card, the
 * installer). Only real changes are sent, a moment after they settle; the content's height never depends
 * on the frame's, so a resize cannot feed back into another one.
 */
export function useFitFrame(target: Ref<HTMLElement | null>) {
  const session = useSessionStore()
  let lastHeight = 0
  const fit = useDebounceFn(() => {
    const height = Math.ceil(target.value?.getBoundingClientRect().height ?? 0)
    if (height === 0 || Math.abs(height - lastHeight) < 2) return
    lastHeight = height
    session.fitFrame(height)
  }, 150)
  useResizeObserver(target, () => void fit())
  onMounted(() => void fit())
}
