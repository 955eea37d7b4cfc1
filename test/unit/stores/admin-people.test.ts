import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useAdminPeopleStore } from '@/stores/admin-people'
import { useSessionStore } from '@/stores/session'
import type { BatchReading } from '@/bitrix24/people-batch'
import type { PortalFrame } from '@/bitrix24/frame'
import type { DirectoryCache } from '@/storage/directory-cache'
import { toPerson } from '@/domain/people/person'

/** The portal's answer to the first page by name: nobody on it and no count, so the walk reads everyone. */
async function firstPageUnknown() {
  return { result: { result: { first: [], online: [] }, result_error: [], result_total: {}, result_time: {} } }
}

const fetchPeopleBatch = vi.fn<(...args: unknown[]) => Promise<BatchReading>>()
vi.mock('@/bitrix24/people', () => ({ fetchPeopleBatch: (...args: unknown[]) => fetchPeopleBatch(...args) }))
vi.mock('@/bitrix24/departments', () => ({ fetchAllDepartments: async () => [] }))

const everyone: BatchReading = {
  rows: [
    { ID: '1', NAME: 'Working', ACTIVE: true },
    { ID: '2', NAME: 'Gone', ACTIVE: false },
  ],
  afterId: 2,
  beforeId: null,
  done: true,
  total: 2,
  error: null,
}

function signIn(grants: { isAdmin: boolean; canAdmin: boolean }, scopes = ['user', 'department']) {
  const session = useSessionStore()
  session.frame = { memberId: 'portal-1', rest: { call: vi.fn(firstPageUnknown) } } as unknown as PortalFrame
  session.me = toPerson({ ID: '7', NAME: 'Viewer' })
  session.scopes = scopes
  session.isAdmin = grants.isAdmin
  session.canAdmin = grants.canAdmin
}

function spyCache() {
  const writes: string[] = []
  const cache: DirectoryCache = {
    read: vi.fn(async () => undefined),
    write: vi.fn(async (scope) => void writes.push(scope.view)),
    purge: vi.fn(async () => undefined),
    keepsAny: vi.fn(async () => false),
    readLatest: vi.fn(async () => undefined),
  }
  return { cache, writes }
}

describe('the admin list of everyone', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    fetchPeopleBatch.mockReset()
    fetchPeopleBatch.mockImplementation(async () => everyone)
  })

  it('asks Bitrix24 for nothing when the viewer is not allowed in', async () => {
    signIn({ isAdmin: false, canAdmin: false })
    const store = useAdminPeopleStore()
    await store.open()
    await store.loadPeople()
    expect(fetchPeopleBatch).not.toHaveBeenCalled()
    expect(store.people).toEqual([])
  })

  it('loads everyone, dismissed included, with ADMIN_MODE and the last login for an admin', async () => {
    signIn({ isAdmin: true, canAdmin: true })
    const store = useAdminPeopleStore()
    await store.open()
    const query = fetchPeopleBatch.mock.calls[0]?.[1] as { activeOnly: boolean; adminMode: boolean; select: string[] }
    expect(query).toMatchObject({ activeOnly: false, adminMode: true })
    expect(query.select).toContain('LAST_LOGIN')
    expect(store.people.map((p) => p.active)).toEqual([true, false])
  })

  it('never sends ADMIN_MODE for someone an admin granted access to', async () => {
    signIn({ isAdmin: false, canAdmin: true }, ['user_basic', 'department'])
    const store = useAdminPeopleStore()
    await store.open()
    const query = fetchPeopleBatch.mock.calls[0]?.[1] as { activeOnly: boolean; adminMode: boolean; select: string[] }
    expect(query).toMatchObject({ activeOnly: false, adminMode: false })
    // user_basic has no last login to ask for
    expect(query.select).not.toContain('LAST_LOGIN')
  })

  it('is never written to the device', async () => {
    signIn({ isAdmin: true, canAdmin: true })
    const store = useAdminPeopleStore()
    const { cache, writes } = spyCache()
    store.replaceCache(cache)
    await store.open()
    await store.loadDepartments()
    expect(store.status).toBe('done')
    expect(cache.read).not.toHaveBeenCalled()
    expect(writes).toEqual([])
  })
})
