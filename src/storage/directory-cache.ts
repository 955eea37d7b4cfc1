import { isPerson, type Person } from '@/domain/people/person'
import { isDepartment, type Department } from '@/domain/org/departments'
import type { RecordArea } from './record-area'

/** A loaded directory as kept between visits. */
export interface CachedDirectory {
  /** when it was saved, in ms since the epoch */
  savedAt: number
  people: Person[]
  departments: Department[]
  /** the portal's clock when what is kept was read (`time.date_start`): changes after it are fetched next */
  watermark: string | null
  /** when everyone was last read in full on this device, in ms since the epoch */
  reconciledAt: number | null
}

export interface CacheScope {
  /** the portal (MEMBER_ID) */
  memberId: string
  /** who loaded it: one viewer never reads another viewer's copy */
  viewerId: number
  /** the scopes it was loaded with: more scopes may mean more fields */
  scopes: readonly string[] | null
  /** 'directory' for everyone's view; admin views keep their own */
  view: string
}

export interface DirectoryCache {
  /** the directory saved for this scope, undefined when there is none usable */
  read(scope: CacheScope): Promise<CachedDirectory | undefined>
  write(scope: CacheScope, value: CachedDirectory): Promise<void>
  /** forgets this scope's copy (the portal refused the viewer or the app's scope) */
  purge(scope: CacheScope): Promise<void>
  /**
   * Whether the device keeps any copy of this view of this portal, for any viewer: known from the catalogue
   * alone, before Bitrix24 has said who is looking. False means the open is surely cold.
   */
  keepsAny(memberId: string, view: string): Promise<boolean>
  /**
   * The entry of this portal and view saved last, whoever its viewer: its key (`cacheKey`) as soon as the
   * catalogue names it, and the directory as it is read. Read while the portal is still asked who is looking,
   * and waited for only once the key proves to be the viewer's own.
   */
  readLatest(memberId: string, view: string): Promise<{ key: string; directory: Promise<CachedDirectory | undefined> } | undefined>
}

/**
 * The shape of what is kept. Raise it whenever Person or Department change shape: entries of any other
 * version are never read (the first paint cannot break on an old record) and are deleted on the next write.
 */
export const CACHE_VERSION = 3
/** entries nobody has written for this long belong to portals or viewers this device no longer sees */
export const CACHE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000
/** at most this many directories on one device (portals × viewers × views); the oldest go first */
export const CACHE_MAX_ENTRIES = 4
/** one small record lists every entry with its time, so pruning never reads a whole directory */
const CATALOGUE_KEY = `v${CACHE_VERSION}|catalogue`
/**
 * People per record for a large directory. Keeping a record copies it on the page's own thread in one go:
 * 50,000 people at once held the page for half a second, a part of 5,000 for a twentieth of that, and each
 * part is written in a task of its own.
 */
export const CACHE_PART_SIZE = 5_000
/** between an entry's key and its parts' generation: `<entry key>#<savedAt>.<n>` */
const PART_MARK = '#'

/** What is stored under an entry's key: its people inline, or (a large directory) the keys of its parts. */
interface StoredDirectory extends Omit<CachedDirectory, 'people'> {
  version: number
  people?: Person[]
  parts?: string[]
}

export function cacheKey({ memberId, viewerId, scopes, view }: CacheScope): string {
  const scopeKey = scopes ? [...scopes].sort().join(',') : '?'
  return [`v${CACHE_VERSION}`, memberId, String(viewerId), scopeKey, view].join('|')
}

/** Whether a key of `cacheKey`'s shape belongs to this portal and view, whoever the viewer. */
function keyOf(key: string, memberId: string, view: string): boolean {
  return key.startsWith(`v${CACHE_VERSION}|${memberId}|`) && key.endsWith(`|${view}`)
}

/**
 * Reads back a stored directory: its version must match and each record must have today's shape. A record
 * that does not is dropped on its own; a directory that lost records is still shown at once, and the refresh
 * that follows every cached open brings the missing people back. A large directory is read from its parts,
 * all of them or none: a part missing means no copy rather than a directory with holes.
 */
async function readStoredDirectory(value: unknown, area: RecordArea): Promise<CachedDirectory | undefined> {
  if (!value || typeof value !== 'object') return undefined
  const stored = value as Partial<StoredDirectory>
  if (stored.version !== CACHE_VERSION || typeof stored.savedAt !== 'number' || !Number.isFinite(stored.savedAt)) return undefined
  if (!Array.isArray(stored.departments)) return undefined
  const listed = Array.isArray(stored.parts) ? await readParts(stored.parts, area) : stored.people
  if (!Array.isArray(listed)) return undefined
  const people = listed.filter(isPerson)
  // nothing usable left (every record of another shape): no cache rather than an empty directory
  if (people.length === 0 && listed.length > 0) return undefined
  const watermark = typeof stored.watermark === 'string' && stored.watermark ? stored.watermark : null
  const reconciledAt = typeof stored.reconciledAt === 'number' && Number.isFinite(stored.reconciledAt) ? stored.reconciledAt : null
  return { savedAt: stored.savedAt, people, departments: stored.departments.filter(isDepartment), watermark, reconciledAt }
}

/** The people of every part, in order; undefined when one is missing or not a list. */
async function readParts(keys: readonly unknown[], area: RecordArea): Promise<unknown[] | undefined> {
  if (!keys.every((key) => typeof key === 'string')) return undefined
  const parts = await Promise.all(keys.map((key) => area.get<unknown>(key as string)))
  return parts.every(Array.isArray) ? parts.flat() : undefined
}

