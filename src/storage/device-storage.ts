import { promisifyRequest, type UseStore } from 'idb-keyval'
import { createRecordArea, memoryRecordArea, type RecordArea } from './record-area'
import { createPreferenceArea, memoryPreferenceArea, type PreferenceArea } from './preference-area'

/**
 * The one seam for everything the app keeps on the device: small preferences (localStorage) and the
 * directory cache (IndexedDB). A cross-site frame may get no storage at all — third-party cookies blocked by
 * the viewer or by company policy, Chrome's incognito windows — and then `localStorage` throws SecurityError
 * on first touch and IndexedDB refuses to open. The seam finds out once, and otherwise keeps everything in
 * memory for the visit, so nothing above it ever sees a storage error.
 */
export type DeviceStorageState =
  /** the device keeps the cache between visits */
  | 'kept'
  /** the browser keeps nothing for this embedded app: each visit loads afresh */
  | 'not-kept'

export interface DeviceStorage {
  readonly state: DeviceStorageState
  /** small values (a column list), read synchronously */
  readonly preferences: PreferenceArea
  /** large values (the directory), by key */
  readonly records: RecordArea
}

/** Where storage comes from: the window's own, or what a Storage Access grant hands back. */
export interface StorageSource {
  localStorage(): Storage
  indexedDB(): IDBFactory
}

/** The database and object store the directory cache lives in. */
export const DATABASE = 'people-directory'
export const OBJECT_STORE = 'directory'
/** a browser that neither opens nor refuses a database (seen in private modes) counts as refusing after this */
const OPEN_TIMEOUT_MS = 3_000

/** Storage in memory only, for the visit. */
export function memoryStorage(): DeviceStorage {
  return { state: 'not-kept', preferences: memoryPreferenceArea(), records: memoryRecordArea() }
}

/**
 * Finds out which storage works and returns the seam over it. Never throws: a source that throws, refuses or
 * hangs is replaced by memory. IndexedDB decides the state, since the directory cache is what a visit saves.
 */
export async function openDeviceStorage(source: StorageSource): Promise<DeviceStorage> {
  const [local, database] = await Promise.all([probeLocalStorage(source), probeIndexedDb(source)])
  return {
    state: database ? 'kept' : 'not-kept',
    preferences: local ? createPreferenceArea(local) : memoryPreferenceArea(),
    records: database ? createRecordArea(database) : memoryRecordArea(),
  }
}

/** How a browser refuses the frame its databases: Chromium's UnknownError "The user denied permission to access
 * the database" (with third-party cookies blocked), SecurityError elsewhere. */
const REFUSALS = new Set(['UnknownError', 'SecurityError'])

/**
 * Whether the browser has the app's database at all, asked without opening it: a first visit has none, and
 * opening one creates it, which takes Chromium 150–350 ms. A directory can only be kept in that database, so
 * false means nothing is kept. False too when the browser refuses the frame its databases or has no IndexedDB:
 * then openDeviceStorage keeps the visit in memory, so the open is cold and its first page can be asked for at
 * once. Chromium 156 with third-party cookies blocked (incognito, company policy) rejects `databases()` with
 * UnknownError within ~10 ms (measured here), as it fails `open()` (reference/browser-storage.md). null when
 * the browser cannot say: no `indexedDB.databases()` (Firefox before 126), or a failure that is not a refusal.
 * Source: IDBFactory.databases(), developer.mozilla.org/docs/Web/API/IDBFactory/databases.
 */
export async function hasAppDatabase(source: StorageSource): Promise<boolean | null> {
  let factory: IDBFactory | null | undefined
  try {
    factory = source.indexedDB()
  } catch {
    // refused on first touch: openDeviceStorage falls back to memory the same way
    return false
  }
  if (!factory) return false
  if (typeof factory.databases !== 'function') return null
  try {
    return (await factory.databases()).some((database) => database.name === DATABASE)
  } catch (error) {
    const name = (error as { name?: unknown } | null)?.name
    return typeof name === 'string' && REFUSALS.has(name) ? false : null
  }
}

let early: Promise<boolean | null> | null = null

/**
 * Starts `hasAppDatabase` for the window's own storage before the app is even evaluated (src/start-early.ts):
 * on a fresh browser profile the browser takes a few hundred ms to answer, and a cold open waits for that
 * answer before it asks for its first page.
 */
export function checkAppDatabaseEarly(source: StorageSource = windowStorageSource()): AppDatabaseCheck {
  early ??= hasAppDatabase(source)
  return early
}

/** hasAppDatabase's answer: false when the browser has no database of the app, null when it cannot say. */
export type AppDatabaseCheck = Promise<boolean | null>

