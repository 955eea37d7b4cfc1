import type { Person } from './person'

/**
 * Whether `list` starts with `head`: the same people in the same places, as when a load only appended to it.
 * What was worked out for `head` (search entries, sort order) then still holds, and only the rest is new.
 */
export function startsWith(list: readonly Person[], head: readonly Person[]): boolean {
  if (head === list) return true
  if (head.length > list.length) return false
  for (let i = 0; i < head.length; i++) if (head[i] !== list[i]) return false
  return true
}
