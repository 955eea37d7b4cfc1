import { onMounted, ref, type Ref } from 'vue'

/** below this frame width the header and the toolbar may wrap to two rows, which a placeholder cannot foresee */
const ONE_ROW_MIN_WIDTH = 768
let visitRendered = false

/**
 * False for the visit's first render, true a task after it mounted. A view puts behind it the parts its first
 * rows do not need (the app header, the search and column toolbar) and draws a placeholder of the same size
 * meanwhile: a cold open's first render runs while the portal's first answers arrive, and they are handled
 * only once that task ends. What the first render leaves out brings the first rows forward (0.08–0.11 s to
 * the first row over two alternating runs of 10 cold opens at 10,000 people). Later mounts (a way back
 * from the structure, a Retry) and frames too narrow to know the parts' height render everything at once.
 */
export function useRenderedLater(): Readonly<Ref<boolean>> {
  const rendered = ref(visitRendered || typeof window === 'undefined' || window.innerWidth < ONE_ROW_MIN_WIDTH)
  if (!rendered.value) {
    onMounted(() =>
      setTimeout(() => {
        visitRendered = true
        rendered.value = true
      }, 0),
    )
  }
  return rendered
}
