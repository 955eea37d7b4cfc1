import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  CACHE_PART_SIZE,
  CACHE_MAX_AGE_MS,
  CACHE_MAX_ENTRIES,
  CACHE_VERSION,
  cacheKey,
  createDirectoryCache,
  keysToPrune,
  type CacheScope,
  type CachedDirectory,
} from '@/storage/directory-cache'
import { memoryRecordArea, type RecordArea } from '@/storage/record-area'
import { toPerson, type Person } from '@/domain/people/person'
import type { Department } from '@/domain/org/departments'

const NOW = Date.UTC(2026, 5, 1, 12, 0)
const DAY = 24 * 60 * 60 * 1000

function person(id: number, fields: Record<string, unknown> = {}): Person {
  return toPerson({ ID: String(id), NAME: `Person ${id}`, LAST_NAME: 'Doe', UF_DEPARTMENT: [1], ...fields })!
}

const departments: Department[] = [
  { id: 1, name: 'Company', parentId: null, headId: 1, sort: 100 },
  { id: 2, name: 'Sales', parentId: 1, headId: null, sort: 200 },
]

function directory(savedAt = NOW, people = [person(1), person(2, { WORK_CITY: 'Berlin' }), person(3)]): CachedDirectory {
  return { savedAt, people, departments, watermark: null, reconciledAt: null }
}

function scope(viewerId = 7, extra: Partial<CacheScope> = {}): CacheScope {
  return { memberId: 'portal-1', viewerId, scopes: ['user_basic', 'department'], view: 'directory', ...extra }
}

let area: RecordArea
const cache = () => createDirectoryCache(async () => area)

beforeEach(() => {
  area = memoryRecordArea()
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(NOW)
})
afterEach(() => {
  vi.useRealTimers()
})

describe('directory cache: reading back', () => {
  it('gives back the people and departments it was given', async () => {
    const saved = directory()
    await cache().write(scope(), saved)
    expect(await cache().read(scope())).toEqual(saved)
  })

  it('keeps one copy per viewer, portal, scopes and view', async () => {
    await cache().write(scope(7), directory(NOW, [person(1)]))
    expect(await cache().read(scope(8))).toBeUndefined()
    expect(await cache().read(scope(7, { memberId: 'portal-2' }))).toBeUndefined()
    expect(await cache().read(scope(7, { view: 'admin' }))).toBeUndefined()
    expect(await cache().read(scope(7, { scopes: ['user_brief'] }))).toBeUndefined()
    // the order the portal lists the scopes in does not matter
    expect((await cache().read(scope(7, { scopes: ['department', 'user_basic'] })))?.people).toEqual([person(1)])
  })

  it('tells, before the viewer is known, whether it keeps any copy of a portal\'s view', async () => {
    expect(await cache().keepsAny('portal-1', 'directory')).toBe(false)
    await cache().write(scope(7), directory(NOW, [person(1)]))
    expect(await cache().keepsAny('portal-1', 'directory')).toBe(true)
    expect(await cache().keepsAny('portal-2', 'directory')).toBe(false)
    expect(await cache().keepsAny('portal-1', 'admin')).toBe(false)
    await cache().purge(scope(7))
    expect(await cache().keepsAny('portal-1', 'directory')).toBe(false)
  })

  it('reads, before the viewer is known, the copy of a portal\'s view saved last, with the key it is kept under', async () => {
    expect(await cache().readLatest('portal-1', 'directory')).toBeUndefined()
    await cache().write(scope(7), directory(NOW - DAY, [person(1)]))
    await cache().write(scope(8), directory(NOW, [person(2)]))
    await cache().write(scope(9, { view: 'admin' }), directory(NOW + 1, [person(3)]))
    await cache().write(scope(9, { memberId: 'portal-2' }), directory(NOW + 1, [person(3)]))
    const latest = await cache().readLatest('portal-1', 'directory')
    expect(latest?.key).toBe(cacheKey(scope(8)))
    expect((await latest?.directory)?.people).toEqual([person(2)])
  })

  it('has nothing for a scope never written', async () => {
    expect(await cache().read(scope())).toBeUndefined()
  })

  it('drops an entry kept by another version of the app', async () => {
    await area.set(cacheKey(scope()), { version: 1, ...directory() })
    expect(await cache().read(scope())).toBeUndefined()
    await area.set(cacheKey(scope()), { version: CACHE_VERSION, ...directory() })
    expect(await cache().read(scope())).toEqual(directory())
  })

  it('drops an entry without a usable save time or lists', async () => {
    const stored = { version: CACHE_VERSION, ...directory() }
    for (const damaged of [
      { ...stored, savedAt: 'yesterday' },
      { ...stored, savedAt: Number.NaN },
      { ...stored, people: 'none' },
      { ...stored, departments: null },
      'a string',
      null,
    ]) {
      await area.set(cacheKey(scope()), damaged)
      expect(await cache().read(scope())).toBeUndefined()
    }
  })

  it('drops the damaged people and departments of an entry and reads the rest', async () => {
    const { fullName: _dropped, ...withoutName } = person(4)
    void _dropped
    await area.set(cacheKey(scope()), {
      version: CACHE_VERSION,
      savedAt: NOW,
      people: [person(1), { ...person(2), departmentIds: 'x' }, withoutName, person(3), null],
      departments: [...departments, { id: 'x', name: 'Broken' }],
    })
    const read = await cache().read(scope())
    expect(read?.people.map((p) => p.id)).toEqual([1, 3])
    expect(read?.departments).toEqual(departments)
  })

  it('has no cache rather than an empty directory when no person is usable', async () => {
    await area.set(cacheKey(scope()), {
      version: CACHE_VERSION,
      savedAt: NOW,
      people: [{ ...person(1), departmentIds: 'x' }, { ...person(2), id: -2 }],
      departments,
    })
    expect(await cache().read(scope())).toBeUndefined()
  })

  it('reads a directory that was saved empty as empty', async () => {
    await cache().write(scope(), { savedAt: NOW, people: [], departments: [], watermark: null, reconciledAt: null })
    expect(await cache().read(scope())).toEqual({ savedAt: NOW, people: [], departments: [], watermark: null, reconciledAt: null })
  })
})

