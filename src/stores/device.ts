import { defineStore, acceptHMRUpdate } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import {
  canRequestStorageAccess,
  hasAppDatabase,
  memoryStorage,
  openDeviceStorage,
  openTabArea,
  requestDeviceStorage,
  takeEarlyDatabaseCheck,
  windowStorageSource,
  type DeviceStorage,
} from '@/storage/device-storage'
import type { RecordArea } from '@/storage/record-area'
import type { PreferenceArea } from '@/storage/preference-area'

export type DeviceStorageStatus = 'checking' | 'kept' | 'not-kept'

/**
 * What this device keeps for the app between visits. Found out once per visit; the viewer can ask the browser
 * for storage where it grants embedded apps storage on request, and the cache turns on when it does.
 */
export const useDeviceStore = defineStore('device', () => {
  const storage = shallowRef<DeviceStorage>(memoryStorage())
  const status = ref<DeviceStorageStatus>('checking')
  /** the viewer asked and the browser said no (or the grant did not open storage) */
  const refused = ref(false)
  const asking = ref(false)
  let opening: Promise<DeviceStorage> | null = null

  let databaseAsked: Promise<boolean | null> | null = null

  /**
   * Whether the device has the app's database at all (null: the browser cannot say), without waiting for it
   * to open. Asked before it is opened, or the opening would create it.
   */
  function hasDatabase(): Promise<boolean | null> {
    databaseAsked ??=
      typeof window === 'undefined' ? Promise.resolve(null) : (takeEarlyDatabaseCheck() ?? hasAppDatabase(windowStorageSource()))
    return databaseAsked
  }

  /** The device's storage, probed on first use. */
  function ready(): Promise<DeviceStorage> {
    void hasDatabase()
    opening ??= (async () => {
      // tests and the server-side render have no window; they keep everything in memory
      const found = typeof window === 'undefined' ? memoryStorage() : await openDeviceStorage(windowStorageSource())
      storage.value = found
      status.value = found.state
      return found
    })()
    return opening
  }

  /** A button can ask the browser for storage (the Storage Access API) instead of loading afresh each visit. */
  const canAsk = computed(() => status.value === 'not-kept' && typeof document !== 'undefined' && canRequestStorageAccess())

  /** Asks the browser for storage; must run inside the viewer's click. True when storage is now kept. */
  async function askForStorage(): Promise<boolean> {
    if (asking.value) return false
    asking.value = true
    try {
      const granted = await requestDeviceStorage()
      if (!granted) {
        refused.value = true
        return false
      }
      // what this visit saved in memory moves along with it: the next write goes to the granted storage
      storage.value = granted
      opening = Promise.resolve(granted)
      // the granted storage is another one: only opening it tells what it keeps
      databaseAsked = Promise.resolve(null)
      status.value = 'kept'
      refused.value = false
      return true
    } finally {
      asking.value = false
    }
  }

  /** The directory cache's records, wherever they are kept right now. */
  async function records(): Promise<RecordArea> {
    return (await ready()).records
  }

  /** Small preferences; in memory until the probe has answered. */
  function preferences(): PreferenceArea {
    return storage.value.preferences
  }

  let tab: PreferenceArea | null | undefined
  /** Small values for this browser tab (a reload keeps them, a new tab has none); null when the browser keeps nothing. */
  function tabArea(): PreferenceArea | null {
    // tests and the server-side render have no window: no tab to keep anything for
    if (tab === undefined) tab = typeof window === 'undefined' ? null : openTabArea()
    return tab
  }

  /** Tests hand the store a storage of their own. */
  function replaceStorage(replacement: DeviceStorage, tabReplacement: PreferenceArea | null = null) {
    storage.value = replacement
    tab = tabReplacement
    opening = Promise.resolve(replacement)
    databaseAsked = Promise.resolve(null)
    status.value = replacement.state
  }

  return { status, refused, asking, canAsk, ready, hasDatabase, askForStorage, records, preferences, tabArea, replaceStorage }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDeviceStore, import.meta.hot))
