import type { Person } from './person'

/** Adds or replaces people by ID and keeps the list in ID order: a page never duplicates anyone. */
export function mergePeople(current: readonly Person[], incoming: readonly Person[]): Person[] {
  const byId = new Map(current.map((p) => [p.id, p]))
  for (const person of incoming) byId.set(person.id, person)
  return [...byId.values()].sort((a, b) => a.id - b.id)
}