describe('directory cache: a large directory', () => {
  const many = (count: number, from = 1) => Array.from({ length: count }, (_, i) => person(from + i))
  const partKeys = async () => (await area.keys()).filter((k) => k.includes('#')).sort()

  it('is kept in parts, each written on its own, and read back whole and in order', async () => {
    const people = many(CACHE_PART_SIZE * 2 + 1)
    const writes: string[] = []
    const inner = area
    area = { ...inner, set: async (key, value) => (writes.push(key), inner.set(key, value)) }
    await cache().write(scope(), directory(NOW, people))
    // three parts, then the entry that names them, then the catalogue
    expect(writes).toHaveLength(5)
    expect(writes.slice(0, 3).every((k) => k.startsWith(`${cacheKey(scope())}#`))).toBe(true)
    expect(writes[3]).toBe(cacheKey(scope()))
    const read = await cache().read(scope())
    expect(read?.people).toHaveLength(people.length)
    expect(read?.people.map((p) => p.id)).toEqual(people.map((p) => p.id))
    expect((await (await cache().readLatest('portal-1', 'directory'))?.directory)?.people).toHaveLength(people.length)
  })

  it('leaves no part of the copy it replaces, nor of one it purges', async () => {
    await cache().write(scope(), directory(NOW, many(CACHE_PART_SIZE + 1)))
    expect(await partKeys()).toHaveLength(2)
    vi.setSystemTime(NOW + 1)
    await cache().write(scope(), directory(NOW + 1, many(CACHE_PART_SIZE * 2 + 1, 100)))
    expect(await partKeys()).toHaveLength(3)
    expect((await partKeys()).every((k) => k.includes(`#${NOW + 1}.`))).toBe(true)
    expect((await cache().read(scope()))?.people[0]?.id).toBe(100)
    // shrinking to a directory kept inline drops the parts as well
    await cache().write(scope(), directory(NOW + 2, many(3)))
    expect(await partKeys()).toEqual([])
    await cache().write(scope(), directory(NOW + 3, many(CACHE_PART_SIZE + 1)))
    await cache().purge(scope())
    expect(await partKeys()).toEqual([])
  })

  it('keeps the copy it had, whole, when the device refuses a part or the entry of a new one', async () => {
    await cache().write(scope(), directory(NOW, many(CACHE_PART_SIZE + 1)))
    const inner = area
    let refuse = (key: string) => key.includes(`#${NOW + 1}.1`)
    area = { ...inner, set: async (key, value) => (refuse(key) ? false : inner.set(key, value)) }
    await cache().write(scope(), directory(NOW + 1, many(CACHE_PART_SIZE * 2, 100)))
    area = inner
    expect((await cache().read(scope()))?.people[0]?.id).toBe(1)
    expect(await partKeys()).toHaveLength(2)
    refuse = (key) => key === cacheKey(scope())
    area = { ...inner, set: async (key, value) => (refuse(key) ? false : inner.set(key, value)) }
    await cache().write(scope(), directory(NOW + 2, many(CACHE_PART_SIZE * 2, 100)))
    area = inner
    expect((await cache().read(scope()))?.savedAt).toBe(NOW)
    expect((await cache().read(scope()))?.people).toHaveLength(CACHE_PART_SIZE + 1)
  })

  it('a purge takes every part of the entry, also those of a write that did not finish', async () => {
    await cache().write(scope(), directory(NOW, many(CACHE_PART_SIZE + 1)))
    await area.set(`${cacheKey(scope())}#${NOW + 9}.0`, many(2))
    await cache().purge(scope())
    expect(await partKeys()).toEqual([])
  })

  it('has no copy rather than one with holes when a part is gone', async () => {
    await cache().write(scope(), directory(NOW, many(CACHE_PART_SIZE * 2)))
    const [first] = await partKeys()
    await area.delete(first!)
    expect(await cache().read(scope())).toBeUndefined()
  })
})

