import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useDirectoryStore } from '@/stores/directory'
import { useSessionStore } from '@/stores/session'
import { useDeviceStore } from '@/stores/device'
import { checkAppDatabaseEarly, takeEarlyDatabaseCheck } from '@/storage/device-storage'
import type { BatchReading } from '@/bitrix24/people-batch'
import type { PortalFrame } from '@/bitrix24/frame'
import { RestError } from '@/bitrix24/rest-error'
import { cacheKey, type CacheScope, type CachedDirectory, type DirectoryCache } from '@/storage/directory-cache'
import { toPerson } from '@/domain/people/person'
import { IDBFactory } from 'fake-indexeddb'
import { askFirstPageEarly } from '@/bitrix24/opening-requests'
import type { RestClient } from '@/bitrix24/rest-client'
import { directoryQuery } from '@/bitrix24/people-batch'
import { scopeAccess } from '@/domain/portal/scope-access'

/** The portal's answer to the first page by name: nobody on it and no count, so the walk reads everyone. */
async function firstPageUnknown() {
  return { result: { result: { first: [], online: [] }, result_error: [], result_total: {}, result_time: {} } }
}

const fetchPeopleBatch = vi.fn<(...args: unknown[]) => Promise<BatchReading>>()
vi.mock('@/bitrix24/people', () => ({ fetchPeopleBatch: (...args: unknown[]) => fetchPeopleBatch(...args) }))
vi.mock('@/bitrix24/departments', () => ({ fetchAllDepartments: async () => [{ ID: '1', NAME: 'Company' }] }))

function rows(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ ID: String(from + i), NAME: `Person ${from + i}` }))
}
function reading(from: number, count: number, done: boolean, extra: Partial<BatchReading> = {}): BatchReading {
  return { rows: rows(from, count), afterId: from + count - 1, beforeId: null, done, total: null, error: null, ...extra }
}

function memoryCache(): DirectoryCache & { entries: Map<string, CachedDirectory>; reads: number; latestReads: number } {
  const entries = new Map<string, CachedDirectory>()
  /** the scope each entry was written for, so the key the real cache would give it is known */
  const scopes = new Map<string, CacheScope>()
  const fake = {
    entries,
    reads: 0,
    latestReads: 0,
    async read(scope: CacheScope) {
      fake.reads++
      return entries.get(`${scope.memberId}|${scope.viewerId}|${scope.view}`)
    },
    async write(scope: CacheScope, value: CachedDirectory) {
      entries.set(`${scope.memberId}|${scope.viewerId}|${scope.view}`, value)
      scopes.set(`${scope.memberId}|${scope.viewerId}|${scope.view}`, scope)
    },
    async purge(scope: CacheScope) {
      entries.delete(`${scope.memberId}|${scope.viewerId}|${scope.view}`)
    },
    async keepsAny(memberId: string, view: string) {
      return [...entries.keys()].some((k) => k.startsWith(`${memberId}|`) && k.endsWith(`|${view}`))
    },
    async readLatest(memberId: string, view: string) {
      fake.latestReads++
      const key = [...entries.keys()].reverse().find((k) => k.startsWith(`${memberId}|`) && k.endsWith(`|${view}`))
      const scope = key && scopes.get(key)
      return key && scope ? { key: cacheKey(scope), directory: Promise.resolve(entries.get(key)) } : undefined
    },
  }
  return fake
}

function signIn(viewerId = 7) {
  const session = useSessionStore()
  session.frame = { memberId: 'portal-1', rest: { call: vi.fn(firstPageUnknown) } } as unknown as PortalFrame
  session.me = toPerson({ ID: String(viewerId), NAME: 'Viewer' })
  session.scopes = ['user_basic', 'department']
  return session
}

