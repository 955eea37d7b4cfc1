/**
 * The portal's operating limit, as the app spends it. Bitrix24 sums the execution time of each REST method
 * per app — across every viewer of the app — over a sliding 10 minutes, and blocks the method for the whole
 * app once the sum reaches 480 s (HTTP 429 OPERATION_TIME_LIMIT; inside a batch, an error per command).
 * Every answer reports the sum (`time.operating`) and when its oldest part leaves the window
 * (`time.operating_reset_at`). Source: Bitrix24 REST limits; portal-budget.md.
 */

/** seconds of one method's execution time per app per 10 minutes (cloud portals) */
export const OPERATING_LIMIT_SEC = 480

/**
 * A background walk of the whole directory runs only while the app's user.get usage is below a quarter of the
 * limit. Why a quarter: the walk is optional work — what the viewer needs now (the first page, a search, a
 * card) is served by small targeted requests — and the budget is everybody's: three quarters stay for the
 * on-demand requests of every colleague who opens the app in the same 10 minutes.
 */
export const WALK_SHARE = 0.25
/** between a quarter and a half the walk slows down; above half it waits for the window to move */
export const SLOW_SHARE = 0.5
/** the pause between two batches of a slowed walk */
export const SLOW_DELAY_MS = 5_000
/** when the portal blocks a method but gives no time, it is asked again after this long */
export const UNKNOWN_RESET_MS = 60_000
/**
 * What one user.get page execution is taken to cost while the app has not measured it (`pageCost`): a heavy
 * portal's page, ten times the 0.0188 s of the documented example. It bounds a walk's rounds only when the
 * usage is already within a round of the walk's share; on a portal dearer than this, the first round there
 * still passes the share by the difference.
 */
export const ASSUMED_PAGE_SEC = 0.2

/** The latest operating figures of one method. */
export interface OperatingReading {
  operatingSec: number
  /** ms since the epoch; null when the portal sent none */
  resetAt: number | null
}

/**
 * The newest of several readings of the same usage counter (pages of one batch, requests of one round): the
 * usage only grows within its window, so the highest figure is the newest; on a tie the later one in the
 * list. Null when none came back.
 */
export function newestReading(readings: Iterable<OperatingReading | null>): OperatingReading | null {
  let newest: OperatingReading | null = null
  for (const r of readings) if (r && (!newest || r.operatingSec >= newest.operatingSec)) newest = r
  return newest
}

/**
 * Whether `reading` is older than `than`, taken later: a smaller sum in the same window, while that window's
 * reset time is known and still ahead (requests answered out of order). Once the oldest minute has left, or
 * when the portal sends no reset time, a smaller sum may be news, so it is never set aside then.
 */
export function isOlderReading(reading: OperatingReading, than: OperatingReading, now: number): boolean {
  const sameWindow = reading.resetAt !== null && reading.resetAt === than.resetAt && reading.resetAt > now
  return sameWindow && reading.operatingSec < than.operatingSec
}

export type WalkPace =
  /** below the walk's share: carry on, reading at most `pages` page executions (what fits below it) */
  | { kind: 'go'; pages: number }
  /** past it: carry on slowly */
  | { kind: 'slow'; delayMs: number }
  /** past the slow share: wait until the window moves */
  | { kind: 'wait'; untilMs: number }

/**
 * How a background walk may go on, given the method's latest figures and what one page execution costs
 * (seconds). Below the walk's share it may read as many pages as fit below it (at least one), so a round of
 * up to 100 pages does not carry the usage far past the share. A portal that sends no figures (on-premise
 * installations) has no such limit: the walk goes on as fast as the request limit lets it.
 */
export function walkPace(
  reading: OperatingReading | null,
  now: number,
  pageSec = ASSUMED_PAGE_SEC,
  limitSec = OPERATING_LIMIT_SEC,
): WalkPace {
  if (!reading) return { kind: 'go', pages: Infinity }
  const used = reading.operatingSec / limitSec
  if (used < WALK_SHARE) {
    const headroomSec = WALK_SHARE * limitSec - reading.operatingSec
    return { kind: 'go', pages: pageSec > 0 ? Math.max(1, Math.floor(headroomSec / pageSec)) : Infinity }
  }
  // figures older than their own reset time overstate the usage: go on slowly, the next answer tells more
  if (reading.resetAt !== null && reading.resetAt <= now) return { kind: 'slow', delayMs: 0 }
  if (used < SLOW_SHARE) return { kind: 'slow', delayMs: SLOW_DELAY_MS }
  const untilMs = reading.resetAt !== null && reading.resetAt > now ? reading.resetAt : now + UNKNOWN_RESET_MS
  return { kind: 'wait', untilMs }
}

/**
 * What one page execution cost, from two readings of the same window taken around `executions` of them
 * (seconds; null when it cannot be told: no earlier reading, the window moved between them — its oldest
 * minute left, so the sum fell by what that minute held — or the usage did not grow). Whatever else the
 * app's users ran in between counts too, so the figure errs on the dear side: a walk that uses it stops short
 * of its share rather than past it.
 */
export function pageCost(before: OperatingReading | null, after: OperatingReading, executions: number): number | null {
  if (!before || executions <= 0 || before.resetAt !== after.resetAt) return null
  const grown = after.operatingSec - before.operatingSec
  return grown > 0 ? grown / executions : null
}

/** When a method the portal blocked (OPERATION_TIME_LIMIT) may be asked again. */
export function blockedUntil(reading: OperatingReading | null, now: number): number {
  const resetAt = reading?.resetAt ?? null
  // a second past the reset: the basket has left the window by then
  return resetAt !== null && resetAt > now ? resetAt + 1_000 : now + UNKNOWN_RESET_MS
}
