import { computed, onScopeDispose, ref, shallowRef, watch, type Ref } from 'vue'
import { useIntervalFn, watchDebounced } from '@vueuse/core'
import type { Person } from '@/domain/people/person'
import { buildDepartmentTree, departmentPath, type Department, type DepartmentTree } from '@/domain/org/departments'
import { buildSearchIndex, entriesHolding, growPairLists, type SearchIndex } from '@/domain/search/search-index'
import { createSearcher } from '@/domain/search/search'
import { applyFacets, buildFacetIndex, countFacets, hasFacets, NO_FACETS, type FacetCounts, type FacetIndex, type FacetSelection } from '@/domain/people/facets'
import type { ColumnKey, SortKey, SortState } from '@/domain/people/columns'
import { everyoneByRanks, orderByRanks, sortRanks, type SortRanks } from '@/domain/people/sort-people'

/** people indexed per step while the index is built behind the rows */
const INDEX_STEP = 250
/** how long one task of indexing may run, in ms: a step starts only when the last one's time still fits */
const INDEX_SLICE_MS = 5

/**
 * Runs `work` in a task of its own, as soon as the tasks queued before it have run: with the browser's task
 * scheduler where there is one, else a timer (which browsers space a few ms apart once chained, leaving a
 * chain of such tasks about half the time). Not once `signal` has aborted.
 */
function inNewTask(work: () => void, signal: AbortSignal) {
  if (typeof scheduler !== 'undefined') {
    // an aborted task's promise rejects, with nothing to report; a failure of the work itself is reported as
    // a timer's would be
    scheduler.postTask(work, { signal }).catch((error: unknown) => {
      if (!signal.aborted) reportError(error)
    })
    return
  }
  const cancel = () => clearTimeout(timer)
  const timer = setTimeout(() => {
    signal.removeEventListener('abort', cancel)
    work()
  }, 0)
  signal.addEventListener('abort', cancel, { once: true })
}

/**
 * What the viewer sees of a list of people: the search, the facets and their counts, the sort and the
 * columns. Everything is derived from the list and recomputed only as far as a change requires.
 */
