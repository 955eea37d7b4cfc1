import type { AppError } from '@/domain/errors/app-error'

/**
 * How long to wait before each quiet retry of a transient fault (the portal busy, a 5xx, the network gone).
 * The SDK already retries some of these itself (503 and network errors, three tries), so the app's own
 * retries are few and the whole streak is bounded in time: past RETRY_BUDGET_MS the viewer is told and
 * offered Retry, however the time was spent.
 */
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000]
export const RETRY_BUDGET_MS = 30_000

export interface RetryState {
  /** retries made in this streak of failures */
  attempt: number
  /** when the streak's first failure came, in ms */
  since: number
}

/** The wait before the next quiet retry, or null when the error is not worth retrying or the streak is spent. */
export function nextRetryDelay(
  state: RetryState,
  error: AppError,
  now: number,
  delays: readonly number[] = RETRY_DELAYS_MS,
  budgetMs = RETRY_BUDGET_MS,
): number | null {
  if (!error.retryable) return null
  const delay = delays[state.attempt]
  if (delay === undefined || now - state.since + delay > budgetMs) return null
  return delay
}
