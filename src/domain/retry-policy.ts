import type { AppError } from './app-error'

/**
 * How long to wait before each quiet retry of a transient fault (the portal busy, a 5xx, the network gone),
 * on top of the SDK's own retries: about 15 seconds in all before the viewer is asked to retry by hand.
 */
export const RETRY_DELAYS_MS: readonly number[] = [1_000, 2_000, 4_000, 8_000]

/** The wait before retry number `attempt` (0-based), or null when the error is not worth retrying or tries ran out. */
export function nextRetryDelay(attempt: number, error: AppError, delays: readonly number[] = RETRY_DELAYS_MS): number | null {
  if (!error.retryable) return null
  return delays[attempt] ?? null
}
