import { defineStore, acceptHMRUpdate } from 'pinia'
import { ref, shallowRef } from 'vue'
import { blockedUntil, walkPace, type OperatingReading, type WalkPace } from '@/domain/portal/portal-budget'

/**
 * The app's share of the portal's operating limit for user.get, as the portal last reported it. Every reader
 * of people records the figures of each answer here; background work asks it how fast it may go.
 */
export const usePortalBudgetStore = defineStore('portal-budget', () => {
  /** the latest user.get figures (null: none seen yet, or a portal that sends none) */
  const reading = shallowRef<OperatingReading | null>(null)
  /** the portal blocked user.get for the app (OPERATION_TIME_LIMIT): nothing is asked before this time */
  const blockedTill = ref<number | null>(null)

  function record(figures: OperatingReading | null) {
    if (figures) reading.value = figures
  }

  function pace(now = Date.now()): WalkPace {
    return walkPace(reading.value, now)
  }

  /** The portal refused user.get for the app: wait for the window to move instead of asking again. */
  function block(now = Date.now()): number {
    blockedTill.value = blockedUntil(reading.value, now)
    return blockedTill.value
  }

  function isBlocked(now = Date.now()): boolean {
    return blockedTill.value !== null && blockedTill.value > now
  }

  return { reading, blockedTill, record, pace, block, isBlocked }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePortalBudgetStore, import.meta.hot))
