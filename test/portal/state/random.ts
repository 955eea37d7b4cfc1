/**
 * Seeded PRNG (mulberry32) and the few helpers fixtures need. Math.random is never used for data:
 * the same seed must always give the same portal.
 */
export interface Rng {
  /** float in [0, 1) */
  next(): number
  /** integer in [min, max] */
  int(min: number, max: number): number
  chance(p: number): boolean
  pick<T>(items: readonly T[]): T
  /** index chosen by weights */
  weighted(weights: readonly number[]): number
}

export function createRng(seed: number): Rng {
  let a = (seed >>> 0) ^ 0x9e3779b9
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick: <T>(items: readonly T[]): T => {
      if (items.length === 0) throw new Error('pick from an empty list')
      return items[Math.floor(next() * items.length)] as T
    },
    weighted: (weights) => {
      const total = weights.reduce((s, w) => s + w, 0)
      let r = next() * total
      for (let i = 0; i < weights.length; i++) {
        r -= weights[i] ?? 0
        if (r < 0) return i
      }
      return weights.length - 1
    },
  }
}

/** A child seed for an independent stream (e.g. people added later must not shift existing data). */
export function deriveSeed(seed: number, salt: number): number {
  return (Math.imul(seed ^ 0x85ebca6b, 0xc2b2ae35) + Math.imul(salt + 1, 0x27d4eb2f)) >>> 0
}