describe('keysToPrune', () => {
  const key = (viewerId: number) => cacheKey(scope(viewerId))
  const catalogue = `v${CACHE_VERSION}|catalogue`

  it('drops the keys of other versions, never the catalogue', () => {
    const old = 'v1|portal-1|7|department,user_basic|directory'
    const prune = keysToPrune([old, key(7), catalogue, 'v3|x'], { [key(7)]: NOW }, NOW, key(7))
    expect(prune.sort()).toEqual([old, 'v3|x'].sort())
  })

  it('drops entries older than the age limit, keeps those within it', () => {
    const dates = { [key(1)]: NOW - CACHE_MAX_AGE_MS - 1, [key(2)]: NOW - CACHE_MAX_AGE_MS + DAY, [key(3)]: NOW }
    expect(keysToPrune([key(1), key(2), key(3)], dates, NOW, key(3))).toEqual([key(1)])
  })

  it('drops an entry missing from the catalogue', () => {
    expect(keysToPrune([key(1), key(2)], { [key(2)]: NOW }, NOW, key(2))).toEqual([key(1)])
  })

  it('beyond the count limit drops the oldest, counting the entry being kept', () => {
    const viewers = Array.from({ length: CACHE_MAX_ENTRIES + 2 }, (_, i) => i + 1)
    // viewer 1 is the newest, each next one a day older
    const dates = Object.fromEntries(viewers.map((v) => [key(v), NOW - v * DAY]))
    const keep = key(viewers.length) // the oldest of all, but the one just written
    const prune = keysToPrune(viewers.map(key), dates, NOW, keep)
    expect(prune).not.toContain(keep)
    const left = viewers.map(key).filter((k) => !prune.includes(k))
    expect(left).toHaveLength(CACHE_MAX_ENTRIES)
    expect(left).toEqual([...viewers.slice(0, CACHE_MAX_ENTRIES - 1).map(key), keep])
  })

  it('never drops the key being kept, even when it is old or of no catalogue', () => {
    expect(keysToPrune([key(1)], {}, NOW, key(1))).toEqual([])
    expect(keysToPrune([key(1)], { [key(1)]: 0 }, NOW, key(1))).toEqual([])
  })

  it('keeps the parts of the entries it keeps, of the generation the catalogue dates', () => {
    const part = (viewerId: number, savedAt: number, n: number) => `${key(viewerId)}#${savedAt}.${n}`
    const dates = { [key(1)]: NOW - CACHE_MAX_AGE_MS - 1, [key(2)]: NOW }
    const keys = [
      key(1), part(1, NOW - CACHE_MAX_AGE_MS - 1, 0),
      key(2), part(2, NOW, 0), part(2, NOW, 1), part(2, NOW - 5, 0), part(2, NOW + 5, 0),
      part(3, NOW, 0),
    ]
    // viewer 1's entry is too old: it goes with its part; viewer 2's older generation and viewer 3's part
    // (no entry) are left over; viewer 2's newer generation may be what the entry names (the visit ended
    // before the catalogue was written), so it stays
    expect(keysToPrune(keys, dates, NOW, key(2)).sort()).toEqual(
      [key(1), part(1, NOW - CACHE_MAX_AGE_MS - 1, 0), part(2, NOW - 5, 0), part(3, NOW, 0)].sort(),
    )
  })

  it('drops nothing within the limits', () => {
    const dates = { [key(1)]: NOW - DAY, [key(2)]: NOW }
    expect(keysToPrune([key(1), key(2), catalogue], dates, NOW, key(2))).toEqual([])
  })
})

