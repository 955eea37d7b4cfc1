import { computed, nextTick, ref, shallowRef, watch, type Ref } from 'vue'
import { useRouter } from 'vue-router'
import { useVirtualizer, type ScrollToOptions } from '@tanstack/vue-virtual'
import type { DepartmentTree } from '@/domain/org/departments'
import type { Person } from '@/domain/people/person'
import { foldText } from '@/domain/search/text-fold'
import {
  buildOrgSearchIndex,
  countMembers,
  findMatches,
  flattenTree,
  parentsOf,
  toReveal,
  typeAhead,
  withCollapsed,
  withExpanded,
  type OrgMatch,
  type OrgRow,
} from '@/domain/org/org-tree'
import { listKeyTarget } from './list-keys'

export interface OrgTreeOptions {
  tree: Ref<DepartmentTree>
  people: Ref<readonly Person[]>
  /** the element that scrolls the rows; rows carry data-index */
  scroller: Ref<HTMLElement | null>
  rowHeight: number
  /** how many search results to offer */
  matchLimit?: number
}

const TYPE_AHEAD_MS = 600

/**
 * The org structure as a windowed WAI-ARIA tree: which departments are expanded, the rows on screen,
 * member counts and heads, the roving focus and its keys, and the search that reveals a match.
 */
