import type { Person } from '@/domain/people/person'

/**
 * Bringing a kept directory up to date from what changed since the last sync, instead of reading everyone
 * again: Bitrix24 moves a user's TIMESTAMP_X on every change of the record, and `user.get` filters on it
 * (`>=TIMESTAMP_X` with an ISO 8601 date; `>=` because timestamps have whole seconds) although it outputs it
 * as `{}`.
 */

/** a full read of everyone, which catches what the timestamp does not show, at most this often per device */
export const RECONCILE_EVERY_MS = 24 * 60 * 60 * 1000

/** What one sync request brought back. */
export interface DirectoryDelta {
  /** people changed or new since the watermark (still working) */
  changed: readonly Person[]
  /** IDs of people dismissed since the watermark */
  left: ReadonlySet<number>
}

/**
 * The kept list with the delta applied: changed people replace their old record in place, new ones are added
 * at the end, those who left are taken out. The same list comes back when nothing changed.
 */
export function mergeDelta(people: readonly Person[], delta: DirectoryDelta): readonly Person[] {
  if (delta.changed.length === 0 && delta.left.size === 0) return people
  const changed = new Map(delta.changed.map((p) => [p.id, p]))
  const merged: Person[] = []
  for (const person of people) {
    if (delta.left.has(person.id)) continue
    const update = changed.get(person.id)
    // a record that is no longer working leaves the list like a dismissal
    if (update && !update.active) {
      changed.delete(person.id)
      continue
    }
    merged.push(update ?? person)
    changed.delete(person.id)
  }
  for (const person of changed.values()) if (!delta.left.has(person.id) && person.active) merged.push(person)
  return merged
}

/**
 * Whether the kept list needs a full read after a sync: once a day per device, when the sync could not read
 * the whole delta, or when the portal's count disagrees with the merged list (someone became invisible to
 * the viewer without a change of their record, or a change the timestamp does not show).
 */
export function needsReconcile(state: {
  reconciledAt: number | null
  now: number
  merged: number
  counted: number | null
  deltaComplete: boolean
}): boolean {
  if (!state.deltaComplete) return true
  if (state.reconciledAt === null || state.now - state.reconciledAt >= RECONCILE_EVERY_MS) return true
  return state.counted !== null && state.counted !== state.merged
}

/**
 * Up to this many people the whole list is read as soon as the first page shows: a few requests, complete in
 * about two seconds (`npm run bench`). A larger portal is searched on the portal until the viewer pauses,
 * and read in the background only then, so an open costs the portal a handful of page reads first.
 */
export const WALK_AT_ONCE_MAX = 10_000

export type WalkStart =
  /** the first page held everyone */
  | 'complete'
  /** read everyone right away */
  | 'now'
  /** search on the portal first; read everyone once the viewer pauses */
  | 'when-idle'
  /** the portal blocks reading people for now: wait for its window */
  | 'blocked'

/** After the first page of a cold open: whether and when to read everyone. */
export function walkStart(state: { total: number | null; firstPage: number; blocked: boolean }): WalkStart {
  if (state.total !== null && state.total <= state.firstPage) return 'complete'
  if (state.blocked) return 'blocked'
  return state.total !== null && state.total > WALK_AT_ONCE_MAX ? 'when-idle' : 'now'
}
