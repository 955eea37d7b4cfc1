import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { usePersonStore } from '@/stores/person'
import { useDirectoryStore } from '@/stores/directory'
import { useAdminPeopleStore } from '@/stores/admin-people'
import { useSessionStore } from '@/stores/session'
import { useCardSourceStore } from '@/stores/card-source'
import type { PortalFrame } from '@/bitrix24/frame'
import type { KnownAround, PersonAround } from '@/bitrix24/person-around'
import type { PeopleQuery } from '@/bitrix24/people-batch'
import { toPerson, type Person } from '@/domain/people/person'
import type { Department } from '@/domain/org/departments'

const fetchPersonAround = vi.fn<(client: unknown, id: number, query: PeopleQuery, known?: KnownAround) => Promise<PersonAround>>()
const fetchPersonById = vi.fn<(...args: unknown[]) => Promise<Record<string, unknown> | null>>()
vi.mock('@/bitrix24/person-around', () => ({ fetchPersonAround: (...args: Parameters<typeof fetchPersonAround>) => fetchPersonAround(...args) }))
vi.mock('@/bitrix24/users', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  fetchPersonById: (...args: unknown[]) => fetchPersonById(...args),
}))
vi.mock('@/bitrix24/people', () => ({ fetchPeopleBatch: vi.fn() }))
vi.mock('@/bitrix24/departments', () => ({ fetchAllDepartments: vi.fn() }))

// 1 Company (head 1) → 2 Sales (head 2) → 3 Key accounts (head 3)
const departments: Department[] = [
  { id: 1, name: 'Company', parentId: null, headId: 1, sort: 1 },
  { id: 2, name: 'Sales', parentId: 1, headId: 2, sort: 2 },
  { id: 3, name: 'Key accounts', parentId: 2, headId: 3, sort: 3 },
]
const raw = (id: number, departmentIds: number[], active = true) => ({ ID: String(id), NAME: `P${id}`, UF_DEPARTMENT: departmentIds, ACTIVE: active })
const person = (id: number, departmentIds: number[]) => toPerson(raw(id, departmentIds)) as Person

function signIn(viewer = raw(7, [3]), grants = { isAdmin: false, canAdmin: false }, scopes = ['user_basic', 'department']) {
  const session = useSessionStore()
  session.frame = { memberId: 'portal-1', rest: { call: vi.fn() } } as unknown as PortalFrame
  session.me = toPerson(viewer)
  session.scopes = scopes
  session.isAdmin = grants.isAdmin
  session.canAdmin = grants.canAdmin
  return session
}

/** What the portal has around 2 (head of Sales): their manager 1, a colleague 5, their report 3. */
function aroundTwo(extra: Partial<PersonAround> = {}): PersonAround {
  return {
    person: raw(2, [2]),
    colleagues: [raw(2, [2]), raw(5, [2])],
    managers: [raw(1, [1])],
    reports: [raw(5, [2]), raw(3, [3])],
    departments: { status: 'done', list: departments },
    totals: { colleagues: 80, members: 80, below: 200 },
    ...extra,
  }
}

