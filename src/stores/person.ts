import { defineStore, acceptHMRUpdate } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import type { PeopleCollection } from './people-collection'
import { fetchPersonById } from '@/bitrix24/users'
import { toPerson, type Person } from '@/domain/person'
import { colleaguesOf, managerChain, reportsOf } from '@/domain/org-people'
import { departmentPath } from '@/domain/departments'
import { adminSelect, directorySelect } from '@/domain/scope-access'
import { toVCard, vCardExtrasFor, vCardFileName } from '@/domain/vcard'
import { useSessionStore } from './session'
import { useDirectoryStore } from './directory'
import { useAdminPeopleStore } from './admin-people'

export type PersonStatus = 'idle' | 'loading' | 'ready' | 'missing' | 'error'

/** The person whose card is open, and everyone around them. */
export const usePersonStore = defineStore('person', () => {
  const session = useSessionStore()
  const directory = useDirectoryStore()
  const everyone = useAdminPeopleStore()
  /** the collection the open view shows: the admin views' list of everyone, or the directory */
  const shownFrom = shallowRef<PeopleCollection | null>(null)
  const source = computed(() => shownFrom.value ?? directory)
  const isEveryone = computed(() => source.value.$id === everyone.$id)
  /** the people working here: reports and colleagues never include the dismissed */
  const working = computed(() =>
    isEveryone.value ? source.value.people.filter((p) => p.active) : source.value.people,
  )
  const tree = computed(() => source.value.tree)
  const departmentsKnown = computed(() => source.value.departmentStatus !== 'unavailable')

  const personId = ref<number | null>(null)
  /** the person as fetched on their own, when the directory has not loaded them (yet) */
  const fetched = shallowRef<Person | null>(null)
  const fetchStatus = ref<PersonStatus>('idle')

  const peopleById = computed(() => new Map(source.value.people.map((p) => [p.id, p])))
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
  const reports = computed(() =>
    person.value ? reportsOf(person.value, tree.value, working.value) : { direct: [], total: 0 },
  )
  const colleagues = computed(() => (person.value ? colleaguesOf(person.value, working.value) : []))

  /**
   * Opens a person's card. From the loaded directory when they are in it; otherwise one user.get by ID,
   * which also tells whether the viewer may see them at all.
   */
  async function show(id: number): Promise<void> {
    personId.value = id
    if (peopleById.value.has(id)) {
      fetchStatus.value = 'ready'
      return
    }
    const client = session.frame?.rest
    if (!client) return
    fetchStatus.value = 'loading'
    try {
      // outside the admin views a card is for working people only, as the directory is
      const query = isEveryone.value && session.canAdmin
        ? { activeOnly: false, adminMode: session.isAdmin, select: adminSelect(session.access) }
        : { activeOnly: true, adminMode: false, select: directorySelect(session.access) }
      const raw = await fetchPersonById(client, id, query)
      if (personId.value !== id) return
      fetched.value = raw ? toPerson(raw) : null
      fetchStatus.value = fetched.value ? 'ready' : 'missing'
    } catch {
      if (personId.value === id) fetchStatus.value = 'error'
    }
  }

  // a refreshed directory may no longer hold the open person (dismissed since): ask for them on their own
  watch(peopleById, (byId) => {
    const id = personId.value
    if (id !== null && !byId.has(id) && fetched.value?.id !== id && fetchStatus.value !== 'loading') void show(id)
  })

  /** Cards opened from now on read this collection (null: the directory). */
  function readFrom(collection: PeopleCollection | null) {
    shownFrom.value = collection
    // someone looked up for one view is not shown in another (a dismissed person outside the admin views)
    fetched.value = null
  }

  function close() {
    personId.value = null
  }

  /** The open person's contact card, ready to download. */
  function vCard(): { fileName: string; text: string } | null {
    const p = person.value
    if (!p) return null
    return { fileName: vCardFileName(p), text: toVCard(p, vCardExtrasFor(p, tree.value)) }
  }

  return { personId, person, status, departmentsKnown, readFrom, departments, managers, reports, colleagues, show, close, vCard }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePersonStore, import.meta.hot))
