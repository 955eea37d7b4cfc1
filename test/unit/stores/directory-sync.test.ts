import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useDirectoryStore } from '@/stores/directory'
import { useSessionStore } from '@/stores/session'
import { usePortalBudgetStore } from '@/stores/portal-budget'
import type { BatchReading } from '@/bitrix24/people-batch'
import type { PortalFrame } from '@/bitrix24/frame'
import type { PortalTime, RestParams } from '@/bitrix24/rest-client'
import type { CachedDirectory, DirectoryCache } from '@/storage/directory-cache'
import { RECONCILE_EVERY_MS } from '@/domain/portal/directory-sync'
import type { OperatingReading } from '@/domain/portal/portal-budget'
import { toPerson, type RawUser } from '@/domain/people/person'

type Reading = BatchReading & { operating: OperatingReading | null; dateStart: string | null }

const fetchPeopleBatch = vi.fn<(...args: unknown[]) => Promise<Reading>>()
vi.mock('@/bitrix24/people', () => ({ fetchPeopleBatch: (...args: unknown[]) => fetchPeopleBatch(...args) }))
vi.mock('@/bitrix24/departments', () => ({ fetchAllDepartments: async () => [{ ID: '1', NAME: 'Company' }] }))

const KEPT_WATERMARK = '2026-11-30T08:00:00+00:00'
const SYNC_CLOCK = '2026-12-01T09:15:00+00:00'
const WALK_CLOCK = '2026-12-01T09:15:02+00:00'
const scope = { memberId: 'portal-1', viewerId: 7, scopes: null, view: 'directory' }

function rows(from: number, count: number): RawUser[] {
  return Array.from({ length: count }, (_, i) => ({ ID: String(from + i), NAME: `Person ${from + i}` }))
}

/** The full walk: everyone in one batch, read at the portal's WALK_CLOCK. */
function walkOf(list: RawUser[]): Reading {
  const last = Number(list.at(-1)?.ID ?? 0)
  return { rows: list, afterId: last, beforeId: null, done: true, total: list.length, error: null, operating: null, dateStart: WALK_CLOCK }
}

function memoryCache(): DirectoryCache & { entries: Map<string, CachedDirectory> } {
  const entries = new Map<string, CachedDirectory>()
  const key = (s: { memberId: string; viewerId: number; view: string }) => `${s.memberId}|${s.viewerId}|${s.view}`
  return {
    entries,
    async read(s) {
      return entries.get(key(s))
    },
    async write(s, value) {
      entries.set(key(s), value)
    },
    async purge(s) {
      entries.delete(key(s))
    },
    async keepsAny(memberId, view) {
      return [...entries.keys()].some((k) => k.startsWith(`${memberId}|`) && k.endsWith(`|${view}`))
    },
    // what the tests here open is read once the viewer is known
    async readLatest() {
      return undefined
    },
  }
}

interface SyncAnswer {
  changed?: RawUser[]
  left?: RawUser[]
  counted?: number
  /** how many people changed in all, when more than the page that came back */
  changedTotal?: number
  errors?: Record<string, { error: string; error_description: string }>
  time?: PortalTime
}

/** The portal's answer to the sync batch (changed / left / count), as the frame's rest client hands it back. */
function answerSync(answer: SyncAnswer) {
  const changed = answer.changed ?? []
  const left = answer.left ?? []
  const errors = answer.errors ?? {}
  const result: Record<string, unknown> = {}
  if (!('changed' in errors)) result.changed = changed
  if (!('left' in errors)) result.left = left
  if (!('count' in errors)) result.count = rows(1, 1)
  return {
    result: {
      result,
      result_error: answer.errors ?? [],
      result_total: { changed: answer.changedTotal ?? changed.length, left: left.length, ...(answer.counted !== undefined ? { count: answer.counted } : {}) },
      result_time: { count: { operating: 6.5, operating_reset_at: Math.floor(Date.now() / 1000) + 500 } },
    },
    time: answer.time ?? { dateStart: SYNC_CLOCK },
  }
}

