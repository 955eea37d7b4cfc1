import { defineStore, acceptHMRUpdate } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { PeopleCollection } from './people-collection'
import { fetchPersonById } from '@/bitrix24/users'
import { fetchPersonAround, type AroundDepartments, type KnownAround } from '@/bitrix24/person-around'
import type { PeopleQuery } from '@/bitrix24/people-batch'
import { toPerson, type Person } from '@/domain/people/person'
import { colleaguesOf, managerChain, reportsOf } from '@/domain/org/org-people'
import { buildDepartmentTree, departmentPath } from '@/domain/org/departments'
import { countsAround, NO_TOTALS, reportsPlan, type PortalTotals } from '@/domain/org/person-around'
import { colleagueList, listView, reportList, teamOf, type DepartmentList } from '@/domain/org/team'
import { adminSelect, directorySelect } from '@/domain/portal/scope-access'
import { toVCard, vCardExtrasFor, vCardFileName } from '@/domain/people/vcard'
import { useSessionStore } from './session'
import { useDirectoryStore } from './directory'
import { useAdminPeopleStore } from './admin-people'
import { useCardSourceStore } from './card-source'

export type PersonStatus = 'idle' | 'loading' | 'ready' | 'missing' | 'error'

/**
 * The person whose card is open, and everyone around them. From the collection the open view shows once it
 * holds everyone; until then (a profile placement, a link opened while the directory loads) from targeted
 * queries around the person, never from a walk over the whole portal.
 */