export function useOrgTree(options: OrgTreeOptions) {
  const { tree, people, scroller, rowHeight } = options
  const router = useRouter()

  // ── expansion and rows ────────────────────────────────────────────────────────────────────
  const expanded = shallowRef<ReadonlySet<number>>(new Set())
  let touched = false
  // the top level opens by itself until the viewer expands or collapses anything
  watch(
    tree,
    (current) => {
      if (!touched) expanded.value = new Set(current.roots)
    },
    { immediate: true },
  )

  const rows = computed<OrgRow[]>(() => flattenTree(tree.value, expanded.value))
  const indexOf = computed(() => new Map(rows.value.map((row, i) => [row.id, i])))
  // every row is rowHeight tall, so nothing is measured: a few hundred departments render a screenful
  const virtualizer = useVirtualizer<HTMLElement, HTMLElement>(
    computed(() => ({
      count: rows.value.length,
      getScrollElement: () => scroller.value,
      estimateSize: () => rowHeight,
      overscan: 6,
    })),
  )
  const virtualRows = computed(() => virtualizer.value.getVirtualItems())
  // plain numbers, so what depends on the window recomputes when it moves, not on every scroll event
  const windowStart = computed(() => virtualRows.value[0]?.index ?? 0)
  const windowEnd = computed(() => (virtualRows.value.at(-1)?.index ?? -1) + 1)
  const windowRows = computed(() =>
    rows.value.slice(windowStart.value, windowEnd.value).map((row, i) => ({ row, index: windowStart.value + i })),
  )
  // spacers above and below stand in for the rows not rendered, so the scrollbar spans the whole tree
  const padTop = computed(() => virtualRows.value[0]?.start ?? 0)
  const padBottom = computed(() => Math.max(0, virtualizer.value.getTotalSize() - (virtualRows.value.at(-1)?.end ?? 0)))

  // ── what each row shows ───────────────────────────────────────────────────────────────────
  const counts = computed(() => countMembers(tree.value, people.value))
  const peopleById = computed(() => new Map(people.value.map((p) => [p.id, p])))
  function headOf(id: number): Person | null {
    const headId = tree.value.byId.get(id)?.headId
    return headId == null ? null : (peopleById.value.get(headId) ?? null)
  }
  function nameOf(id: number): string {
    return tree.value.byId.get(id)?.name ?? ''
  }
  function directCount(id: number): number {
    return counts.value.direct.get(id) ?? 0
  }
  function totalCount(id: number): number {
    return counts.value.total.get(id) ?? 0
  }

  // ── focus (roving tabindex) ───────────────────────────────────────────────────────────────
  const focusedId = ref<number | null>(null)
  const focusedIndex = computed(() => (focusedId.value === null ? -1 : (indexOf.value.get(focusedId.value) ?? -1)))
  /** The row Tab lands on: the focused one while it is rendered, else the first row on screen. */
  const tabbableIndex = computed(() =>
    focusedIndex.value >= windowStart.value && focusedIndex.value < windowEnd.value ? focusedIndex.value : windowStart.value,
  )

  function rowElement(index: number): HTMLElement | null {
    return scroller.value?.querySelector<HTMLElement>(`[data-index="${index}"]`) ?? null
  }

  /**
   * Moves focus to a row, scrolling it into view and waiting for the window to render it. By default the
   * list scrolls only when the row is not fully on screen, and then just enough to show it.
   */
  async function focusIndex(index: number, align: ScrollToOptions['align'] = 'auto'): Promise<void> {
    const target = Math.min(Math.max(index, 0), rows.value.length - 1)
    const row = rows.value[target]
    if (!row) return
    focusedId.value = row.id
    virtualizer.value.scrollToIndex(target, { align })
    const present = rowElement(target)
    if (present) return present.focus()
    await nextTick()
    // the window follows the scroll event: give it a few frames
    for (let frame = 0; frame < 5; frame++) {
      await new Promise((resolve) => requestAnimationFrame(resolve))
      const element = rowElement(target)
      if (element) return element.focus()
    }
  }

  function setExpanded(id: number, open: boolean) {
    touched = true
    if (open) {
      expanded.value = withExpanded(expanded.value, [id])
      return
    }
    // focus inside a closing branch moves up to the branch
    const focused = focusedId.value
    const hadFocus = scroller.value?.contains(document.activeElement) ?? false
    expanded.value = withCollapsed(expanded.value, id)
    if (focused !== null && parentsOf(tree.value, focused).includes(id)) {
      focusedId.value = id
      if (hadFocus) void nextTick(() => focusIndex(indexOf.value.get(id) ?? 0))
    }
  }

  function toggle(id: number) {
    setExpanded(id, !expanded.value.has(id))
  }

  /** Opens the directory with the department and its sub-departments as the filter. */
  function showPeople(id: number) {
    void router.push({ name: 'directory', query: { dept: String(id) } })
  }

  let typed = ''
  let typedAt = 0
  function onKeydown(event: KeyboardEvent, index: number) {
    const row = rows.value[index]
    if (!row || event.altKey || event.ctrlKey || event.metaKey) return
    const pageRows = Math.floor((scroller.value?.clientHeight ?? rowHeight * 10) / rowHeight)
    const next = listKeyTarget(event.key, index, rows.value.length, pageRows)
    if (next !== undefined) {
      event.preventDefault()
      void focusIndex(next)
    } else if (event.key === 'ArrowRight') {
      event.preventDefault()
      if (row.hasChildren && !row.expanded) setExpanded(row.id, true)
      else if (row.expanded) void focusIndex(index + 1)
    } else if (event.key === 'ArrowLeft') {
      event.preventDefault()
      if (row.expanded) setExpanded(row.id, false)
      else if (row.parentId !== null) void focusIndex(indexOf.value.get(row.parentId) ?? index)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      showPeople(row.id)
    } else if (event.key === '*') {
      // the pattern's "expand every sibling"
      event.preventDefault()
      const siblings = row.parentId === null ? tree.value.roots : (tree.value.children.get(row.parentId) ?? [])
      touched = true
      expanded.value = withExpanded(expanded.value, siblings.filter((id) => tree.value.children.has(id)))
    } else if (event.key.length === 1 && event.key !== ' ') {
      event.preventDefault()
      const now = Date.now()
      typed = now - typedAt > TYPE_AHEAD_MS ? event.key : typed + event.key
      typedAt = now
      const found = typeAhead(rows.value.length, index, typed, (i) => foldText(nameOf(rows.value[i]!.id)))
      if (found >= 0) void focusIndex(found)
    }
  }

  // ── search ────────────────────────────────────────────────────────────────────────────────
  const query = ref('')
  const searchIndex = computed(() => buildOrgSearchIndex(tree.value, people.value))
  const matches = computed<OrgMatch[]>(() =>
    query.value.trim() ? findMatches(searchIndex.value, query.value, options.matchLimit ?? 8) : [],
  )

  /** Expands everything above a department, then scrolls to it and focuses it. */
  async function reveal(id: number): Promise<void> {
    if (!tree.value.byId.has(id)) return
    const above = toReveal(tree.value, id)
    if (above.length) {
      touched = true
      expanded.value = withExpanded(expanded.value, above)
    }
    await nextTick()
    const index = indexOf.value.get(id)
    if (index === undefined) return
    // a found department shows in the middle of the list, with its context around it
    await focusIndex(index, 'center')
  }

  return {
    expanded,
    rows,
    windowRows,
    padTop,
    padBottom,
    focusedId,
    tabbableIndex,
    headOf,
    nameOf,
    directCount,
    totalCount,
    peopleById,
    toggle,
    showPeople,
    onKeydown,
    query,
    matches,
    reveal,
  }
}