describe('directory cache: pruning on write', () => {
  const directoryKeys = async () => (await area.keys()).filter((k) => k !== `v${CACHE_VERSION}|catalogue`)

  it('keeps at most the newest entries on the device', async () => {
    for (let viewer = 1; viewer <= 5; viewer++) {
      vi.setSystemTime(NOW + viewer * 1000)
      await cache().write(scope(viewer), directory(NOW + viewer * 1000))
    }
    const kept = await directoryKeys()
    expect(kept.length).toBeLessThanOrEqual(CACHE_MAX_ENTRIES)
    expect(kept.sort()).toEqual([2, 3, 4, 5].slice(-CACHE_MAX_ENTRIES).map((v) => cacheKey(scope(v))).sort())
    expect(await cache().read(scope(1))).toBeUndefined()
    expect((await cache().read(scope(5)))?.savedAt).toBe(NOW + 5000)
  })

  it('deletes entries of another version on the next write', async () => {
    const old = 'v1|portal-1|7|department,user_basic|directory'
    await area.set(old, { savedAt: NOW, people: [person(1)], departments })
    await cache().write(scope(), directory())
    expect(await area.get(old)).toBeUndefined()
    expect(await directoryKeys()).toEqual([cacheKey(scope())])
  })

  it('deletes an entry nobody wrote for longer than the age limit', async () => {
    await cache().write(scope(1), directory(NOW))
    vi.setSystemTime(NOW + CACHE_MAX_AGE_MS + DAY)
    await cache().write(scope(2), directory(NOW + CACHE_MAX_AGE_MS + DAY))
    expect(await cache().read(scope(1))).toBeUndefined()
    expect(await cache().read(scope(2))).toBeDefined()
  })

  it('rewriting one scope replaces its entry without growing the cache', async () => {
    await cache().write(scope(), directory(NOW, [person(1)]))
    await cache().write(scope(), directory(NOW + 1, [person(9)]))
    expect(await directoryKeys()).toEqual([cacheKey(scope())])
    expect((await cache().read(scope()))?.people.map((p) => p.id)).toEqual([9])
  })
})

describe('directory cache: purge', () => {
  it('forgets only the purged scope', async () => {
    await cache().write(scope(1), directory())
    await cache().write(scope(2), directory())
    await cache().purge(scope(1))
    expect(await cache().read(scope(1))).toBeUndefined()
    expect(await cache().read(scope(2))).toEqual(directory())
    // a later write does not count the purged entry any more
    const catalogue = await area.get<Record<string, number>>(`v${CACHE_VERSION}|catalogue`)
    expect(Object.keys(catalogue ?? {})).toEqual([cacheKey(scope(2))])
  })

  it('settles when there is nothing to purge', async () => {
    await expect(cache().purge(scope())).resolves.toBeUndefined()
    expect(await cache().read(scope())).toBeUndefined()
  })
})

describe('directory cache: a full device', () => {
  it('makes room by deleting old entries before it writes the new one', async () => {
    // a device with room for one entry
    const roomy = memoryRecordArea()
    area = {
      ...roomy,
      async set(key, value) {
        const keys = await roomy.keys()
        if (!keys.includes(key) && keys.length >= 1) return false
        return roomy.set(key, value)
      },
    }
    await area.set('v1|portal-1|7|?|directory', { version: 1 })
    await cache().write(scope(), directory())
    expect(await area.keys()).not.toContain('v1|portal-1|7|?|directory')
    expect(await cache().read(scope())).toEqual(directory())
  })
})
