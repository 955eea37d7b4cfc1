import { describe, expect, it } from 'vitest'
import {
  blockedUntil,
  newestReading,
  OPERATING_LIMIT_SEC,
  SLOW_DELAY_MS,
  SLOW_SHARE,
  UNKNOWN_RESET_MS,
  WALK_SHARE,
  walkPace,
} from '@/domain/portal/portal-budget'

const now = Date.UTC(2026, 11, 1, 9, 0)
const inAMinute = now + 60_000
/** seconds of user.get the app has used, at a given share of the limit */
const at = (share: number) => share * OPERATING_LIMIT_SEC

describe('walkPace', () => {
  it('goes on when the portal sends no figures (on-premise)', () => {
    expect(walkPace(null, now)).toEqual({ kind: 'go' })
  })

  it('goes on below the walk’s share of the limit', () => {
    expect(walkPace({ operatingSec: 0, resetAt: inAMinute }, now)).toEqual({ kind: 'go' })
    expect(walkPace({ operatingSec: at(WALK_SHARE) - 0.1, resetAt: inAMinute }, now)).toEqual({ kind: 'go' })
  })

  it('slows down between the walk’s share and the slow share', () => {
    const slow = { kind: 'slow', delayMs: SLOW_DELAY_MS }
    expect(walkPace({ operatingSec: at(WALK_SHARE), resetAt: inAMinute }, now)).toEqual(slow)
    expect(walkPace({ operatingSec: 180, resetAt: inAMinute }, now)).toEqual(slow)
    expect(walkPace({ operatingSec: at(SLOW_SHARE) - 0.1, resetAt: null }, now)).toEqual(slow)
  })

  it('waits until the window moves at or above the slow share', () => {
    expect(walkPace({ operatingSec: at(SLOW_SHARE), resetAt: inAMinute }, now)).toEqual({ kind: 'wait', untilMs: inAMinute })
    expect(walkPace({ operatingSec: 470, resetAt: now + 5_000 }, now)).toEqual({ kind: 'wait', untilMs: now + 5_000 })
    // past the limit itself: still a wait, never a go
    expect(walkPace({ operatingSec: 600, resetAt: inAMinute }, now)).toEqual({ kind: 'wait', untilMs: inAMinute })
  })

  it('waits a fixed while when the reset time is unknown', () => {
    expect(walkPace({ operatingSec: 300, resetAt: null }, now)).toEqual({ kind: 'wait', untilMs: now + UNKNOWN_RESET_MS })
  })

  it('goes on slowly once the figures are older than their own reset time, so a wait always ends', () => {
    // the oldest seconds have left the window: the usage is lower now, and the next answer says by how much
    expect(walkPace({ operatingSec: 300, resetAt: now - 1 }, now)).toEqual({ kind: 'slow', delayMs: 0 })
    expect(walkPace({ operatingSec: 300, resetAt: now }, now)).toEqual({ kind: 'slow', delayMs: 0 })
  })

  it('measures the share against the limit it is given', () => {
    expect(walkPace({ operatingSec: 30, resetAt: inAMinute }, now, 100)).toEqual({ kind: 'slow', delayMs: SLOW_DELAY_MS })
    expect(walkPace({ operatingSec: 50, resetAt: inAMinute }, now, 100)).toEqual({ kind: 'wait', untilMs: inAMinute })
  })
})

describe('blockedUntil', () => {
  it('asks again a second after the portal’s reset time', () => {
    expect(blockedUntil({ operatingSec: 480, resetAt: inAMinute }, now)).toBe(inAMinute + 1_000)
  })

  it('asks again after a fixed while without figures, without a reset time, or with one already past', () => {
    expect(blockedUntil(null, now)).toBe(now + UNKNOWN_RESET_MS)
    expect(blockedUntil({ operatingSec: 480, resetAt: null }, now)).toBe(now + UNKNOWN_RESET_MS)
    expect(blockedUntil({ operatingSec: 480, resetAt: now - 5_000 }, now)).toBe(now + UNKNOWN_RESET_MS)
    expect(blockedUntil({ operatingSec: 480, resetAt: now }, now)).toBe(now + UNKNOWN_RESET_MS)
  })

  it('never lets the blocked method be asked again at once', () => {
    for (const reading of [null, { operatingSec: 480, resetAt: now + 1 }, { operatingSec: 480, resetAt: 0 }]) {
      expect(blockedUntil(reading, now)).toBeGreaterThan(now)
    }
  })
})

describe('newestReading', () => {
  it('takes the highest figure of one usage counter, the later one on a tie, and null when none came', () => {
    const early = { operatingSec: 40, resetAt: inAMinute }
    const late = { operatingSec: 35, resetAt: inAMinute }
    expect(newestReading([null, early, late])).toBe(early)
    const tie = { operatingSec: 40, resetAt: inAMinute + 1 }
    expect(newestReading([early, tie])).toBe(tie)
    expect(newestReading([null, null])).toBeNull()
  })
})
