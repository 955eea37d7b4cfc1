import type { Person } from './person'
import { matchesWords, queryWords, searchableText } from './text-search'

/** People plus their folded search text, built once per load so a keystroke only scans strings. */
export interface PeopleIndex {
  people: readonly Person[]
  texts: readonly string[]
}

export function buildPeopleIndex(people: readonly Person[]): PeopleIndex {
  return { people, texts: people.map(searchableText) }
}

export function searchPeople(index: PeopleIndex, query: string): readonly Person[] {
  const words = queryWords(query)
  if (words.length === 0) return index.people
  return index.people.filter((_, i) => matchesWords(index.texts[i] ?? '', words))
}

/** Adds or replaces people by ID and keeps the list in ID order: a page never duplicates anyone. */
export function mergePeople(current: readonly Person[], incoming: readonly Person[]): Person[] {
  const byId = new Map(current.map((p) => [p.id, p]))
  for (const person of incoming) byId.set(person.id, person)
  return [...byId.values()].sort((a, b) => a.id - b.id)
}