/** The part keys a stored entry names (none for one kept inline or unreadable). */
function partsOf(value: unknown): string[] {
  const parts = value && typeof value === 'object' ? (value as Partial<StoredDirectory>).parts : undefined
  return Array.isArray(parts) ? parts.filter((key): key is string => typeof key === 'string') : []
}

/**
 * Which keys to delete: other versions, entries older than the age limit, and beyond the count limit the
 * oldest. A part goes with its entry, and so does a part of a generation older than the one the catalogue
 * dates (left behind by a write that did not finish, or replaced).
 */
export function keysToPrune(
  keys: readonly string[],
  catalogue: Readonly<Record<string, number>>,
  now: number,
  keep: string,
): string[] {
  const current = keys.filter((key) => key.startsWith(`v${CACHE_VERSION}|`) && key !== CATALOGUE_KEY && !key.includes(PART_MARK))
  const stale = new Set(keys.filter((key) => !key.startsWith(`v${CACHE_VERSION}|`)))
  const dated = current
    .filter((key) => key !== keep)
    .map((key) => ({ key, savedAt: catalogue[key] ?? 0 }))
    .sort((a, b) => b.savedAt - a.savedAt)
  dated.forEach(({ key, savedAt }, i) => {
    // the entry being kept counts towards the limit too
    if (now - savedAt > CACHE_MAX_AGE_MS || i >= CACHE_MAX_ENTRIES - 1) stale.add(key)
  })
  for (const part of keys.filter((key) => key.startsWith(`v${CACHE_VERSION}|`) && key.includes(PART_MARK))) {
    const [entry = '', generation = ''] = part.split(PART_MARK)
    // a newer generation than the catalogue dates may be the one the entry names (the visit ended between
    // writing the entry and the catalogue): it stays until a write of the entry dates a newer one
    const superseded = Number(generation.split('.')[0]) < (catalogue[entry] ?? 0)
    if (stale.has(entry) || !current.includes(entry) || superseded) stale.add(part)
  }
  return [...stale]
}

/**
 * The directory on the device, one entry per portal, viewer, scopes and view, in whatever RecordArea the
 * device storage seam provides (IndexedDB, or memory when the browser keeps nothing). Never throws.
 * `hasDatabase` says, without opening the records, whether the device has their database at all (null: it
 * cannot say): on a first visit `keepsAny` then answers without waiting for the database to be created.
 */
export function createDirectoryCache(
  records: () => Promise<RecordArea>,
  hasDatabase: () => Promise<boolean | null> = async () => null,
): DirectoryCache {
  async function catalogue(area: RecordArea): Promise<Record<string, number>> {
    const value = await area.get<Record<string, number>>(CATALOGUE_KEY)
    return value && typeof value === 'object' ? { ...value } : {}
  }
  return {
    async read(scope) {
      const area = await records()
      return readStoredDirectory(await area.get<unknown>(cacheKey(scope)), area)
    },
    async write(scope, value) {
      const area = await records()
      const key = cacheKey(scope)
      // room first: on a full device the old entries are what stands in the way of this one
      const dates = await catalogue(area)
      for (const old of keysToPrune(await area.keys(), dates, Date.now(), key)) {
        await area.delete(old)
        delete dates[old]
      }
      const before = partsOf(await area.get<unknown>(key))
      const { people, ...rest } = value
      let stored: StoredDirectory = { version: CACHE_VERSION, ...value }
      if (people.length > CACHE_PART_SIZE) {
        const parts: string[] = []
        for (let from = 0; from < people.length; from += CACHE_PART_SIZE) {
          const part = `${key}${PART_MARK}${value.savedAt}.${parts.length}`
          parts.push(part)
          if (!(await area.set(part, people.slice(from, from + CACHE_PART_SIZE)))) {
            // the device refused a part: the copy it keeps stays as it was, whole, and so do the dates
            for (const written of parts) await area.delete(written)
            await area.set(CATALOGUE_KEY, dates)
            return
          }
        }
        stored = { version: CACHE_VERSION, ...rest, parts }
      }
      // the entry names its new parts once they are all written: a visit that ends before reads the old ones
      const kept = await area.set(key, stored)
      if (kept) dates[key] = value.savedAt
      await area.set(CATALOGUE_KEY, dates)
      // the old parts go once the entry no longer names them (a refused entry still does, on the device)
      if (kept) for (const old of before) if (!stored.parts?.includes(old)) await area.delete(old)
    },
    async purge(scope) {
      const area = await records()
      const key = cacheKey(scope)
      // every part of the entry, also those a write that did not finish left behind
      for (const part of (await area.keys()).filter((k) => k.startsWith(`${key}${PART_MARK}`))) await area.delete(part)
      await area.delete(key)
      const dates = await catalogue(area)
      delete dates[key]
      await area.set(CATALOGUE_KEY, dates)
    },
    async keepsAny(memberId, view) {
      if ((await hasDatabase()) === false) return false
      const area = await records()
      return Object.keys(await catalogue(area)).some((key) => keyOf(key, memberId, view))
    },
    async readLatest(memberId, view) {
      if ((await hasDatabase()) === false) return undefined
      const area = await records()
      const dates = await catalogue(area)
      const [key] = Object.keys(dates)
        .filter((k) => keyOf(k, memberId, view))
        .sort((a, b) => (dates[b] ?? 0) - (dates[a] ?? 0))
      if (!key) return undefined
      return { key, directory: area.get<unknown>(key).then((value) => readStoredDirectory(value, area)) }
    },
  }
}
