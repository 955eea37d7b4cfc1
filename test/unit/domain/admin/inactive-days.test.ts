import { describe, expect, it } from 'vitest'
import { clampInactiveDays } from '@/domain/admin/inactive-days'

describe('clampInactiveDays', () => {
  it('keeps whole numbers from 1 to 3650, given as numbers or digits', () => {
    expect(clampInactiveDays(30)).toBe(30)
    expect(clampInactiveDays(' 365 ')).toBe(365)
    expect(clampInactiveDays(1)).toBe(1)
    expect(clampInactiveDays(3650)).toBe(3650)
  })

  it('gives 90 for anything else', () => {
    for (const bad of [0, -5, 3651, 1.5, '12abc', '', null, undefined, '1e3', [30], NaN]) {
      expect(clampInactiveDays(bad)).toBe(90)
    }
  })
})
