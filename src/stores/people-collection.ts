import { defineStore } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { useEventListener, useTimeoutFn } from '@vueuse/core'
import { type PeopleQuery } from '@/bitrix24/people-batch'
import type { RestError } from '@/bitrix24/rest-error'
import type { Person } from '@/domain/people/person'
import { subtreeIds } from '@/domain/org/departments'
import { type ColumnKey } from '@/domain/people/columns'
import { toAppError } from '@/domain/errors/app-error'
import { useSessionStore } from './session'
import { usePortalBudgetStore } from './portal-budget'
import { createPeopleLoader } from './collection/people-loader'
import { createColdOpen } from './collection/cold-open'
import { createDepartmentsLoader } from './collection/departments-loader'
import { createPeopleView } from './collection/people-view'
import { createPortalSearch } from './collection/portal-search'
import { createKeptDirectory } from './collection/kept-directory'
import { createPresence } from './collection/presence'


type Session = ReturnType<typeof useSessionStore>

/** What makes one collection of people different from another. */
export interface CollectionOptions {
  /** whether this viewer may load it at all: nothing is asked of Bitrix24 otherwise */
  allowed(session: Session): boolean
  /** what to ask user.get for */
  query(session: Session): PeopleQuery
  /** the device cache's view name, or null when the collection must never be kept on this device */
  cacheView: string | null
  /** the columns shown until the viewer chooses */
  columns: readonly ColumnKey[]
}

/** how many rows a reopen asks the presence of along with its sync: a tall frame's first screen */
const FIRST_SCREEN_ROWS = 40

/** after the first page of a large portal, the whole list is read once the viewer has paused this long */
const IDLE_BEFORE_WALK_MS = 1_500

/**
 * A collection of people loaded from Bitrix24, the search and facets over it, and how it is sorted: the
 * directory everyone sees, and the admin views' list of all people, are two of them. It composes the walk
 * over everyone (paced by the portal's budget), the departments, the copy kept on the device and its sync,
 * the search on the portal while the list is incomplete, and the view.
 */
export function definePeopleCollection(id: string, options: CollectionOptions) {
  return defineStore(id, () => collection(options))
}