describe('directory store: loading', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    fetchPeopleBatch.mockReset()
  })

  it('shows each batch as it arrives and counts the whole set once', async () => {
    signIn()
    const directory = useDirectoryStore()
    directory.replaceCache(memoryCache())
    let answerSecond: (answer: ReturnType<typeof reading>) => void = () => undefined
    let shownWhenAsked: number | null = null
    fetchPeopleBatch
      .mockImplementationOnce(async () => reading(1, 2500, false, { total: 3000 }))
      .mockImplementationOnce(() => {
        shownWhenAsked = directory.people.length
        return new Promise((resolve) => (answerSecond = resolve))
      })
    const opening = directory.open()
    // the first batch shows while the second is on its way, which was asked for before the first was shown
    await vi.waitFor(() => expect(directory.people).toHaveLength(2500))
    expect(shownWhenAsked).toBe(0)
    answerSecond(reading(2501, 500, true))
    await opening
    expect(directory.expected).toBe(3000)
    expect(directory.people).toHaveLength(3000)
    expect(directory.status).toBe('done')
    // the first batch counts, later ones do not; every batch resumes after the last ID
    expect(fetchPeopleBatch.mock.calls.map((c) => [c[2], c[3]])).toEqual([[{ afterId: 0, beforeId: null }, true], [{ afterId: 2500, beforeId: null }, false]])
    // a regular viewer's query: active people, never ADMIN_MODE
    expect(fetchPeopleBatch.mock.calls[0]?.[1]).toMatchObject({ activeOnly: true, adminMode: false })
  })

  it('retries a transient fault quietly from its cursor, showing that it waits', async () => {
    signIn()
    const directory = useDirectoryStore()
    directory.replaceCache(memoryCache())
    directory.replaceRetryDelays([300])
    const limit = new RestError('QUERY_LIMIT_EXCEEDED', 503, 'Too many requests', 'batch')
    const seen: string[] = []
    fetchPeopleBatch
      .mockImplementationOnce(async () => reading(1, 100, false, { error: limit, total: 300 }))
      .mockImplementationOnce(async () => {
        seen.push(directory.status)
        return reading(101, 200, true)
      })
    const opening = directory.open()
    await vi.waitFor(() => expect(directory.waiting).toBe(true))
    expect(directory.people).toHaveLength(100)
    await opening
    expect(seen).toEqual(['loading'])
    expect(directory.status).toBe('done')
    expect(directory.waiting).toBe(false)
    expect(directory.error).toBeNull()
    expect(directory.people.map((p) => p.id)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1))
    expect(fetchPeopleBatch.mock.calls[1]?.[2]).toEqual({ afterId: 100, beforeId: null })
  })

  it('says what went wrong once the quiet retries run out, keeps what it has, and resumes from its cursor', async () => {
    signIn()
    const directory = useDirectoryStore()
    directory.replaceCache(memoryCache())
    directory.replaceRetryDelays([1, 1])
    const down = new RestError('INTERNAL_SERVER_ERROR', 500, 'Internal server error', 'batch')
    fetchPeopleBatch
      .mockImplementationOnce(async () => reading(1, 100, false, { error: down, total: 300 }))
      .mockImplementationOnce(async () => ({ ...reading(101, 0, false), afterId: 100, error: down }))
      .mockImplementationOnce(async () => ({ ...reading(101, 0, false), afterId: 100, error: down }))
      .mockImplementationOnce(async () => reading(101, 200, true))
    await directory.open()
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(3)
    expect(directory.status).toBe('error')
    expect(directory.error?.code).toBe('INTERNAL_SERVER_ERROR')
    expect(directory.people).toHaveLength(100)
    await directory.loadPeople()
    expect(directory.status).toBe('done')
    expect(directory.people).toHaveLength(300)
    expect(fetchPeopleBatch.mock.calls[3]?.[2]).toEqual({ afterId: 100, beforeId: null })
  })

  it('does not retry what waiting cannot fix', async () => {
    signIn()
    const directory = useDirectoryStore()
    directory.replaceCache(memoryCache())
    directory.replaceRetryDelays([1, 1])
    fetchPeopleBatch.mockImplementationOnce(async () => {
      throw new RestError('insufficient_scope', 403, 'The request requires higher privileges', 'batch')
    })
    await directory.open()
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(1)
    expect(directory.status).toBe('error')
    expect(directory.error?.code).toBe('insufficient_scope')
  })

  it('stops a quiet wait at once when the viewer stops the load', async () => {
    signIn()
    const directory = useDirectoryStore()
    directory.replaceCache(memoryCache())
    directory.replaceRetryDelays([20_000])
    const limit = new RestError('QUERY_LIMIT_EXCEEDED', 503, 'Too many requests', 'batch')
    fetchPeopleBatch.mockImplementationOnce(async () => reading(1, 100, false, { error: limit, total: 300 }))
    const opening = directory.open()
    await vi.waitFor(() => expect(directory.waiting).toBe(true))
    directory.cancel()
    await opening
    expect(directory.status).toBe('cancelled')
    expect(directory.people).toHaveLength(100)
  })

  it('can be stopped between batches and continued later', async () => {
    signIn()
    const directory = useDirectoryStore()
    directory.replaceCache(memoryCache())
    fetchPeopleBatch.mockImplementationOnce(async () => {
      directory.cancel()
      return reading(1, 2500, false, { total: 5000 })
    })
    await directory.open()
    expect(directory.status).toBe('cancelled')
    expect(directory.people).toHaveLength(2500)
    fetchPeopleBatch.mockImplementationOnce(async () => reading(2501, 2500, true))
    await directory.loadPeople()
    expect(directory.status).toBe('done')
    expect(directory.people).toHaveLength(5000)
  })

  it('shows the cached directory at once, refreshes it in the background, and keeps viewers apart', async () => {
    const cache = memoryCache()
    signIn(7)
    const first = useDirectoryStore()
    first.replaceCache(cache)
    fetchPeopleBatch.mockImplementationOnce(async () => reading(1, 10, true, { total: 10 }))
    await first.open()
    await vi.waitFor(() => expect(cache.entries.size).toBe(1))

    // the same viewer again: cached people first, then the fresh list replaces them
    setActivePinia(createPinia())
    signIn(7)
    const again = useDirectoryStore()
    again.replaceCache(cache)
    let shownBeforeRefresh = 0
    fetchPeopleBatch.mockImplementationOnce(async () => {
      shownBeforeRefresh = again.people.length
      return reading(1, 12, true)
    })
    await again.open()
    expect(shownBeforeRefresh).toBe(10)
    expect(again.people).toHaveLength(12)
    expect(again.cachedAt).toBeNull()

    // another viewer on the same portal never gets the first viewer's copy
    setActivePinia(createPinia())
    signIn(8)
    const other = useDirectoryStore()
    other.replaceCache(cache)
    fetchPeopleBatch.mockImplementationOnce(async () => reading(1, 3, true, { total: 3 }))
    await other.open()
    expect(other.cachedAt).toBeNull()
    expect(other.people).toHaveLength(3)
  })
})

