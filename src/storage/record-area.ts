import { del, get, keys, set, type UseStore } from 'idb-keyval'

/** Large values by key (the directory cache). Every method settles; none throws to its caller. */
export interface RecordArea {
  get<T>(key: string): Promise<T | undefined>
  /** false when the value could not be kept on the device (quota exceeded, storage gone): it stays in memory */
  set(key: string, value: unknown): Promise<boolean>
  delete(key: string): Promise<void>
  keys(): Promise<string[]>
}

/** Values kept in memory for the visit. */
export function memoryRecordArea(): RecordArea {
  const values = new Map<string, unknown>()
  return {
    async get<T>(key: string) {
      return values.get(key) as T | undefined
    },
    async set(key, value) {
      values.set(key, value)
      return true
    },
    async delete(key) {
      values.delete(key)
    },
    async keys() {
      return [...values.keys()]
    },
  }
}

/**
 * Values in an IndexedDB object store. A write the device refuses (QuotaExceededError, a database deleted under
 * the app) keeps the value in memory for the rest of the visit instead, and says so in the console.
 */
export function createRecordArea(store: UseStore): RecordArea {
  const fallback = memoryRecordArea()
  const failed = new Set<string>()
  const trace = (what: string, key: string, error: unknown) => console.warn(`[storage] ${what} ${key} failed`, error)
  return {
    async get<T>(key: string) {
      if (failed.has(key)) return fallback.get<T>(key)
      try {
        return await get<T>(key, store)
      } catch (error) {
        trace('reading', key, error)
        return undefined
      }
    },
    async set(key, value) {
      try {
        await set(key, value, store)
        failed.delete(key)
        await fallback.delete(key)
        return true
      } catch (error) {
        trace('keeping', key, error)
        failed.add(key)
        await fallback.set(key, value)
        return false
      }
    },
    async delete(key) {
      failed.delete(key)
      await fallback.delete(key)
      try {
        await del(key, store)
      } catch (error) {
        trace('deleting', key, error)
      }
    },
    async keys() {
      try {
        return (await keys<IDBValidKey>(store)).filter((k): k is string => typeof k === 'string')
      } catch (error) {
        trace('listing', 'keys', error)
        return []
      }
    },
  }
}
