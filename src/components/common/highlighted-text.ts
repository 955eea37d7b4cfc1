import { h, type VNode } from 'vue'
import { highlightSegments } from '@/domain/search/highlight'

/**
 * Text with the matched parts in <mark>, as text nodes only. A plain render function rather than a
 * component: the grid draws hundreds of these per keystroke.
 */
export function highlightedText(text: string, words: readonly string[], className = ''): VNode {
  const parts = highlightSegments(text, words).map((segment) =>
    segment.match ? h('mark', { class: 'bg-(--ui-color-background-warning) text-inherit rounded-xs' }, segment.text) : segment.text,
  )
  return h('span', { class: className }, parts)
}