function collection(options: CollectionOptions) {
  const session = useSessionStore()
  const budget = usePortalBudgetStore()
  const client = () => session.frame?.rest ?? null
  const allowed = () => options.allowed(session)
  const query = () => options.query(session)

  const people = shallowRef<readonly Person[]>([])
  /** the IDs in `people` */
  const known = new Set<number>()
  /** when what is shown was complete and fresh from Bitrix24 (the kept copy's time for a kept list) */
  const loadedAt = ref<number | null>(null)
  // the walk gives way to a search on the portal (defined below, read only when a batch is due)
  const loader = createPeopleLoader({ client, query, allowed, budget, busy: () => portalSearch.status.value === 'searching' })
  const departmentsLoader = createDepartmentsLoader({
    client,
    granted: () => session.access.departments,
    retryDelays: () => loader.retryDelays,
  })
  const complete = computed(() => loader.status.value === 'done')
  const query$ = ref('')
  const departments$ = shallowRef<readonly number[]>([])
  const portalSearch = createPortalSearch({
    query: query$,
    departments: departments$,
    complete: () => complete.value,
    listed: computed(() => people.value.length > 0),
    client,
    peopleQuery: query,
    budget,
  })
  // what the portal found for the current search joins the list the view searches, until the list is whole
  const pool = computed<readonly Person[]>(() => {
    const found = portalSearch.found.value
    if (found.length === 0 || complete.value) return people.value
    const extra = found.filter((p) => !known.has(p.id))
    return extra.length ? people.value.concat(extra) : people.value
  })
  const view = createPeopleView(pool, departmentsLoader.departments, () => session.locale, options.columns)
  watch(view.query, (q) => (query$.value = q))
  watch([view.facets, view.tree], ([facets, tree]) => {
    const ids = facets.withSubdepartments ? facets.departments.flatMap((id) => [...subtreeIds(tree, id)]) : facets.departments
    if (ids.join() !== departments$.value.join()) departments$.value = [...new Set(ids)]
  })

  /** Adds a batch of people, skipping anyone already shown (the first page by name came before the walk). */
  function add(batch: Person[]) {
    const fresh = batch.filter((p) => !known.has(p.id))
    for (const p of fresh) known.add(p.id)
    presence.markFresh(fresh)
    if (fresh.length) people.value = people.value.concat(fresh)
  }
  function replace(list: readonly Person[]) {
    known.clear()
    for (const p of list) known.add(p.id)
    people.value = list
  }

  const kept = createKeptDirectory({
    session,
    view: options.cacheView,
    loader,
    query,
    departments: departmentsLoader,
    people,
    replace,
    loadedAt,
    onlineCounted: (online: number | null) => presence.counted(online),
    // the rows a reopen shows first: what the view shows, in its order
    firstScreen: () => view.visible.value.slice(0, FIRST_SCREEN_ROWS).map((p) => p.id),
    presenceRead: (online) => presence.apply(online),
  })

  const presence = createPresence({ client, query, people, replace, budget })

  // a blocked walk carries on by itself once the portal's window has moved
  let resumeTimer: ReturnType<typeof setTimeout> | undefined
  function scheduleResume(until: number) {
    clearTimeout(resumeTimer)
    resumeTimer = setTimeout(() => void loadPeople(), Math.max(0, until - Date.now()))
  }

  let stopAsked = false
  async function loadPeople(): Promise<void> {
    stopAsked = false
    await loader.load(add, scheduleResume)
    if (loader.status.value === 'done') {
      loadedAt.value = Date.now()
      portalSearch.clear()
      void kept.save()
    }
    const failure = loader.error.value
    if (failure) void kept.forgetIfRefused(failure)
  }

  // a large portal is read in the background once the viewer pauses, not while they search on the portal
  const idleWalk = useTimeoutFn(() => void loadPeople(), IDLE_BEFORE_WALK_MS, { immediate: false })
  watch(view.query, () => {
    if (idleWalk.isPending.value) {
      idleWalk.stop()
      idleWalk.start()
    }
  })

  const cold = createColdOpen({
    client,
    query,
    allowed,
    loader,
    budget,
    kept,
    presence,
    loadedAt,
    add,
    stopped: () => stopAsked,
    walk: loadPeople,
    walkWhenIdle: () => idleWalk.start(),
    resumeAt: scheduleResume,
    viewerKnown: () => session.viewerKnown(),
  })

  /** open() has run: the collection is shown */
  let opened = false
  /** what the viewer sees right now: its presence is asked for when stale */
  function shown(list: readonly Person[]) {
    void presence.refresh(list)
  }

  /** Shows the collection: from the device at once when it keeps a copy (then brought up to date), else cold. */
  async function open(): Promise<void> {
    if (opened || !allowed()) return
    opened = true
    // A first page asked for early means the device keeps no copy: nothing to read back, and its rows show
    // even before Bitrix24 has said who is looking. A kept copy is the viewer's own, and the departments
    // follow the viewer's scopes: both wait for the viewer.
    if (!cold.knownCold()) {
      await session.viewerKnown()
      if (await kept.showKept()) {
        await kept.sync()
        return
      }
    }
    await Promise.all([cold.open(), session.viewerKnown().then(() => departmentsLoader.load()).then(() => kept.save())])
  }

  // back online: a quiet wait ends now, and a load that gave up carries on by itself
  useEventListener(typeof window === 'undefined' ? undefined : window, 'online', () => {
    loader.wake()
    const failure: RestError | null = loader.error.value
    if (loader.status.value === 'error' && failure && toAppError(failure.code, failure.status).retryable) void loadPeople()
    if (departmentsLoader.status.value === 'error') void departmentsLoader.load()
  })

  function cancel() {
    stopAsked = true
    idleWalk.stop()
    loader.cancel()
  }

  return {
    keptOnDevice: options.cacheView !== null,
    people,
    departments: departmentsLoader.departments,
    departmentStatus: departmentsLoader.status,
    status: loader.status,
    waiting: loader.waiting,
    error: loader.error,
    expected: loader.expected,
    blockedTill: computed(() => budget.blockedTill),
    cachedAt: kept.cachedAt,
    refreshing: kept.refreshing,
    savedAt: kept.savedAt,
    loadedAt,
    portalSearch: portalSearch.status,
    onlineNow: presence.onlineNow,
    shown,
    query: view.query,
    facets: view.facets,
    sort: view.sort,
    columns: view.columns,
    defaultColumns: options.columns,
    effectiveSort: view.effectiveSort,
    tree: view.tree,
    visible: view.visible,
    facetCounts: view.facetCounts,
    highlightWords: view.highlightWords,
    answered: view.answered,
    departmentLabel: view.departmentLabel,
    orderPeople: view.orderPeople,
    today: view.today,
    prepare: cold.prepare,
    open,
    loadPeople,
    loadDepartments: departmentsLoader.load,
    cancel,
    clearFilters: view.clearFilters,
    replaceCache: kept.replaceCache,
    replaceRetryDelays: loader.replaceRetryDelays,
  }
}

export type PeopleCollection = ReturnType<ReturnType<typeof definePeopleCollection>>
