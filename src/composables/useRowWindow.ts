import { computed, type Ref } from 'vue'
import { useElementSize, useScroll } from '@vueuse/core'

/**
 * Which rows of a long list of equally tall rows are on screen, with some overscan above and below.
 * O(1) per change however long the list: a keystroke over 50,000 people must not walk all of them just to
 * lay out the 20 that show.
 */
export function useRowWindow(scroller: Ref<HTMLElement | null>, count: Ref<number>, rowHeight: number, overscan = 8) {
  const { y } = useScroll(scroller)
  const { height } = useElementSize(scroller)

  const range = computed(() => {
    const first = Math.max(0, Math.floor(y.value / rowHeight) - overscan)
    const visibleRows = Math.ceil((height.value || rowHeight * 20) / rowHeight)
    const last = Math.min(count.value, first + visibleRows + overscan * 2)
    return { first: Math.min(first, Math.max(0, count.value - 1)), last }
  })

  /** Brings a row into view, aligning it to the nearest edge. */
  function scrollToRow(index: number, headerHeight = 0) {
    const el = scroller.value
    if (!el) return
    const top = index * rowHeight
    const bottom = top + rowHeight + headerHeight
    if (top < el.scrollTop) el.scrollTop = top
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = bottom - el.clientHeight
  }

  return {
    first: computed(() => range.value.first),
    last: computed(() => range.value.last),
    padTop: computed(() => range.value.first * rowHeight),
    padBottom: computed(() => Math.max(0, (count.value - range.value.last) * rowHeight)),
    scrollToRow,
  }
}
