import { describe, expect, it } from 'vitest'
import { toAppError } from '@/domain/errors/app-error'
import { nextRetryDelay, RETRY_BUDGET_MS, RETRY_DELAYS_MS } from '@/domain/portal/retry-policy'

const busy = toAppError('QUERY_LIMIT_EXCEEDED', 503)

describe('quiet retries', () => {
  it('back off step by step, then stop', () => {
    const waits = RETRY_DELAYS_MS.map((_, attempt) => nextRetryDelay({ attempt, since: 0 }, busy, 0))
    expect(waits).toEqual([...RETRY_DELAYS_MS])
    expect(nextRetryDelay({ attempt: RETRY_DELAYS_MS.length, since: 0 }, busy, 0)).toBeNull()
  })

  it('stop once the streak has taken its time, however the time went (the SDK retries too)', () => {
    expect(nextRetryDelay({ attempt: 1, since: 0 }, busy, RETRY_BUDGET_MS - 5_000)).toBe(2_000)
    expect(nextRetryDelay({ attempt: 1, since: 0 }, busy, RETRY_BUDGET_MS - 1_000)).toBeNull()
  })

  it('never retry what waiting cannot fix, nor an unknown failure with no HTTP status', () => {
    for (const [code, status] of [['insufficient_scope', 403], ['ACCESS_DENIED', 403], ['expired_token', 401], ['TypeError', 0]] as const) {
      expect(nextRetryDelay({ attempt: 0, since: 0 }, toAppError(code, status), 0)).toBeNull()
    }
    expect(nextRetryDelay({ attempt: 0, since: 0 }, toAppError('NETWORK_ERROR', 0), 0)).toBe(1_000)
    expect(nextRetryDelay({ attempt: 0, since: 0 }, toAppError('SOMETHING_NEW', 502), 0)).toBe(1_000)
  })
})
