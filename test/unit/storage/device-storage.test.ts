import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { IDBFactory } from 'fake-indexeddb'
import { promisifyRequest, type UseStore } from 'idb-keyval'
import {
  canRequestStorageAccess,
  DATABASE,
  hasAppDatabase,
  checkAppDatabaseEarly,
  takeEarlyDatabaseCheck,
  OBJECT_STORE,
  openDeviceStorage,
  requestDeviceStorage,
  type DeviceStorage,
  type StorageSource,
} from '@/storage/device-storage'
import { createRecordArea } from '@/storage/record-area'
import { createPreferenceArea } from '@/storage/preference-area'

/** A Web Storage area kept in a Map, so no test sees another's values. */
class MapStorage implements Storage {
  readonly values = new Map<string, string>()
  get length() {
    return this.values.size
  }
  clear() {
    this.values.clear()
  }
  getItem(key: string) {
    return this.values.get(key) ?? null
  }
  key(index: number) {
    return [...this.values.keys()][index] ?? null
  }
  removeItem(key: string) {
    this.values.delete(key)
  }
  setItem(key: string, value: string) {
    this.values.set(key, String(value))
  }
}

const denied = () => new DOMException('Access is denied for this document', 'SecurityError')
/** what Chromium's databases() rejects with in a frame refused its storage */
const refusedDatabases = () => new DOMException('The user denied permission to access the database.', 'UnknownError')
const quota = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError')

function freshIndexedDb(): IDBFactory {
  return new IDBFactory() as unknown as IDBFactory
}

/**
 * An IndexedDB whose open() hands back a request that fails on the next turn and whose list of databases is
 * refused, as a blocked frame's are (Chromium 156: UnknownError, reference/browser-storage.md).
 */
function refusingIndexedDb(): IDBFactory {
  return {
    databases: () => Promise.reject(refusedDatabases()),
    open() {
      const request = { error: denied(), result: undefined } as unknown as IDBOpenDBRequest
      setTimeout(() => (request.onerror as ((event: Event) => void) | null)?.(new Event('error')))
      return request
    },
  } as unknown as IDBFactory
}

/** An IndexedDB whose open() never answers (seen in some private modes). */
function silentIndexedDb(): IDBFactory & { opened: number } {
  const factory = {
    opened: 0,
    open() {
      factory.opened++
      return {} as IDBOpenDBRequest
    },
  }
  return factory as unknown as IDBFactory & { opened: number }
}

const blockedLocalStorage = () => {
  throw denied()
}

async function roundTrip(storage: DeviceStorage) {
  expect(await storage.records.set('a', { people: [1, 2] })).toBe(true)
  expect(await storage.records.set('b', 'second')).toBe(true)
  expect(await storage.records.get('a')).toEqual({ people: [1, 2] })
  expect((await storage.records.keys()).sort()).toEqual(['a', 'b'])
  await storage.records.delete('a')
  expect(await storage.records.get('a')).toBeUndefined()
  expect(await storage.records.keys()).toEqual(['b'])
  storage.preferences.set('columns', 'name,email')
  expect(storage.preferences.get('columns')).toBe('name,email')
  storage.preferences.remove('columns')
  expect(storage.preferences.get('columns')).toBeNull()
}

let warn: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('openDeviceStorage: a browser that keeps storage', () => {
  it('keeps records in IndexedDB and preferences in localStorage between visits', async () => {
    const local = new MapStorage()
    const indexedDB = freshIndexedDb()
    const source: StorageSource = { localStorage: () => local, indexedDB: () => indexedDB }
    const storage = await openDeviceStorage(source)
    expect(storage.state).toBe('kept')
    await roundTrip(storage)

    storage.preferences.set('columns', 'name,city')
    expect(local.getItem('columns')).toBe('name,city')
    // the probe leaves nothing behind
    expect([...local.values.keys()]).toEqual(['columns'])

    // the next visit on the same device reads what this one kept
    const next = await openDeviceStorage(source)
    expect(next.state).toBe('kept')
    expect(await next.records.get('b')).toBe('second')
    expect(next.preferences.get('columns')).toBe('name,city')
    expect(warn).not.toHaveBeenCalled()
  })

  it('keeps the directory in the app\'s own database and object store', async () => {
    const indexedDB = freshIndexedDb()
    const storage = await openDeviceStorage({ localStorage: () => new MapStorage(), indexedDB: () => indexedDB })
    await storage.records.set('key', 'value')
    const db = await promisifyRequest(indexedDB.open(DATABASE))
    expect([...db.objectStoreNames]).toEqual([OBJECT_STORE])
    const stored = await promisifyRequest(db.transaction(OBJECT_STORE).objectStore(OBJECT_STORE).get('key'))
    db.close()
    expect(stored).toBe('value')
  })

  it('works over happy-dom\'s own window.localStorage', async () => {
    const indexedDB = freshIndexedDb()
    const storage = await openDeviceStorage({ localStorage: () => window.localStorage, indexedDB: () => indexedDB })
    expect(storage.state).toBe('kept')
    storage.preferences.set('device-storage-test', 'x')
    expect(window.localStorage.getItem('device-storage-test')).toBe('x')
    window.localStorage.removeItem('device-storage-test')
  })

  it('counts a database without the directory store as not kept', async () => {
    const indexedDB = freshIndexedDb()
    // a database of that name made by something else, at version 1, without the store
    const other = indexedDB.open(DATABASE, 1)
    other.onupgradeneeded = () => other.result.createObjectStore('something-else')
    ;(await promisifyRequest(other)).close()
    const storage = await openDeviceStorage({ localStorage: () => new MapStorage(), indexedDB: () => indexedDB })
    expect(storage.state).toBe('not-kept')
    expect(await storage.records.set('k', 1)).toBe(true)
    expect(await storage.records.get('k')).toBe(1)
  })
})

