import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { useEventListener, useIntervalFn, watchDebounced } from '@vueuse/core'
import { fetchPeopleBatch } from '@/bitrix24/people'
import { fetchAllDepartments } from '@/bitrix24/departments'
import { toRestError, type RestError } from '@/bitrix24/rest-error'
import { toPerson, type Person } from '@/domain/person'
import { buildDepartmentTree, departmentPath, toDepartment, type Department, type DepartmentTree } from '@/domain/departments'
import { buildSearchIndex, createSearcher, type SearchIndex } from '@/domain/search'
import { applyFacets, buildFacetIndex, countFacets, NO_FACETS, type FacetIndex, type FacetSelection } from '@/domain/facets'
import { type ColumnKey, type SortKey, type SortState } from '@/domain/columns'
import { orderByRanks, sortRanks, type SortRanks } from '@/domain/sort-people'
import { pagesToAsk, type PeopleQuery } from '@/domain/load-plan'
import { toAppError } from '@/domain/app-error'
import { RETRY_DELAYS_MS } from '@/domain/retry-policy'
import { retryQuietly } from '@/bitrix24/quiet-retry'
import { createDirectoryCache, type CacheScope, type DirectoryCache } from '@/storage/directory-cache'
import { useSessionStore } from './session'
import { useDeviceStore } from './device'

export type LoadStatus = 'idle' | 'loading' | 'done' | 'cancelled' | 'error'
export type DepartmentStatus = 'idle' | 'loading' | 'done' | 'unavailable' | 'error'

/** How far the walk over people got: where to resume after a pause or an error. */
interface Cursor {
  afterId: number
  done: boolean
  counted: boolean
}

function toPeople(rows: readonly Record<string, unknown>[]): Person[] {
  return rows.map(toPerson).filter((p): p is Person => p !== null)
}

type Session = ReturnType<typeof useSessionStore>

/** What makes one collection of people different from another. */
export interface CollectionOptions {
  /** whether this viewer may load it at all: nothing is asked of Bitrix24 otherwise */
  allowed(session: Session): boolean
  /** what to ask user.get for */
  query(session: Session): PeopleQuery
  /** the IndexedDB cache's view name, or null when the collection must never be kept on this device */
  cacheView: string | null
  /** the columns shown until the viewer chooses */
  columns: readonly ColumnKey[]
}

/**
 * A collection of people loaded from Bitrix24, the search and facets over it, and how it is sorted: the
 * directory everyone sees, and the admin views' list of all people, are two of them.
 */
export function definePeopleCollection(id: string, options: CollectionOptions) {
  return defineStore(id, () => collection(options))
}