export function createPeopleView(
  people: Readonly<Ref<readonly Person[]>>,
  departments: Readonly<Ref<readonly Department[]>>,
  locale: () => string,
  defaultColumns: readonly ColumnKey[],
) {
  const query = ref('')
  const facets = ref<FacetSelection>(NO_FACETS)
  /** null: relevance while searching, by name otherwise */
  const sort = ref<SortState | null>(null)
  const columns = ref<ColumnKey[]>([...defaultColumns])

  const tree = computed(() => buildDepartmentTree(departments.value))
  // one label per set of departments, worked out once per tree: the grid asks for it on every render
  const departmentLabels = computed(() => {
    void tree.value
    return new Map<string, string>()
  })
  /** The person's department paths ("Company › Sales"), several joined with "; ". */
  function departmentLabel(person: Person): string {
    if (person.departmentIds.length === 0) return ''
    const key = person.departmentIds.join()
    const labels = departmentLabels.value
    let label = labels.get(key)
    if (label === undefined) {
      label = person.departmentIds
        .map((id) => departmentPath(tree.value, id).join(' › '))
        .filter(Boolean)
        .join('; ')
      labels.set(key, label)
    }
    return label
  }
  // While a load appends batches, the indexes extend the previous ones instead of starting over.
  // Department names are part of each entry: new departments mean a fresh index.
  let latest: { index: SearchIndex; tree: DepartmentTree } | null = null
  /** The index of `list` (of its first `count` people), built on the latest one where that is a head of it. */
  function indexOf(list: readonly Person[], count = list.length): SearchIndex {
    const currentTree = tree.value
    const names = (p: Person) => p.departmentIds.map((id) => currentTree.byId.get(id)?.name ?? '')
    const index = buildSearchIndex(list, names, latest?.tree === currentTree ? latest.index : undefined, count)
    latest = { index, tree: currentTree }
    return index
  }
  const index = computed<SearchIndex>(() => indexOf(people.value))
  const searcher = computed(() => createSearcher(index.value))
  // Nothing typed, nothing to search: the index is not needed for the rows to show (at 50,000 people it takes
  // most of a second), and is built behind them in short tasks (warmIndex).
  const searchResult = computed(() => (query.value.trim() ? searcher.value(query.value) : null))
  let warming = false
  const disposed = new AbortController()
  onScopeDispose(() => disposed.abort())
  /**
   * Indexes the list behind the rows in tasks of their own, a few hundred people a step, so the first
   * keystroke finds the index (almost) ready and a keystroke during a load waits at most one task behind it.
   * Not in idle time: a walk over 50,000 people leaves almost none from its first batch to its last, and an
   * index left for it is far from built when the list is complete.
   */
  function warmIndex() {
    if (warming || disposed.signal.aborted) return
    warming = true
    inNewTask(() => {
      warming = false
      const until = performance.now() + INDEX_SLICE_MS
      let stepMs = 0
      // another step only when the last one's time still fits in the task
      while (performance.now() + stepMs <= until) {
        const list = people.value
        const head = latest?.tree === tree.value ? latest.index : null
        const done = head ? entriesHolding(head, list) : 0
        const started = performance.now()
        if (done < list.length) indexOf(list, done + INDEX_STEP)
        // then the pair lists, which spare a search's second letter the reading of every entry
        else if (!head || growPairLists(head, (head.byPair.indexed ?? 0) + INDEX_STEP) >= head.entries.length) return
        stepMs = performance.now() - started
      }
      warmIndex()
    }, disposed.signal)
  }
  watch([people, tree], warmIndex)
  // a query with nothing searchable in it (only punctuation or symbols) matches nobody, not everybody
  const searched = computed(() => searchResult.value?.people ?? (query.value.trim() ? [] : people.value))
  // "new this month" and birthdays move on at midnight, also for someone who keeps the app open
  const today = ref(new Date())
  useIntervalFn(() => {
    if (new Date().toDateString() !== today.value.toDateString()) today.value = new Date()
  }, 60_000)
  const facetIndex = computed<FacetIndex>((previous) =>
    buildFacetIndex(people.value, { tree: tree.value, today: today.value }, previous),
  )
  // the facts behind the facets are worked out once a facet is picked or the counts are due, not for the rows
  const filtered = computed(() =>
    hasFacets(facets.value) ? applyFacets(searched.value, facets.value, facetIndex.value) : searched.value,
  )
  // Counts follow once typing pauses: the list itself must never wait for them.
  const facetCounts = shallowRef(countFacets([], NO_FACETS, facetIndex.value))
  // (what the facts depend on is watched, not the facts themselves: they are worked out when the counts are)
  // everyone's counts come back each time the search is cleared (30 ms of counting at 50,000 people): they are
  // kept for as long as the list, its facts (tree, day) and the sub-department setting stay the same
  const withSubdepartments = computed(() => facets.value.withSubdepartments)
  const everyoneCounts = computed(() =>
    countFacets(people.value, { ...NO_FACETS, withSubdepartments: withSubdepartments.value }, facetIndex.value),
  )
  function counts(): FacetCounts {
    const list = searched.value
    if (list === people.value && !hasFacets(facets.value)) return everyoneCounts.value
    return countFacets(list, facets.value, facetIndex.value)
  }
  watchDebounced([searched, facets, people, tree, today], () => (facetCounts.value = counts()), { debounce: 200, immediate: true })

  // One collation pass per column and list; re-sorting a search result then compares numbers only.
  const rankTables = computed(() => {
    void people.value
    void tree.value
    void locale()
    return new Map<SortKey, SortRanks>()
  })
  // the last ranks of each column: while a load appends batches, the next ranks merge the newcomers into them
  const lastRanks = new Map<SortKey, { ranks: SortRanks; tree: DepartmentTree }>()
  function ranksFor(key: SortKey): SortRanks {
    let ranks = rankTables.value.get(key)
    if (!ranks) {
      const last = lastRanks.get(key)
      // department paths are part of what a column compares: a new tree means a fresh sort
      ranks = sortRanks(people.value, key, locale(), departmentLabel, last?.tree === tree.value ? last.ranks : undefined)
      lastRanks.set(key, { ranks, tree: tree.value })
      rankTables.value.set(key, ranks)
    }
    return ranks
  }
  const effectiveSort = computed<SortState | null>(() =>
    sort.value ?? (searchResult.value ? null : { key: 'name', desc: false }),
  )
  const visible = computed<readonly Person[]>(() => {
    const order = effectiveSort.value
    if (!order) return filtered.value
    // the whole list in a column's order is asked for again and again: sort it once
    if (filtered.value === people.value) return sortedEveryone(order)
    return orderByRanks(filtered.value, ranksFor(order.key), order)
  })
  const sortedLists = computed(() => {
    void rankTables.value
    return new Map<string, readonly Person[]>()
  })
  function sortedEveryone(order: SortState): readonly Person[] {
    const key = `${order.key}:${order.desc}`
    let list = sortedLists.value.get(key)
    if (!list) {
      list = everyoneByRanks(ranksFor(order.key), order)
      sortedLists.value.set(key, list)
    }
    return list
  }
  const highlightWords = computed(() => searchResult.value?.words ?? [])
  /** The query the shown list answers ('' for everyone): what a keystroke has reached the screen with. */
  const answered = computed(() => searchResult.value?.query ?? '')

  /** Any list of these people in a column's order (by name when none is given). */
  function orderPeople(list: readonly Person[], order: SortState | null): readonly Person[] {
    const by = order ?? { key: 'name', desc: false }
    return orderByRanks(list, ranksFor(by.key), by)
  }

  function clearFilters() {
    query.value = ''
    facets.value = NO_FACETS
  }

  return {
    query, facets, sort, columns, effectiveSort, tree, visible, facetCounts, highlightWords, departmentLabel,
    orderPeople, today, searchResult, answered, clearFilters,
  }
}