describe('openDeviceStorage: a browser that keeps nothing for the frame', () => {
  it('keeps everything in memory for the visit when both storages refuse', async () => {
    const storage = await openDeviceStorage({ localStorage: blockedLocalStorage, indexedDB: refusingIndexedDb })
    expect(storage.state).toBe('not-kept')
    await roundTrip(storage)
    expect(warn).toHaveBeenCalled()
  })

  it('keeps everything in memory when indexedDB itself throws on first touch', async () => {
    const storage = await openDeviceStorage({
      localStorage: blockedLocalStorage,
      indexedDB: () => {
        throw denied()
      },
    })
    expect(storage.state).toBe('not-kept')
    await roundTrip(storage)
  })

  it('uses localStorage for preferences even when IndexedDB refuses', async () => {
    const local = new MapStorage()
    const storage = await openDeviceStorage({ localStorage: () => local, indexedDB: refusingIndexedDb })
    expect(storage.state).toBe('not-kept')
    storage.preferences.set('columns', 'name')
    expect(local.getItem('columns')).toBe('name')
  })

  it('keeps the cache on the device when only localStorage is blocked', async () => {
    const storage = await openDeviceStorage({ localStorage: blockedLocalStorage, indexedDB: freshIndexedDb })
    expect(storage.state).toBe('kept')
    storage.preferences.set('columns', 'email')
    expect(storage.preferences.get('columns')).toBe('email')
  })

  it('counts a localStorage that throws on write as unusable, without throwing itself', async () => {
    const full = new MapStorage()
    full.setItem = () => {
      throw denied()
    }
    const storage = await openDeviceStorage({ localStorage: () => full, indexedDB: freshIndexedDb })
    storage.preferences.set('columns', 'city')
    expect(storage.preferences.get('columns')).toBe('city')
    expect(full.length).toBe(0)
  })

  it('gives up on an IndexedDB that never answers after the open timeout', async () => {
    vi.useFakeTimers()
    const silent = silentIndexedDb()
    let settled: DeviceStorage | undefined
    void openDeviceStorage({ localStorage: () => new MapStorage(), indexedDB: () => silent }).then((s) => (settled = s))
    await vi.advanceTimersByTimeAsync(2_900)
    expect(silent.opened).toBe(1)
    expect(settled).toBeUndefined()
    await vi.advanceTimersByTimeAsync(200)
    expect(settled?.state).toBe('not-kept')
    expect(await settled!.records.set('k', 'v')).toBe(true)
    expect(await settled!.records.get('k')).toBe('v')
  })
})

/** A UseStore over a real (fake-indexeddb) object store whose writes the device refuses while `full` is on. */
async function quotaStore(how: 'put throws' | 'transaction aborts') {
  const indexedDB = freshIndexedDb()
  const request = indexedDB.open('quota-test')
  request.onupgradeneeded = () => request.result.createObjectStore('s')
  const db = await promisifyRequest(request)
  const state = { full: true }
  const store: UseStore = async (mode, callback) => {
    const real = db.transaction('s', mode).objectStore('s')
    if (mode !== 'readwrite' || !state.full) return callback(real)
    if (how === 'put throws') {
      const refusing = new Proxy(real, {
        get(target, prop) {
          if (prop === 'put') {
            return () => {
              throw quota()
            }
          }
          const value = Reflect.get(target, prop, target) as unknown
          return typeof value === 'function' ? value.bind(target) : value
        },
      })
      return callback(refusing)
    }
    // the write is accepted, then the transaction aborts with the quota error, as browsers report it
    const transaction = { error: quota() } as unknown as IDBTransaction & { onabort?: () => void }
    const aborting = {
      put: () => ({}) as IDBRequest,
      delete: (key: IDBValidKey) => real.delete(key),
      transaction,
    } as unknown as IDBObjectStore
    setTimeout(() => transaction.onabort?.())
    return callback(aborting)
  }
  return { store, state, db }
}