describe('person store: a card while the collection is incomplete', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    fetchPersonAround.mockReset()
    fetchPersonById.mockReset()
  })

  it('looks the person up around them, never loading the directory', async () => {
    signIn()
    fetchPersonAround.mockResolvedValue(aroundTwo())
    const store = usePersonStore()
    const directory = useDirectoryStore()
    await store.show(2)

    expect(fetchPersonAround).toHaveBeenCalledTimes(1)
    const [, id, query, known] = fetchPersonAround.mock.calls[0]!
    expect(id).toBe(2)
    // outside the admin views: working people only, never ADMIN_MODE
    expect(query).toMatchObject({ activeOnly: true, adminMode: false })
    // no tree and no departments known yet: both are read in the lookup
    expect(known).toEqual({ departmentIds: undefined })
    expect(directory.status).toBe('idle')
    expect(fetchPersonById).not.toHaveBeenCalled()

    expect(store.status).toBe('ready')
    expect(store.person?.id).toBe(2)
    expect(store.managers.map((p) => p.id)).toEqual([1])
    expect(store.colleagues.map((p) => p.id)).toEqual([5])
    expect(store.reports.direct.map((p) => p.id).sort()).toEqual([3, 5])
    expect(store.departments.map((d) => d.path)).toEqual([['Company', 'Sales']])
    // the portal's counts, less the person: more than the first pages hold
    expect(store.colleagueCount).toBe(79)
    expect(store.reports.total).toBe(199)
    expect(store.departmentsKnown).toBe(true)
  })

  it('makes a team of the people around, each once, whose full lists open the directory in the portal\'s slider', async () => {
    const session = signIn()
    const openApplication = vi.fn(async () => {})
    session.frame = { ...session.frame, actions: { openApplication } } as unknown as PortalFrame
    fetchPersonAround.mockResolvedValue(aroundTwo())
    const store = usePersonStore()
    await store.show(2)

    const team = store.team!
    expect(team.managers.map((p) => p.id)).toEqual([1])
    expect(team.reports.people.map((p) => p.id).sort()).toEqual([3, 5])
    // the head of Sales sits in Sales: the 79 people there besides them are their reports, not colleagues
    expect(team.reports.count).toBe(80)
    expect(team.colleagues).toEqual({ people: [], count: 0, list: null })

    store.openList(team.reports.list!)
    // Sales and below, as the head of Key accounts reports to them too
    expect(openApplication).toHaveBeenCalledWith({ VIEW: 'dept=2' })
    store.openList(store.lists.colleagues!)
    expect(openApplication).toHaveBeenLastCalledWith({ VIEW: 'dept=2&sub=0' })
  })

  it('reuses what it read: the tree, the person\'s departments, and a card already looked up', async () => {
    signIn()
    fetchPersonAround.mockResolvedValueOnce(aroundTwo())
    const store = usePersonStore()
    await store.show(2)
    // a manager's card: the tree and their departments are known, so the lookup needs one batch
    fetchPersonAround.mockResolvedValueOnce(aroundTwo({ person: raw(1, [1]), colleagues: [], managers: [], reports: [raw(2, [2])], departments: null }))
    await store.show(1)
    expect(fetchPersonAround.mock.calls[1]?.[3]).toEqual({ departments, departmentIds: [1] })
    expect(store.reports.direct.map((p) => p.id)).toEqual([2])
    // back to the first card: nothing is asked again
    await store.show(2)
    expect(fetchPersonAround).toHaveBeenCalledTimes(2)
    expect(store.managers.map((p) => p.id)).toEqual([1])
  })

  it('passes the viewer\'s own departments and the directory\'s tree when it has one', async () => {
    signIn(raw(7, [3]))
    const directory = useDirectoryStore()
    directory.departments = departments
    directory.departmentStatus = 'done'
    directory.status = 'loading'
    directory.people = [person(3, [3])]
    fetchPersonAround.mockResolvedValue({
      person: raw(7, [3]), colleagues: [raw(8, [3])], managers: [raw(3, [3]), raw(2, [2])], reports: [], departments: null,
      totals: { colleagues: 3, members: null, below: null },
    })
    const store = usePersonStore()
    await store.show(7)
    expect(fetchPersonAround.mock.calls[0]?.[3]).toEqual({ departments, departmentIds: [3] })
    // merged with what the directory has loaded so far (3 is both a manager and a colleague)
    expect(store.managers.map((p) => p.id)).toEqual([3, 2])
    expect(store.colleagues.map((p) => p.id).sort()).toEqual([3, 8])
  })

  it('says so when the viewer may not see the person', async () => {
    signIn()
    fetchPersonAround.mockResolvedValue({ person: null, colleagues: [], managers: [], reports: [], departments: null, totals: { colleagues: null, members: null, below: null } })
    const store = usePersonStore()
    await store.show(99)
    expect(store.status).toBe('missing')
    expect(store.person).toBeNull()
  })

  it('shows an error when the lookup fails, and tries again when the card is opened again', async () => {
    signIn()
    fetchPersonAround.mockRejectedValueOnce(new Error('down')).mockResolvedValueOnce(aroundTwo())
    const store = usePersonStore()
    await store.show(2)
    expect(store.status).toBe('error')
    await store.show(2)
    expect(store.status).toBe('ready')
  })

  it('without the department scope, asks for no tree and says departments are not available', async () => {
    signIn(raw(7, [3]), undefined, ['user_basic'])
    fetchPersonAround.mockResolvedValue(aroundTwo({ departments: null }))
    const store = usePersonStore()
    await store.show(2)
    expect(fetchPersonAround.mock.calls[0]?.[3]).toMatchObject({ departments: null })
    expect(store.departmentsKnown).toBe(false)
    expect(store.managers).toEqual([])
  })

  it('keeps the admin views\' rules: ADMIN_MODE only for admins, everyone only inside the admin views', async () => {
    signIn(raw(7, [3]), { isAdmin: false, canAdmin: true })
    fetchPersonAround.mockResolvedValue(aroundTwo())
    const store = usePersonStore()
    await store.show(2)
    expect(fetchPersonAround.mock.calls[0]?.[2]).toMatchObject({ activeOnly: true, adminMode: false })

    store.readFrom(useAdminPeopleStore())
    await store.show(2)
    expect(fetchPersonAround.mock.calls[1]?.[2]).toMatchObject({ activeOnly: false, adminMode: false })

    useSessionStore().isAdmin = true
    await store.show(5)
    expect(fetchPersonAround.mock.calls[2]?.[2]).toMatchObject({ activeOnly: false, adminMode: true })
  })

  it('in the admin views, lists no dismissed colleague', async () => {
    signIn(raw(7, [3]), { isAdmin: true, canAdmin: true })
    fetchPersonAround.mockResolvedValue(aroundTwo({ colleagues: [raw(5, [2]), raw(6, [2], false)] }))
    const store = usePersonStore()
    store.readFrom(useAdminPeopleStore())
    await store.show(2)
    expect(store.colleagues.map((p) => p.id)).toEqual([5])
  })
  it('forgets who it looked up for the admin views once a table shows the directory again', async () => {
    signIn(raw(7, [3]), { isAdmin: true, canAdmin: true })
    fetchPersonAround.mockResolvedValue(aroundTwo({ colleagues: [raw(5, [2]), raw(6, [2], false)] }))
    const store = usePersonStore()
    // the admin views' table says so, as PeopleBrowser does, without going through the card
    const cardSource = useCardSourceStore()
    cardSource.readFrom(useAdminPeopleStore())
    await store.show(2)
    // every later lookup is still on its way: what shows is what the store already holds
    fetchPersonAround.mockReturnValue(new Promise(() => {}))
    void store.show(6)
    // known from the lookup around 2: the admin views show the dismissed colleague's card at once
    expect(store.person?.id).toBe(6)

    cardSource.readFrom(null)
    void store.show(6)
    // the directory never shows a dismissed person it was not given: the card asks the portal with its rules
    expect(store.person).toBeNull()
    expect(fetchPersonAround.mock.calls.at(-1)?.[2]).toMatchObject({ activeOnly: true })
  })
})