async function reopen(kept: Partial<CachedDirectory>, answer: SyncAnswer) {
  const cache = memoryCache()
  await cache.write(scope, {
    savedAt: 1,
    people: rows(1, 5).map((r) => toPerson(r)!),
    departments: [],
    watermark: KEPT_WATERMARK,
    reconciledAt: Date.now(),
    ...kept,
  })
  const call = vi.fn(async (method: string, _params?: RestParams) => {
    if (method === 'batch') return answerSync(answer)
    // anything else the directory asks on opening (who is online now): nobody
    if (method === 'user.get') return { result: [], total: 0 }
    throw new Error(`unexpected ${method}`)
  })
  const session = useSessionStore()
  session.frame = { memberId: 'portal-1', rest: { call } } as unknown as PortalFrame
  session.me = toPerson({ ID: '7', NAME: 'Viewer' })
  session.scopes = ['user_basic', 'department']
  const directory = useDirectoryStore()
  directory.replaceCache(cache)
  return { directory, cache, call, saved: () => cache.entries.get('portal-1|7|directory') }
}

/** the batch requests sent: the sync asks for what changed in one */
const batches = (call: ReturnType<typeof vi.fn>) => call.mock.calls.filter((c) => c[0] === 'batch')

/** the sync batch's commands, decoded as the portal reads them */
function syncCommands(call: ReturnType<typeof vi.fn>) {
  const batch = batches(call)[0]
  const cmd = (batch?.[1] as { cmd: Record<string, string> }).cmd
  return Object.fromEntries(
    Object.entries(cmd).map(([key, value]) => [key, Object.fromEntries(new URLSearchParams(value.slice(value.indexOf('?') + 1)))]),
  )
}

const ids = (list: readonly { id: number }[]) => list.map((p) => p.id)