/** The early check's answer, handed out once; null when none was started. */
export function takeEarlyDatabaseCheck(): Promise<boolean | null> | null {
  const answer = early
  early = null
  return answer
}

/** The window's own storage. Reading `window.localStorage` is what throws, so it is only read inside a probe. */
export function windowStorageSource(win: Window = window): StorageSource {
  return { localStorage: () => win.localStorage, indexedDB: () => win.indexedDB }
}

/**
 * Small values for this browser tab only (sessionStorage: they survive a reload of the portal page, and a new
 * tab starts without them); null when the browser keeps nothing for the frame. Probed on the spot, since the
 * app asks before the first view shows. Reading `window.sessionStorage` is what throws in a blocked frame.
 */
export function openTabArea(win: Window = window): PreferenceArea | null {
  try {
    const storage = win.sessionStorage
    const key = `${DATABASE}:probe`
    storage.setItem(key, '1')
    storage.removeItem(key)
    return createPreferenceArea(storage)
  } catch (error) {
    console.warn('[storage] sessionStorage is not usable here; nothing is kept for this tab', error)
    return null
  }
}

function probeLocalStorage(source: StorageSource): Storage | null {
  try {
    const storage = source.localStorage()
    const key = `${DATABASE}:probe`
    storage.setItem(key, '1')
    storage.removeItem(key)
    return storage
  } catch (error) {
    console.warn('[storage] localStorage is not usable here; preferences stay in memory for this visit', error)
    return null
  }
}

/** Opens (creating when needed) the cache database; null when the browser refuses it. */
async function probeIndexedDb(source: StorageSource): Promise<UseStore | null> {
  try {
    const request = source.indexedDB().open(DATABASE)
    request.onupgradeneeded = () => request.result.createObjectStore(OBJECT_STORE)
    let timer: ReturnType<typeof setTimeout> | undefined
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`IndexedDB did not open within ${OPEN_TIMEOUT_MS} ms`)), OPEN_TIMEOUT_MS)
    })
    const db = await Promise.race([promisifyRequest(request), timeout]).finally(() => clearTimeout(timer))
    if (!db.objectStoreNames.contains(OBJECT_STORE)) {
      db.close()
      throw new Error(`IndexedDB database ${DATABASE} has no ${OBJECT_STORE} store`)
    }
    // one connection for the visit, as idb-keyval's own createStore keeps
    return async (mode, callback) => callback(db.transaction(OBJECT_STORE, mode).objectStore(OBJECT_STORE))
  } catch (error) {
    console.warn('[storage] IndexedDB is not usable here; the directory is kept in memory for this visit', error)
    return null
  }
}

/** What `document.requestStorageAccess(types)` hands back in Chrome (storage access "beyond cookies"). */
interface StorageAccessHandle {
  localStorage?: Storage
  indexedDB?: IDBFactory
}

type AccessDocument = Document & {
  requestStorageAccess?: (types?: { localStorage?: boolean; indexedDB?: boolean }) => Promise<StorageAccessHandle | undefined>
}

/** The browser can grant this embedded app its storage on request (the Storage Access API). */
export function canRequestStorageAccess(doc: Document = document): boolean {
  return typeof (doc as AccessDocument).requestStorageAccess === 'function'
}

/**
 * Asks the browser for storage (must run inside a click). Which storage a grant covers differs by browser:
 * Chrome grants cookies only unless asked for more, and then hands back a handle whose `localStorage` and
 * `indexedDB` are unpartitioned — the window's own stay blocked; Firefox and Safari ignore the argument, and a
 * grant there opens the window's own storage. Either way the storage is probed again; null when refused.
 *
 * Source: the Storage Access API (developer.mozilla.org/docs/Web/API/Storage_Access_API) and Chrome's
 * "Storage Access API beyond cookies" (Chrome 125).
 */
export async function requestDeviceStorage(doc: Document = document, win: Window = window): Promise<DeviceStorage | null> {
  const request = (doc as AccessDocument).requestStorageAccess
  if (typeof request !== 'function') return null
  let handle: StorageAccessHandle | undefined
  try {
    handle = await request.call(doc, { localStorage: true, indexedDB: true })
  } catch (error) {
    console.warn('[storage] the browser did not grant storage access', error)
    return null
  }
  const own = windowStorageSource(win)
  const source: StorageSource = {
    localStorage: () => handle?.localStorage ?? own.localStorage(),
    indexedDB: () => handle?.indexedDB ?? own.indexedDB(),
  }
  const storage = await openDeviceStorage(source)
  return storage.state === 'kept' ? storage : null
}
