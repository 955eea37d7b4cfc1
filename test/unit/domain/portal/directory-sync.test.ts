import { describe, expect, it } from 'vitest'
import { mergeDelta, needsReconcile, RECONCILE_EVERY_MS, walkStart, WALK_AT_ONCE_MAX } from '@/domain/portal/directory-sync'
import { toPerson, type Person, type RawUser } from '@/domain/people/person'

function person(id: number, name = `Person ${id}`, extra: RawUser = {}): Person {
  return toPerson({ ID: String(id), NAME: name, ...extra })!
}

const kept = [person(1, 'Anna'), person(2, 'Boris'), person(3, 'Clara'), person(4, 'Dmitri')]

describe('mergeDelta', () => {
  it('replaces a changed person in place, keeping everyone else where they were', () => {
    const renamed = person(2, 'Boris', { LAST_NAME: 'Ivanov', WORK_POSITION: 'Head of sales' })
    const merged = mergeDelta(kept, { changed: [renamed], left: new Set() })
    expect(merged.map((p) => p.id)).toEqual([1, 2, 3, 4])
    expect(merged[1]).toBe(renamed)
    expect(merged[1]?.fullName).toBe('Boris Ivanov')
    expect(merged[1]?.position).toBe('Head of sales')
    expect(merged).toHaveLength(4)
  })

  it('adds people who are new at the end of the list', () => {
    const merged = mergeDelta(kept, { changed: [person(9, 'Zoe'), person(5, 'Eva')], left: new Set() })
    expect(merged.map((p) => p.id)).toEqual([1, 2, 3, 4, 9, 5])
  })

  it('takes out people who left', () => {
    const merged = mergeDelta(kept, { changed: [], left: new Set([1, 3]) })
    expect(merged.map((p) => p.id)).toEqual([2, 4])
  })

  it('takes out a person who both changed and left, whether they were kept or new', () => {
    const merged = mergeDelta(kept, {
      changed: [person(3, 'Clara changed'), person(7, 'Joined and left')],
      left: new Set([3, 7]),
    })
    expect(merged.map((p) => p.id)).toEqual([1, 2, 4])
  })

  it('does not add a changed person who is no longer active', () => {
    const dismissed = person(8, 'Gone', { ACTIVE: false })
    const merged = mergeDelta(kept, { changed: [dismissed, person(6, 'Fresh')], left: new Set() })
    expect(merged.map((p) => p.id)).toEqual([1, 2, 3, 4, 6])
  })

  it('mixes all of it: changed in place, left out, new at the end', () => {
    const merged = mergeDelta(kept, {
      changed: [person(10, 'New'), person(4, 'Dmitri II')],
      left: new Set([1]),
    })
    expect(merged.map((p) => [p.id, p.firstName])).toEqual([
      [2, 'Boris'],
      [3, 'Clara'],
      [4, 'Dmitri II'],
      [10, 'New'],
    ])
  })

  it('gives back the very same list when nothing changed', () => {
    expect(mergeDelta(kept, { changed: [], left: new Set() })).toBe(kept)
  })

  it('leaves the kept list itself untouched', () => {
    const before = kept.map((p) => p.id)
    mergeDelta(kept, { changed: [person(2, 'Other'), person(11)], left: new Set([1]) })
    expect(kept.map((p) => p.id)).toEqual(before)
    expect(kept[1]?.firstName).toBe('Boris')
  })
})

describe('needsReconcile', () => {
  const now = Date.UTC(2026, 11, 1, 9, 0)
  const fresh = { reconciledAt: now - 60_000, now, merged: 120, counted: 120, deltaComplete: true }

  it('is false for a list read in full lately whose count matches the portal', () => {
    expect(needsReconcile(fresh)).toBe(false)
  })

  it('is false when the portal sent no count and nothing else calls for it', () => {
    expect(needsReconcile({ ...fresh, counted: null })).toBe(false)
  })

  it('is true when this device never read everyone in full', () => {
    expect(needsReconcile({ ...fresh, reconciledAt: null })).toBe(true)
  })

  it('is true once the last full read is a day old', () => {
    expect(needsReconcile({ ...fresh, reconciledAt: now - RECONCILE_EVERY_MS })).toBe(true)
    expect(needsReconcile({ ...fresh, reconciledAt: now - RECONCILE_EVERY_MS - 1 })).toBe(true)
    expect(needsReconcile({ ...fresh, reconciledAt: now - RECONCILE_EVERY_MS + 1 })).toBe(false)
  })

  it('is true when the portal counts more or fewer people than the merged list holds', () => {
    expect(needsReconcile({ ...fresh, counted: 121 })).toBe(true)
    expect(needsReconcile({ ...fresh, counted: 119 })).toBe(true)
  })

  it('is true when the sync could not read the whole delta', () => {
    expect(needsReconcile({ ...fresh, deltaComplete: false })).toBe(true)
  })
})

describe('when a cold open reads everyone', () => {
  it('is complete when the first page held everyone', () => {
    expect(walkStart({ total: 42, firstPage: 42, blocked: false })).toBe('complete')
    expect(walkStart({ total: 0, firstPage: 0, blocked: true })).toBe('complete')
  })

  it('reads a portal up to WALK_AT_ONCE_MAX people right away, a larger one once the viewer pauses', () => {
    expect(walkStart({ total: WALK_AT_ONCE_MAX, firstPage: 50, blocked: false })).toBe('now')
    expect(walkStart({ total: WALK_AT_ONCE_MAX + 1, firstPage: 50, blocked: false })).toBe('when-idle')
    // the count did not come (the first page failed): read, and let the walk count
    expect(walkStart({ total: null, firstPage: 0, blocked: false })).toBe('now')
  })

  it('waits while the portal blocks reading people', () => {
    expect(walkStart({ total: 5000, firstPage: 50, blocked: true })).toBe('blocked')
  })
})
