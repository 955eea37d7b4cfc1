import { defineStore, acceptHMRUpdate } from 'pinia'
import { useDebounceFn } from '@vueuse/core'
import { useSessionStore } from './session'
import { useDeviceStore } from './device'

/** the portal is told a moment after the viewer stops changing a choice, not on every click */
const PORTAL_SAVE_DELAY_MS = 1_000

/**
 * Choices that follow the person (which columns, in which order): kept in the portal as the viewer's own app
 * options, which come back in every visit's init data, so they survive on a device that keeps nothing; and on
 * the device too, for a portal that does not send them back.
 */
export const usePreferencesStore = defineStore('preferences', () => {
  const session = useSessionStore()
  const device = useDeviceStore()
  const pending = new Map<string, string>()
  const flush = useDebounceFn(() => {
    for (const [name, value] of pending) session.saveUserOption(name, value)
    pending.clear()
  }, PORTAL_SAVE_DELAY_MS)

  /** The remembered value, the portal's first; null when the viewer never chose. */
  function read(name: string): string | null {
    return pending.get(name) ?? session.userOption(name) ?? device.preferences().get(name)
  }

  function write(name: string, value: string) {
    if (read(name) === value) return
    device.preferences().set(name, value)
    pending.set(name, value)
    void flush()
  }

  return { read, write }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePreferencesStore, import.meta.hot))