describe('directory store: the first page before the viewer is known', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    fetchPeopleBatch.mockReset()
  })

  /** A connected frame whose viewer Bitrix24 has not named yet; its REST calls are counted. */
  function connectOnly() {
    const session = useSessionStore()
    const call = vi.fn(async () => ({
      result: { result: { first: [{ ID: '5', NAME: 'Ada', LAST_NAME: 'Byron' }], online: [] }, result_error: [], result_total: { first: 1 }, result_time: {} },
    }))
    session.frame = { memberId: 'portal-1', rest: { call } } as unknown as PortalFrame
    return { session, call }
  }

  it('asks for the first page while the viewer is still unknown, and the open shows it without asking again', async () => {
    const { session, call } = connectOnly()
    const directory = useDirectoryStore()
    directory.replaceCache(memoryCache())
    await directory.prepare()
    expect(call).toHaveBeenCalledTimes(1)
    // Bitrix24 names the viewer afterwards
    session.me = toPerson({ ID: '7', NAME: 'Viewer' })
    session.scopes = ['user_brief']
    await directory.open()
    expect(call).toHaveBeenCalledTimes(1)
    expect(directory.people.map((p) => p.fullName)).toEqual(['Ada Byron'])
    expect(directory.status).toBe('done')
    expect(fetchPeopleBatch).not.toHaveBeenCalled()
  })

  it('asks nothing early when the device keeps a copy of this portal: the reopen reads what changed instead', async () => {
    const cache = memoryCache()
    cache.entries.set('portal-1|7|directory', { savedAt: 1, people: [], departments: [], watermark: null, reconciledAt: null })
    const { call } = connectOnly()
    const directory = useDirectoryStore()
    directory.replaceCache(cache)
    await directory.prepare()
    expect(call).not.toHaveBeenCalled()
  })

  it('on a reopen, reads the kept copy while the viewer is still unknown, and shows it once it proves theirs', async () => {
    const cache = memoryCache()
    const scope = { memberId: 'portal-1', viewerId: 7, scopes: ['user_brief'], view: 'directory' }
    await cache.write(scope, { savedAt: 1, people: [toPerson({ ID: '5', NAME: 'Ada', LAST_NAME: 'Byron' })!], departments: [], watermark: null, reconciledAt: null })
    const { session, call } = connectOnly()
    const directory = useDirectoryStore()
    directory.replaceCache(cache)
    await directory.prepare()
    // a reopen: no first page is asked for, the kept copy is read instead
    expect(call).not.toHaveBeenCalled()
    expect(cache.latestReads).toBe(1)
    session.me = toPerson({ ID: '7', NAME: 'Viewer' })
    session.scopes = ['user_brief']
    // bringing the copy up to date reads the same person back from the portal
    fetchPeopleBatch.mockImplementation(async () => reading(5, 1, true, { total: 1, rows: [{ ID: '5', NAME: 'Ada', LAST_NAME: 'Byron' }] }))
    void directory.open()
    await vi.waitFor(() => expect(directory.people.map((p) => p.fullName)).toEqual(['Ada Byron']))
    // shown from the read begun early: not read again
    expect(cache.reads).toBe(0)
  })

  it('never shows a copy read early that belongs to another viewer of the same portal', async () => {
    const cache = memoryCache()
    const scope = { memberId: 'portal-1', viewerId: 7, scopes: ['user_brief'], view: 'directory' }
    await cache.write(scope, { savedAt: 1, people: [toPerson({ ID: '9', NAME: 'Grace', LAST_NAME: 'Hopper' })!], departments: [], watermark: null, reconciledAt: null })
    const { session } = connectOnly()
    const directory = useDirectoryStore()
    directory.replaceCache(cache)
    await directory.prepare()
    expect(cache.latestReads).toBe(1)
    session.me = toPerson({ ID: '8', NAME: 'Other' })
    session.scopes = ['user_brief']
    fetchPeopleBatch.mockImplementation(async () => reading(1, 3, true, { total: 3 }))
    await directory.open()
    // the viewer's own copy was asked for, and there is none: their open is a cold one
    expect(cache.reads).toBe(1)
    expect(directory.cachedAt).toBeNull()
    expect(directory.people.map((p) => p.fullName)).not.toContain('Grace Hopper')
  })

  it('on a first visit, asks without waiting for the device to create its database', async () => {
    const indexedDB = new IDBFactory()
    // the browser lists no database of the app's, and opening one does not finish (until the open's deadline)
    vi.spyOn(indexedDB, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest)
    const own = Object.getOwnPropertyDescriptor(window, 'indexedDB')
    Object.defineProperty(window, 'indexedDB', { value: indexedDB, configurable: true })
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    try {
      const { call } = connectOnly()
      // as the app does: the device's storage is opened while the portal answers
      void useDeviceStore().ready()
      void useDirectoryStore().prepare()
      await vi.waitFor(() => expect(call).toHaveBeenCalledTimes(1))
      expect(indexedDB.open).toHaveBeenCalled()
    } finally {
      vi.useRealTimers()
      if (own) Object.defineProperty(window, 'indexedDB', own)
      else delete (window as { indexedDB?: unknown }).indexedDB
    }
  })

  it('on a first visit, asks with the database check that started before the app was evaluated', async () => {
    // the window's own browser never answers whether the database is there, nor opens it
    const slow = new IDBFactory()
    vi.spyOn(slow, 'databases').mockImplementation(() => new Promise(() => {}))
    vi.spyOn(slow, 'open').mockImplementation(() => ({}) as IDBOpenDBRequest)
    const own = Object.getOwnPropertyDescriptor(window, 'indexedDB')
    Object.defineProperty(window, 'indexedDB', { value: slow, configurable: true })
    try {
      // src/start-early.ts asked first, and was told there is no database yet
      const early = new IDBFactory()
      checkAppDatabaseEarly({ localStorage: () => null as unknown as Storage, indexedDB: () => early })
      const { call } = connectOnly()
      void useDeviceStore().ready()
      void useDirectoryStore().prepare()
      await vi.waitFor(() => expect(call).toHaveBeenCalledTimes(1))
      expect(slow.databases).not.toHaveBeenCalled()
    } finally {
      // an answer left untaken would be the next test's
      takeEarlyDatabaseCheck()
      if (own) Object.defineProperty(window, 'indexedDB', own)
      else delete (window as { indexedDB?: unknown }).indexedDB
    }
  })

  it('an early page that failed is asked for again by the open', async () => {
    const { session, call } = connectOnly()
    const answer = call.getMockImplementation()!
    call.mockImplementationOnce(async () => {
      throw new RestError('INTERNAL_SERVER_ERROR', 500, 'Internal server error', 'batch')
    })
    const directory = useDirectoryStore()
    directory.replaceCache(memoryCache())
    directory.replaceRetryDelays([1])
    await directory.prepare()
    session.me = toPerson({ ID: '7', NAME: 'Viewer' })
    call.mockImplementation(answer)
    await directory.open()
    expect(call).toHaveBeenCalledTimes(2)
    expect(directory.people).toHaveLength(1)
  })

  /** A client for the page asked as the init data arrived (start-early.ts): its REST calls are counted apart. */
  function earlyClient() {
    const call = vi.fn(async () => ({
      result: { result: { first: [{ ID: '8', NAME: 'Grace', LAST_NAME: 'Hopper' }], online: [] }, result_error: [], result_total: { first: 1 }, result_time: {} },
    }))
    return { client: { call } as unknown as RestClient, call }
  }

  it('takes the first page asked as the init data arrived, and asks for no other', async () => {
    const { session, call } = connectOnly()
    const early = earlyClient()
    askFirstPageEarly(early.client, directoryQuery(scopeAccess(null)))
    const directory = useDirectoryStore()
    directory.replaceCache(memoryCache())
    await directory.prepare()
    session.me = toPerson({ ID: '7', NAME: 'Viewer' })
    await directory.open()
    expect(early.call).toHaveBeenCalledTimes(1)
    expect(call).not.toHaveBeenCalled()
    expect(directory.people.map((p) => p.fullName)).toEqual(['Grace Hopper'])
  })

  it('takes the early page asked while it waited on the device, instead of asking a second time', async () => {
    const { session, call } = connectOnly()
    const cache = memoryCache()
    // the browser is slow to say whether it keeps the app's database; start-early asks meanwhile
    let answer: (kept: boolean) => void = () => undefined
    cache.keepsAny = () => new Promise<boolean>((resolve) => (answer = resolve))
    const directory = useDirectoryStore()
    directory.replaceCache(cache)
    const preparing = directory.prepare()
    const early = earlyClient()
    askFirstPageEarly(early.client, directoryQuery(scopeAccess(null)))
    answer(false)
    expect(await preparing).toBe(true)
    session.me = toPerson({ ID: '7', NAME: 'Viewer' })
    await directory.open()
    expect(call).not.toHaveBeenCalled()
    expect(early.call).toHaveBeenCalledTimes(1)
    expect(directory.people.map((p) => p.fullName)).toEqual(['Grace Hopper'])
  })
})