describe('person store: a card from a complete collection', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    fetchPersonAround.mockReset()
    fetchPersonById.mockReset()
  })

  it('asks nothing and reads everyone around the person from the collection', async () => {
    signIn()
    const directory = useDirectoryStore()
    directory.people = [person(1, [1]), person(2, [2]), person(3, [3]), person(4, [3])]
    directory.departments = departments
    directory.departmentStatus = 'done'
    directory.status = 'done'
    const store = usePersonStore()
    await store.show(3)
    expect(fetchPersonAround).not.toHaveBeenCalled()
    expect(fetchPersonById).not.toHaveBeenCalled()
    expect(store.managers.map((p) => p.id)).toEqual([2, 1])
    expect(store.colleagues.map((p) => p.id)).toEqual([4])
    expect(store.colleagueCount).toBe(1)
  })

  it('looks up someone the collection does not hold by ID alone, working people only', async () => {
    signIn()
    const directory = useDirectoryStore()
    directory.people = [person(1, [1])]
    directory.status = 'done'
    fetchPersonById.mockResolvedValue(null)
    const store = usePersonStore()
    await store.show(9)
    expect(fetchPersonAround).not.toHaveBeenCalled()
    expect(fetchPersonById.mock.calls[0]?.[2]).toMatchObject({ activeOnly: true, adminMode: false })
    expect(store.status).toBe('missing')
  })
})