describe('createRecordArea: a device that is full', () => {
  for (const how of ['put throws', 'transaction aborts'] as const) {
    it(`keeps a refused write in memory for the visit (${how})`, async () => {
      const { store, state, db } = await quotaStore(how)
      const area = createRecordArea(store)
      await expect(area.set('directory', { people: ['Ann'] })).resolves.toBe(false)
      expect(await area.get('directory')).toEqual({ people: ['Ann'] })
      // nothing reached the device
      state.full = false
      expect(await promisifyRequest(db.transaction('s').objectStore('s').get('directory'))).toBeUndefined()
      expect(warn).toHaveBeenCalled()
    })
  }

  it('reads from the device again once a later write of the key is kept', async () => {
    const { store, state } = await quotaStore('put throws')
    const area = createRecordArea(store)
    expect(await area.set('directory', 'old')).toBe(false)
    state.full = false
    expect(await area.set('directory', 'new')).toBe(true)
    expect(await area.get('directory')).toBe('new')
    expect(await area.keys()).toEqual(['directory'])
  })

  it('forgets a value kept in memory when it is deleted', async () => {
    const { store } = await quotaStore('put throws')
    const area = createRecordArea(store)
    expect(await area.set('directory', 'value')).toBe(false)
    await area.delete('directory')
    expect(await area.get('directory')).toBeUndefined()
  })

  it('settles every call when the store itself is gone', async () => {
    const gone: UseStore = async () => {
      throw new DOMException('The database connection is closing.', 'InvalidStateError')
    }
    const area = createRecordArea(gone)
    await expect(area.get('x')).resolves.toBeUndefined()
    await expect(area.keys()).resolves.toEqual([])
    await expect(area.delete('x')).resolves.toBeUndefined()
    await expect(area.set('x', 1)).resolves.toBe(false)
    expect(await area.get('x')).toBe(1)
  })
})

describe('createPreferenceArea: a localStorage that is full', () => {
  it('keeps a refused value in memory and reads it back', () => {
    const storage = new MapStorage()
    storage.setItem('columns', 'stale')
    storage.setItem = () => {
      throw quota()
    }
    const area = createPreferenceArea(storage)
    expect(() => area.set('columns', 'name,email')).not.toThrow()
    expect(area.get('columns')).toBe('name,email')
    expect(storage.getItem('columns')).toBe('stale')
    area.remove('columns')
    expect(area.get('columns')).toBeNull()
  })

  it('reads nothing, without throwing, from a storage that went away', () => {
    const storage = new MapStorage()
    storage.getItem = () => {
      throw denied()
    }
    storage.removeItem = () => {
      throw denied()
    }
    const area = createPreferenceArea(storage)
    expect(area.get('columns')).toBeNull()
    expect(() => area.remove('columns')).not.toThrow()
  })
})

type RequestAccess = (types?: { localStorage?: boolean; indexedDB?: boolean }) => Promise<unknown>

function accessDocument(requestStorageAccess?: RequestAccess): Document {
  return (requestStorageAccess ? { requestStorageAccess } : {}) as unknown as Document
}

/** A frame window whose own storage stays blocked (Chrome with third-party cookies blocked). */
function blockedWindow(): Window {
  return {
    get localStorage(): Storage {
      throw denied()
    },
    get indexedDB(): IDBFactory {
      return refusingIndexedDb()
    },
  } as unknown as Window
}

