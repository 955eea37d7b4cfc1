import { defineStore, acceptHMRUpdate } from 'pinia'
import { ref, shallowRef } from 'vue'
import { ASSUMED_PAGE_SEC, blockedUntil, isOlderReading, pageCost, walkPace, type OperatingReading, type WalkPace } from '@/domain/portal/portal-budget'

/**
 * The app's share of the portal's operating limit for user.get, as the portal last reported it. Every reader
 * of people records the figures of each answer here; background work asks it how fast it may go.
 */
export const usePortalBudgetStore = defineStore('portal-budget', () => {
  /** the latest user.get figures (null: none seen yet, or a portal that sends none) */
  const reading = shallowRef<OperatingReading | null>(null)
  /** the portal blocked user.get for the app (OPERATION_TIME_LIMIT): nothing is asked before this time */
  const blockedTill = ref<number | null>(null)
  /** seconds one user.get page execution cost, as the walk last measured it (null: not yet) */
  const pageSec = ref<number | null>(null)

  /**
   * Takes the figures of an answer. `round` names a walk's round: the figures the budget held when it was
   * asked and the user.get pages it ran, from which the cost of a page is measured (whatever else the app's
   * users ran meanwhile adds to it, so it errs on the dear side). An answer older than the one recorded
   * (isOlderReading) changes nothing.
   */
  function record(figures: OperatingReading | null, round?: { before: OperatingReading | null; executions: number }, now = Date.now()) {
    if (!figures || (reading.value && isOlderReading(figures, reading.value, now))) return
    if (round) pageSec.value = pageCost(round.before, figures, round.executions) ?? pageSec.value
    reading.value = figures
  }

  function pace(now = Date.now()): WalkPace {
    return walkPace(reading.value, now, pageSec.value ?? ASSUMED_PAGE_SEC)
  }

  /** The portal refused user.get for the app: wait for the window to move instead of asking again. */
  function block(now = Date.now()): number {
    blockedTill.value = blockedUntil(reading.value, now)
    return blockedTill.value
  }

  function isBlocked(now = Date.now()): boolean {
    return blockedTill.value !== null && blockedTill.value > now
  }

  return { reading, blockedTill, pageSec, record, pace, block, isBlocked }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(usePortalBudgetStore, import.meta.hot))