describe('directory store: a reopen brings the kept list up to date', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
    fetchPeopleBatch.mockReset()
  })

  it('merges what changed since the last sync, without reading everyone again', async () => {
    const { directory, call, saved } = await reopen(
      {},
      {
        changed: [{ ID: '2', NAME: 'Boris', LAST_NAME: 'Renamed', WORK_POSITION: 'Head of sales' }, { ID: '6', NAME: 'Newcomer' }],
        left: [{ ID: '4' }],
        counted: 5,
      },
    )
    await directory.open()

    expect(ids(directory.people)).toEqual([1, 2, 3, 5, 6])
    const boris = directory.people.find((p) => p.id === 2)
    expect(boris?.fullName).toBe('Boris Renamed')
    expect(boris?.position).toBe('Head of sales')
    expect(directory.people.find((p) => p.id === 6)?.fullName).toBe('Newcomer')
    expect(directory.people.some((p) => p.id === 4)).toBe(false)
    expect(directory.status).toBe('done')
    expect(directory.cachedAt).toBeNull()
    expect(directory.refreshing).toBe(false)

    // one request for the changes, asked since the kept watermark; no full walk
    expect(batches(call)).toHaveLength(1)
    const commands = syncCommands(call)
    const sinceOf = (params: Record<string, string> | undefined) =>
      Object.entries(params ?? {}).filter(([k]) => k.includes('TIMESTAMP_X')).map(([, v]) => v)
    expect(sinceOf(commands.changed)).toEqual([KEPT_WATERMARK])
    expect(sinceOf(commands.left)).toEqual([KEPT_WATERMARK])
    expect(fetchPeopleBatch).not.toHaveBeenCalled()

    // the device now keeps the merged list, to be synced next time from the portal's clock of this answer
    expect(saved()?.watermark).toBe(SYNC_CLOCK)
    expect(ids(saved()?.people ?? [])).toEqual([1, 2, 3, 5, 6])
    expect(saved()?.people.find((p) => p.id === 2)?.lastName).toBe('Renamed')
    expect(saved()?.savedAt).toBeGreaterThan(1)
    expect(saved()?.departments.map((d) => d.name)).toEqual(['Company'])
  })

  it('records the sync’s operating figures in the budget', async () => {
    const { directory } = await reopen({}, { counted: 5 })
    await directory.open()
    expect(usePortalBudgetStore().reading?.operatingSec).toBe(6.5)
  })

  it('reads everyone again when the portal counts otherwise, and shows that list', async () => {
    const { directory, saved } = await reopen(
      {},
      { changed: [{ ID: '6', NAME: 'Newcomer' }], left: [{ ID: '4' }], counted: 7 },
    )
    const everyone = rows(1, 7)
    everyone[2] = { ID: '3', NAME: 'Clara', LAST_NAME: 'Seen by the walk' }
    fetchPeopleBatch.mockImplementationOnce(async () => walkOf(everyone))
    const before = Date.now()
    await directory.open()

    expect(fetchPeopleBatch).toHaveBeenCalledTimes(1)
    // a fresh walk from the start, counting
    expect(fetchPeopleBatch.mock.calls[0]?.[2]).toEqual({ afterId: 0, beforeId: null })
    expect(fetchPeopleBatch.mock.calls[0]?.[3]).toBe(true)
    expect(ids(directory.people)).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(directory.people.find((p) => p.id === 3)?.fullName).toBe('Clara Seen by the walk')
    expect(directory.status).toBe('done')
    expect(directory.cachedAt).toBeNull()
    expect(ids(saved()?.people ?? [])).toEqual([1, 2, 3, 4, 5, 6, 7])
    expect(saved()?.watermark).toBe(WALK_CLOCK)
    expect(saved()?.reconciledAt).toBeGreaterThanOrEqual(before)
  })

  it('reads everyone again once a day even when the counts agree', async () => {
    const { directory } = await reopen({ reconciledAt: Date.now() - RECONCILE_EVERY_MS - 1_000 }, { counted: 5 })
    fetchPeopleBatch.mockImplementationOnce(async () => walkOf(rows(1, 5)))
    await directory.open()
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(1)
  })

  it('reads everyone again when more changed than one answer holds', async () => {
    // the merged list (50) matches the count: only the 5 changed people missing from the answer call for it
    const { directory } = await reopen({}, { changed: rows(1, 50), changedTotal: 55, counted: 50 })
    fetchPeopleBatch.mockImplementationOnce(async () => walkOf(rows(1, 55)))
    await directory.open()
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(1)
    expect(directory.people).toHaveLength(55)
  })

  it('reads everyone when the kept copy has no watermark, without asking for changes', async () => {
    const { directory, call, saved } = await reopen({ watermark: null, reconciledAt: null }, { counted: 5 })
    let shownBeforeWalk: number[] = []
    fetchPeopleBatch.mockImplementationOnce(async () => {
      shownBeforeWalk = ids(directory.people)
      return walkOf(rows(1, 8))
    })
    await directory.open()

    expect(batches(call)).toHaveLength(0)
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(1)
    // the kept list shows while everyone is read behind it
    expect(shownBeforeWalk).toEqual([1, 2, 3, 4, 5])
    expect(ids(directory.people)).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(saved()?.watermark).toBe(WALK_CLOCK)
    expect(saved()?.reconciledAt).not.toBeNull()
  })

  it('keeps the kept list, still marked as kept, when the portal blocks user.get', async () => {
    const blocked = { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' }
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const { directory, saved } = await reopen({}, { errors: { changed: blocked, left: blocked, count: blocked } })
    await directory.open()

    expect(fetchPeopleBatch).not.toHaveBeenCalled()
    expect(ids(directory.people)).toEqual([1, 2, 3, 4, 5])
    expect(directory.cachedAt).toBe(1)
    // nothing more is asked of user.get (a search on the portal included) until the window moves
    expect(usePortalBudgetStore().isBlocked()).toBe(true)
    // nothing old written back as if it were new
    expect(saved()?.savedAt).toBe(1)
    expect(saved()?.watermark).toBe(KEPT_WATERMARK)
  })
})