export const usePersonStore = defineStore('person', () => {
  const session = useSessionStore()
  const directory = useDirectoryStore()
  const everyone = useAdminPeopleStore()
  const cardSource = useCardSourceStore()
  /** the collection the open view shows: the admin views' list of everyone, or the directory */
  const source = computed<PeopleCollection>(() => cardSource.collection ?? directory)
  const isEveryone = computed(() => source.value.$id === everyone.$id)
  /** the collection holds everyone it ever will: the card needs nothing else */
  const complete = computed(() => source.value.status === 'done')

  /** people looked up around the cards opened while the collection was incomplete */
  const around = shallowRef<ReadonlyMap<number, Person>>(new Map())
  /** the portal's counts around each person looked up */
  const aroundTotals = shallowRef<ReadonlyMap<number, PortalTotals>>(new Map())
  /** the department tree read for the cards, while the collection has none */
  const ownDepartments = shallowRef<AroundDepartments | null>(null)
  /** cards already looked up around (source and person): reopening one asks nothing again */
  const lookedUp = new Set<string>()

  const sourceDepartmentsSettled = computed(() => ['done', 'unavailable'].includes(source.value.departmentStatus))
  const useOwnTree = computed(() => !complete.value && !sourceDepartmentsSettled.value && ownDepartments.value !== null)
  const ownTree = computed(() => buildDepartmentTree(ownDepartments.value?.list ?? []))
  const tree = computed(() => (useOwnTree.value ? ownTree.value : source.value.tree))
  const departmentsKnown = computed(() =>
    useOwnTree.value ? ownDepartments.value?.status !== 'unavailable' : source.value.departmentStatus !== 'unavailable',
  )

  /** the collection, plus whoever was looked up around a card while it is incomplete */
  const people = computed<readonly Person[]>(() => {
    const loaded = source.value.people
    if (complete.value || around.value.size === 0) return loaded
    const ids = new Set(loaded.map((p) => p.id))
    return loaded.concat([...around.value.values()].filter((p) => !ids.has(p.id)))
  })
  /** the people working here: reports and colleagues never include the dismissed */
  const working = computed(() => (isEveryone.value ? people.value.filter((p) => p.active) : people.value))

  const personId = ref<number | null>(null)
  /** the person as fetched on their own, when the collection has not loaded them (yet) */
  const fetched = shallowRef<Person | null>(null)
  const fetchStatus = ref<PersonStatus>('idle')

  const peopleById = computed(() => new Map(people.value.map((p) => [p.id, p])))
  const person = computed<Person | null>(() => {
    const id = personId.value
    if (id === null) return null
    return peopleById.value.get(id) ?? (fetched.value?.id === id ? fetched.value : null)
  })
  const status = computed<PersonStatus>(() => (person.value ? 'ready' : fetchStatus.value))

  const departments = computed(() =>
    (person.value?.departmentIds ?? [])
      .filter((id) => tree.value.byId.has(id))
      .map((id) => ({ id, path: departmentPath(tree.value, id) })),
  )
  const managers = computed(() => (person.value ? managerChain(person.value, tree.value, peopleById.value) : []))
  const loadedReports = computed(() =>
    person.value ? reportsOf(person.value, tree.value, working.value) : { direct: [], total: 0 },
  )
  const colleagues = computed(() => (person.value ? colleaguesOf(person.value, working.value) : []))
  /** with only first pages loaded, the portal's counts say how many there are in all */
  const totals = computed(() => (person.value && !complete.value && aroundTotals.value.get(person.value.id)) || NO_TOTALS)
  const counts = computed(() => {
    const p = person.value
    if (!p) return { colleagues: 0, directReports: 0, below: 0 }
    return countsAround(p, tree.value, { colleagues: colleagues.value, reports: loadedReports.value }, totals.value)
  })
  const reports = computed(() => ({ direct: loadedReports.value.direct, total: counts.value.below }))
  const colleagueCount = computed(() => counts.value.colleagues)
  const reportCount = computed(() => counts.value.directReports)
  const plan = computed(() => (person.value ? reportsPlan(person.value.id, tree.value) : null))
  /** the directory lists behind the card's "and N more" */
  const lists = computed(() => ({
    colleagues: colleagueList(person.value?.departmentIds ?? []),
    reports: plan.value ? reportList(plan.value) : null,
  }))
  /** the person's team, each person once: for the viewer's own profile menu */
  const team = computed(() => {
    const p = person.value
    if (!p || !plan.value) return null
    const around = { managers: managers.value, reports: loadedReports.value.direct, colleagues: colleagues.value }
    return teamOf(p, plan.value, around, counts.value, totals.value)
  })

  /** Outside the admin views a card is for working people only, as the directory is; ADMIN_MODE only for admins. */
  function personQuery(): PeopleQuery {
    return isEveryone.value && session.canAdmin
      ? { activeOnly: false, adminMode: session.isAdmin, select: adminSelect(session.access) }
      : { activeOnly: true, adminMode: false, select: directorySelect(session.access) }
  }

  /**
   * Opens a person's card. From the collection when it is complete (one user.get by ID when they are not in
   * it, which also tells whether the viewer may see them at all); otherwise from targeted queries.
   */
  async function show(id: number): Promise<void> {
    personId.value = id
    if (!complete.value) return lookAround(id)
    if (peopleById.value.has(id)) {
      fetchStatus.value = 'ready'
      return
    }
    const client = session.frame?.rest
    if (!client) return
    fetchStatus.value = 'loading'
    try {
      const raw = await fetchPersonById(client, id, personQuery())
      if (personId.value !== id) return
      fetched.value = raw ? toPerson(raw) : null
      fetchStatus.value = fetched.value ? 'ready' : 'missing'
    } catch {
      if (personId.value === id) fetchStatus.value = 'error'
    }
  }

  /** What is known already, so the lookup needs fewer commands: the tree, and the person's departments. */
  function knownFor(id: number): KnownAround {
    const from = source.value
    const departmentIds = peopleById.value.get(id)?.departmentIds ?? (session.me?.id === id ? session.me.departmentIds : undefined)
    if (!session.access.departments || from.departmentStatus === 'unavailable') return { departments: null, departmentIds }
    if (from.departmentStatus === 'done') return { departments: from.departments, departmentIds }
    if (ownDepartments.value?.status === 'done') return { departments: ownDepartments.value.list, departmentIds }
    return { departmentIds }
  }

  /** The person, their managers, reports and colleagues: a few user.get pages instead of the whole portal. */
  async function lookAround(id: number): Promise<void> {
    const client = session.frame?.rest
    const from = source.value
    const key = `${from.$id}:${id}`
    if (!client || lookedUp.has(key)) return
    lookedUp.add(key)
    fetchStatus.value = 'loading'
    const known = knownFor(id)
    if (known.departments === null) ownDepartments.value = { status: 'unavailable', list: [] }
    try {
      const found = await fetchPersonAround(client, id, personQuery(), known)
      // another view by now: someone looked up for one view is not shown in another
      if (source.value !== from) return
      if (found.departments) ownDepartments.value = found.departments
      const next = new Map(around.value)
      for (const raw of [found.person, ...found.colleagues, ...found.managers, ...found.reports]) {
        const p = raw ? toPerson(raw) : null
        if (p) next.set(p.id, p)
      }
      around.value = next
      aroundTotals.value = new Map(aroundTotals.value).set(id, found.totals)
      if (!found.person) lookedUp.delete(key)
      if (personId.value !== id) return
      fetched.value = found.person ? toPerson(found.person) : null
      fetchStatus.value = fetched.value ? 'ready' : 'missing'
    } catch {
      lookedUp.delete(key)
      if (personId.value === id && source.value === from) fetchStatus.value = 'error'
    }
  }

  // a complete collection that no longer holds the open person (dismissed since): ask for them on their own
  watch([peopleById, complete], ([byId, isComplete]) => {
    const id = personId.value
    if (!isComplete || id === null || byId.has(id) || fetched.value?.id === id || fetchStatus.value === 'loading') return
    void show(id)
  })

  // someone looked up for one view is not shown in another (a dismissed person outside the admin views); at
  // once, so a card shown right after the switch starts from nothing
  watch(
    () => source.value.$id,
    () => {
      fetched.value = null
      around.value = new Map()
      aroundTotals.value = new Map()
      lookedUp.clear()
    },
    { flush: 'sync' },
  )
  /** Cards opened from now on read this collection (null: the directory); see the card-source store. */
  function readFrom(collection: PeopleCollection | null) {
    cardSource.readFrom(collection)
  }

  function close() {
    personId.value = null
  }

  /** A full list behind "and N more": the directory filtered to its departments, in the portal's slider. */
  function openList(list: DepartmentList) {
    void session.openDirectory(listView(list))
  }

  /** The open person's contact card, ready to download. */
  function vCard(): { fileName: string; text: string } | null {
    const p = person.value
    if (!p) return null
    return { fileName: vCardFileName(p), text: toVCard(p, vCardExtrasFor(p, tree.value)) }
  }

  return {
    personId, person, status, departmentsKnown, readFrom, departments, managers, reports, colleagues,
    colleagueCount, reportCount, lists, team, show, close, openList, vCard,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePersonStore, import.meta.hot))