describe('requestDeviceStorage', () => {
  it('uses the storage of a granted handle while the window\'s own stays blocked', async () => {
    const handle = { localStorage: new MapStorage(), indexedDB: freshIndexedDb() }
    const request = vi.fn<RequestAccess>(async () => handle)
    const doc = accessDocument(request)
    expect(canRequestStorageAccess(doc)).toBe(true)
    const storage = await requestDeviceStorage(doc, blockedWindow())
    expect(storage?.state).toBe('kept')
    expect(request).toHaveBeenCalledWith({ localStorage: true, indexedDB: true })
    storage!.preferences.set('columns', 'name')
    expect(handle.localStorage.getItem('columns')).toBe('name')
    await storage!.records.set('k', 'v')
    // the value is in the handle's database: a second grant on the same handle reads it back
    const again = await requestDeviceStorage(doc, blockedWindow())
    expect(await again!.records.get('k')).toBe('v')
  })

  it('opens the window\'s own storage when the grant hands back no handle (Firefox, Safari)', async () => {
    const local = new MapStorage()
    const indexedDB = freshIndexedDb()
    const win = { localStorage: local, indexedDB } as unknown as Window
    const storage = await requestDeviceStorage(accessDocument(async () => undefined), win)
    expect(storage?.state).toBe('kept')
    storage!.preferences.set('columns', 'city')
    expect(local.getItem('columns')).toBe('city')
  })

  it('answers null when the grant still leaves no storage', async () => {
    expect(await requestDeviceStorage(accessDocument(async () => undefined), blockedWindow())).toBeNull()
  })

  it('answers null when the viewer or the browser refuses', async () => {
    const refuse: RequestAccess = async () => {
      throw new DOMException('Permission denied.', 'NotAllowedError')
    }
    await expect(requestDeviceStorage(accessDocument(refuse), blockedWindow())).resolves.toBeNull()
  })

  it('answers null, and offers no request, in a browser without the Storage Access API', async () => {
    const doc = accessDocument()
    expect(canRequestStorageAccess(doc)).toBe(false)
    await expect(requestDeviceStorage(doc, blockedWindow())).resolves.toBeNull()
  })
})

describe('hasAppDatabase: a first visit is known without creating the database', () => {
  it('says no on a first visit, and leaves no database behind for asking', async () => {
    const indexedDB = freshIndexedDb()
    const source: StorageSource = { localStorage: () => new MapStorage(), indexedDB: () => indexedDB }
    expect(await hasAppDatabase(source)).toBe(false)
    expect(await indexedDB.databases()).toEqual([])
  })

  it('says yes once a visit has opened the storage', async () => {
    const indexedDB = freshIndexedDb()
    const source: StorageSource = { localStorage: () => new MapStorage(), indexedDB: () => indexedDB }
    await openDeviceStorage(source)
    expect(await hasAppDatabase(source)).toBe(true)
  })

  it('asked early, before the app is evaluated, its answer is handed out once', async () => {
    const indexedDB = freshIndexedDb()
    const databases = vi.spyOn(indexedDB, 'databases')
    checkAppDatabaseEarly({ localStorage: () => new MapStorage(), indexedDB: () => indexedDB })
    // a second early call does not ask again
    checkAppDatabaseEarly({ localStorage: () => new MapStorage(), indexedDB: () => indexedDB })
    await expect(takeEarlyDatabaseCheck()).resolves.toBe(false)
    expect(databases).toHaveBeenCalledTimes(1)
    // taken: whoever asks next asks the browser itself
    expect(takeEarlyDatabaseCheck()).toBeNull()
  })

  it('cannot say when the browser has no list of databases', async () => {
    const noList = freshIndexedDb()
    Object.defineProperty(noList, 'databases', { value: undefined })
    expect(await hasAppDatabase({ localStorage: () => new MapStorage(), indexedDB: () => noList })).toBeNull()
  })

  it('says no when the browser refuses the frame its storage: nothing can be kept there, so the open is cold', async () => {
    const refusing = { localStorage: blockedLocalStorage, indexedDB: refusingIndexedDb }
    expect(await hasAppDatabase(refusing)).toBe(false)
    // the storage such a browser gives keeps the visit in memory: the answer holds
    expect((await openDeviceStorage(refusing)).state).toBe('not-kept')
    const throwing = () => {
      throw denied()
    }
    expect(await hasAppDatabase({ localStorage: blockedLocalStorage, indexedDB: throwing })).toBe(false)
    // a browser that gives the frame no IndexedDB at all keeps nothing either
    const none = () => null as unknown as IDBFactory
    expect(await hasAppDatabase({ localStorage: blockedLocalStorage, indexedDB: none })).toBe(false)
  })

  it('cannot say when the list fails for another reason: what opening the database finds is not known', async () => {
    const failing = freshIndexedDb()
    Object.defineProperty(failing, 'databases', { value: () => Promise.reject(new DOMException('aborted', 'AbortError')) })
    expect(await hasAppDatabase({ localStorage: () => new MapStorage(), indexedDB: () => failing })).toBeNull()
  })
})
