/** Small string values read synchronously (a column list). Every method settles; none throws. */
export interface PreferenceArea {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
}

export function memoryPreferenceArea(): PreferenceArea {
  const values = new Map<string, string>()
  return {
    get: (key) => values.get(key) ?? null,
    set: (key, value) => void values.set(key, value),
    remove: (key) => void values.delete(key),
  }
}

/** Values in a Web Storage area; a full or vanished one keeps the value in memory for the visit. */
export function createPreferenceArea(storage: Storage): PreferenceArea {
  const fallback = memoryPreferenceArea()
  return {
    get(key) {
      try {
        return fallback.get(key) ?? storage.getItem(key)
      } catch (error) {
        console.warn(`[storage] reading ${key} failed`, error)
        return null
      }
    },
    set(key, value) {
      try {
        storage.setItem(key, value)
        fallback.remove(key)
      } catch (error) {
        console.warn(`[storage] keeping ${key} failed; it stays in memory for this visit`, error)
        fallback.set(key, value)
      }
    },
    remove(key) {
      fallback.remove(key)
      try {
        storage.removeItem(key)
      } catch (error) {
        console.warn(`[storage] removing ${key} failed`, error)
      }
    },
  }
}