function collection(options: CollectionOptions) {
  const session = useSessionStore()
  const device = useDeviceStore()
  let cache: DirectoryCache = createDirectoryCache(() => device.records())

  // ── data ──────────────────────────────────────────────────────────────────────────────────
  const people = shallowRef<Person[]>([])
  const departments = shallowRef<Department[]>([])
  const status = ref<LoadStatus>('idle')
  const error = shallowRef<RestError | null>(null)
  /** how many people the portal counted at the start of the load, for the progress bar */
  const expected = ref<number | null>(null)
  const departmentStatus = ref<DepartmentStatus>('idle')
  /** when the shown data came from the cache: the time it was saved */
  const cachedAt = ref<number | null>(null)
  /** a background refresh of cached data is running */
  const refreshing = ref(false)
  /** when the directory was last written to the cache during this visit */
  const savedAt = ref<number | null>(null)
  /** when what is shown was complete and fresh from Bitrix24 (the cache's time for a cached list) */
  const loadedAt = ref<number | null>(null)
  /** a transient fault is being retried quietly: the viewer sees "waiting for Bitrix24", not an error */
  const waiting = ref(false)
  let cursor: Cursor = { afterId: 0, done: false, counted: false }
  let cancelRequested = false
  let opened = false
  let retryDelays = RETRY_DELAYS_MS
  /** ends a quiet wait early (Stop) */
  let wakeUp: (() => void) | null = null

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wakeUp = null
        resolve()
      }
      wakeUp = done
    })
  }

  // ── view ──────────────────────────────────────────────────────────────────────────────────
  const query = ref('')
  const facets = ref<FacetSelection>(NO_FACETS)
  /** null: relevance while searching, by name otherwise */
  const sort = ref<SortState | null>(null)
  const columns = ref<ColumnKey[]>([...options.columns])
  const defaultColumns = options.columns

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
  let indexedTree: DepartmentTree | null = null
  const index = computed<SearchIndex>((previous) => {
    const currentTree = tree.value
    const reusable = indexedTree === currentTree ? previous : undefined
    indexedTree = currentTree
    const names = (p: Person) => p.departmentIds.map((id) => currentTree.byId.get(id)?.name ?? '')
    return buildSearchIndex(people.value, names, reusable)
  })
  const searcher = computed(() => createSearcher(index.value))
  const searchResult = computed(() => searcher.value(query.value))
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
  const filtered = computed(() => applyFacets(searched.value, facets.value, facetIndex.value))
  // Counts follow once typing pauses: the list itself must never wait for them.
  const facetCounts = shallowRef(countFacets([], NO_FACETS, facetIndex.value))
  watchDebounced(
    [searched, facets, facetIndex],
    () => (facetCounts.value = countFacets(searched.value, facets.value, facetIndex.value)),
    { debounce: 200, immediate: true },
  )

  // One collation pass per column and list; re-sorting a search result then compares numbers only.
  const rankTables = computed(() => {
    void people.value
    void tree.value
    void session.locale
    return new Map<SortKey, SortRanks>()
  })
  function ranksFor(key: SortKey): SortRanks {
    let ranks = rankTables.value.get(key)
    if (!ranks) {
      ranks = sortRanks(people.value, key, session.locale, departmentLabel)
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
      list = orderByRanks(people.value, ranksFor(order.key), order)
      sortedLists.value.set(key, list)
    }
    return list
  }
  const highlightWords = computed(() => searchResult.value?.words ?? [])

  /** Any list of these people in a column's order (by name when none is given). */
  function orderPeople(list: readonly Person[], order: SortState | null): readonly Person[] {
    const by = order ?? { key: 'name', desc: false }
    return orderByRanks(list, ranksFor(by.key), by)
  }

  // ── loading ───────────────────────────────────────────────────────────────────────────────
  function cacheScope(): CacheScope | null {
    const frame = session.frame
    const viewerId = session.me?.id
    if (!frame?.memberId || !viewerId || options.cacheView === null) return null
    return { memberId: frame.memberId, viewerId, scopes: session.scopes, view: options.cacheView }
  }

  /** Walks from the cursor, one batch (up to 2,500 people) per request, until done, cancelled or failed. */
  async function walk(target: { add(rows: Person[]): number }, state: Cursor, loadedSoFar = 0): Promise<void> {
    const client = session.frame?.rest
    if (!client || !options.allowed(session)) return
    const query = options.query(session)
    // a resumed walk asks only for the pages still missing
    let loaded = loadedSoFar
    while (!state.done) {
      const pages = state.counted ? pagesToAsk(expected.value, loaded) : undefined
      const reading = await fetchPeopleBatch(client, query, state.afterId, !state.counted, pages)
      if (reading.total !== null) {
        state.counted = true
        expected.value = reading.total
      }
      loaded = target.add(toPeople(reading.rows))
      state.afterId = reading.afterId
      state.done = reading.done
      if (reading.error) throw reading.error
      if (cancelRequested) return
    }
  }

  /**
   * Loads (or resumes loading) people into the visible list, showing each batch as it arrives. Transient
   * faults are retried quietly from where the load stopped; what is on screen stays all along.
   */
  async function loadPeople(): Promise<void> {
    if (status.value === 'loading' || cursor.done || !options.allowed(session)) return
    status.value = 'loading'
    error.value = null
    cancelRequested = false
    try {
      await retryQuietly(
        () => walk({ add: (rows) => (people.value = people.value.concat(rows)).length }, cursor, people.value.length),
        {
          method: 'user.get',
          delays: retryDelays,
          onWait: (on) => (waiting.value = on),
          stopped: () => cancelRequested,
          // people arrived since the last failure: the portal is answering, so a new streak starts
          progress: () => cursor.afterId,
          pause,
        },
      )
      status.value = cursor.done ? 'done' : 'cancelled'
      if (cursor.done) loadedAt.value = Date.now()
      void saveCache()
    } catch (e) {
      const failure = toRestError(e, 'user.get')
      error.value = failure
      status.value = cancelRequested ? 'cancelled' : 'error'
      void forgetIfRefused(failure)
    }
  }

  // back online: a quiet wait ends now, and a load that gave up carries on by itself
  useEventListener(typeof window === 'undefined' ? undefined : window, 'online', () => {
    wakeUp?.()
    if (status.value === 'error' && error.value && toAppError(error.value.code, error.value.status).retryable) void loadPeople()
    if (departmentStatus.value === 'error') void loadDepartments()
  })

  /** Every department, or why there are none to show (no `department` scope, or an error). */
  async function fetchDepartments(): Promise<{ status: DepartmentStatus; list: Department[] }> {
    const client = session.frame?.rest
    if (!client || !session.access.departments) return { status: 'unavailable', list: [] }
    try {
      const raw = await retryQuietly(() => fetchAllDepartments(client), { method: 'department.get', delays: retryDelays })
      return { status: 'done', list: raw.map(toDepartment).filter((d): d is Department => d !== null) }
    } catch (e) {
      const failure = toRestError(e, 'department.get')
      if (failure.code === 'insufficient_scope' || failure.code === 'ACCESS_DENIED') return { status: 'unavailable', list: [] }
      console.warn('[directory] departments could not be loaded', failure)
      return { status: 'error', list: [] }
    }
  }

  async function loadDepartments(): Promise<void> {
    departmentStatus.value = 'loading'
    const { status, list } = await fetchDepartments()
    departments.value = list
    departmentStatus.value = status
    void saveCache()
  }

  /**
   * The portal refused the viewer or the app's scope: what this device kept for them may show people they may
   * no longer see, so it goes.
   */
  async function forgetIfRefused(failure: RestError): Promise<void> {
    const kind = toAppError(failure.code, failure.status).kind
    const scope = cacheScope()
    if (scope && (kind === 'access' || kind === 'scope')) await cache.purge(scope)
  }

  /** Keeps what is on screen for the next visit, once it is complete and fresh from Bitrix24. */
  async function saveCache(): Promise<void> {
    const scope = cacheScope()
    const complete = status.value === 'done' && departmentStatus.value !== 'loading' && cachedAt.value === null
    if (!scope || !complete) return
    await cache.write(scope, { savedAt: Date.now(), people: people.value, departments: departments.value })
    savedAt.value = Date.now()
  }

  /**
   * Reloads everything behind cached data, and swaps it in only once complete: nobody sees a half list as
   * if it were whole, and a failure leaves the cached list in place, still marked as cached.
   */
  async function refreshInBackground(): Promise<void> {
    refreshing.value = true
    const fresh: Person[] = []
    // the first batch counts again: the portal may have grown or shrunk since the cache was written
    const state: Cursor = { afterId: 0, done: false, counted: false }
    try {
      const [, fetched] = await Promise.all([walk({ add: (rows) => fresh.push(...rows) }, state), fetchDepartments()])
      if (!state.done) return
      people.value = fresh
      loadedAt.value = Date.now()
      if (fetched.status !== 'error') {
        departments.value = fetched.list
        departmentStatus.value = fetched.status
      }
      cachedAt.value = null
      void saveCache()
    } catch (e) {
      // the cached list stays and the next visit tries again, unless the portal refused the viewer outright
      const failure = toRestError(e, 'user.get')
      console.warn('[directory] the refresh behind the cached list failed', failure)
      await forgetIfRefused(failure)
    } finally {
      refreshing.value = false
    }
  }

  /** Shows the directory: from the cache at once when there is one, then fresh from Bitrix24. */
  async function open(): Promise<void> {
    if (opened || !options.allowed(session)) return
    opened = true
    const scope = cacheScope()
    const cached = scope ? await cache.read(scope) : undefined
    if (cached) {
      people.value = cached.people
      departments.value = cached.departments
      expected.value = cached.people.length
      cachedAt.value = cached.savedAt
      loadedAt.value = cached.savedAt
      cursor = { afterId: 0, done: true, counted: true }
      status.value = 'done'
      departmentStatus.value = cached.departments.length ? 'done' : 'unavailable'
      await refreshInBackground()
      return
    }
    await Promise.all([loadPeople(), loadDepartments()])
  }

  // the browser granted storage during the visit: what is loaded is kept for the next one right away
  watch(
    () => device.status,
    (now, before) => {
      if (now === 'kept' && before === 'not-kept') void saveCache()
    },
  )

  function cancel() {
    cancelRequested = true
    wakeUp?.()
  }

  function clearFilters() {
    query.value = ''
    facets.value = NO_FACETS
  }

  /** Tests hand the store an in-memory cache. */
  function replaceCache(replacement: DirectoryCache) {
    cache = replacement
  }

  /** Tests shorten the quiet retries. */
  function replaceRetryDelays(delays: readonly number[]) {
    retryDelays = delays
  }

  /** this collection is kept on the device between visits (when the device keeps anything) */
  const keptOnDevice = options.cacheView !== null

  return {
    keptOnDevice, people, departments, status, waiting, error, expected, departmentStatus, cachedAt, refreshing, savedAt, loadedAt,
    query, facets, sort, columns, defaultColumns, effectiveSort,
    tree, visible, facetCounts, highlightWords, departmentLabel, orderPeople, today,
    open, loadPeople, loadDepartments, cancel, clearFilters, replaceCache, replaceRetryDelays,
  }
}

export type PeopleCollection = ReturnType<ReturnType<typeof definePeopleCollection>>
