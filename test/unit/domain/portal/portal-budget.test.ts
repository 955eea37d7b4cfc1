import { describe, expect, it } from 'vitest'
import {
  ASSUMED_PAGE_SEC,
  blockedUntil,
  newestReading,
  OPERATING_LIMIT_SEC,
  pageCost,
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
    expect(walkPace(null, now)).toEqual({ kind: 'go', pages: Infinity })
  })

  it('goes on below the walk’s share of the limit, reading only the pages that fit below it', () => {
    // 120 s of headroom at 0.2 s a page
    expect(walkPace({ operatingSec: 0, resetAt: inAMinute }, now)).toEqual({ kind: 'go', pages: at(WALK_SHARE) / ASSUMED_PAGE_SEC })
    expect(walkPace({ operatingSec: at(WALK_SHARE) - 5, resetAt: inAMinute }, now, 0.5)).toEqual({ kind: 'go', pages: 10 })
    expect(walkPace({ operatingSec: at(WALK_SHARE) - 5.1, resetAt: inAMinute }, now, 0.5)).toEqual({ kind: 'go', pages: 10 })
    // less than a page left: one, so a walk below its share always moves
    expect(walkPace({ operatingSec: at(WALK_SHARE) - 0.1, resetAt: inAMinute }, now)).toEqual({ kind: 'go', pages: 1 })
    // a page that cost nothing measurable bounds nothing
    expect(walkPace({ operatingSec: 10, resetAt: inAMinute }, now, 0)).toEqual({ kind: 'go', pages: Infinity })
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
    expect(walkPace({ operatingSec: 20, resetAt: inAMinute }, now, 1, 100)).toEqual({ kind: 'go', pages: 5 })
    expect(walkPace({ operatingSec: 30, resetAt: inAMinute }, now, 1, 100)).toEqual({ kind: 'slow', delayMs: SLOW_DELAY_MS })
    expect(walkPace({ operatingSec: 50, resetAt: inAMinute }, now, 1, 100)).toEqual({ kind: 'wait', untilMs: inAMinute })
  })
})

describe('pageCost', () => {
  const before = { operatingSec: 40, resetAt: inAMinute }

  it('is the growth of the usage per page run between two readings of one window', () => {
    expect(pageCost(before, { operatingSec: 60, resetAt: inAMinute }, 100)).toBeCloseTo(0.2)
  })

  it('cannot be told without an earlier reading or without pages', () => {
    expect(pageCost(null, before, 100)).toBeNull()
    expect(pageCost(before, { operatingSec: 60, resetAt: inAMinute }, 0)).toBeNull()
  })

  it('cannot be told once the window moved: its oldest minute left and took its seconds with it', () => {
    expect(pageCost(before, { operatingSec: 45, resetAt: inAMinute + 60_000 }, 100)).toBeNull()
  })

  it('cannot be told when the usage did not grow (an answer older than the last one recorded)', () => {
    expect(pageCost(before, { operatingSec: 40, resetAt: inAMinute }, 10)).toBeNull()
    expect(pageCost(before, { operatingSec: 30, resetAt: inAMinute }, 10)).toBeNull()
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