describe('directory store: refreshing a cached directory', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    fetchPeopleBatch.mockReset()
  })

  async function openWithCache(cached: number) {
    const cache = memoryCache()
    await cache.write({ memberId: 'portal-1', viewerId: 7, scopes: null, view: 'directory' }, {
      savedAt: 1,
      people: rows(1, cached).map((r) => toPerson(r)!),
      departments: [],
      watermark: null,
      reconciledAt: null,
    })
    signIn(7)
    const directory = useDirectoryStore()
    directory.replaceCache(cache)
    return { directory, cache }
  }

  it('counts the portal again, so a portal that grew loads in full batches', async () => {
    const { directory } = await openWithCache(100)
    fetchPeopleBatch
      .mockImplementationOnce(async () => reading(1, 2500, false, { total: 5000 }))
      .mockImplementationOnce(async () => reading(2501, 2500, true))
    await directory.open()
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(2)
    expect(fetchPeopleBatch.mock.calls[0]?.[3]).toBe(true)
    expect(fetchPeopleBatch.mock.calls[1]?.[4]).toBe(50)
    expect(directory.people).toHaveLength(5000)
    expect(directory.cachedAt).toBeNull()
  })

  it('keeps the cached list, still marked as cached, when the refresh fails', async () => {
    const { directory, cache } = await openWithCache(40)
    fetchPeopleBatch.mockImplementationOnce(async () =>
      reading(1, 10, false, { error: new RestError('INTERNAL_SERVER_ERROR', 500, '', 'batch') }),
    )
    await directory.open()
    expect(directory.people).toHaveLength(40)
    expect(directory.cachedAt).toBe(1)
    // nothing old was written back as if it were new
    expect([...cache.entries.values()][0]?.savedAt).toBe(1)
  })
})

describe('directory store: view', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    fetchPeopleBatch.mockReset()
  })

  it('searches, filters and clears', async () => {
    signIn()
    const directory = useDirectoryStore()
    directory.replaceCache(memoryCache())
    fetchPeopleBatch.mockImplementationOnce(async () => reading(1, 30, true, { total: 30 }))
    await directory.open()
    directory.query = 'Person 12'
    expect(directory.visible.map((p) => p.id)).toEqual([12])
    expect(directory.highlightWords).toContain('12')
    directory.clearFilters()
    expect(directory.visible).toHaveLength(30)
  })
})
