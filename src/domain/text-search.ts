import type { Person } from './person'

/** Lower case without accents, so "José" and "jose", "Ёлка" and "елка" compare equal. */
export function foldText(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/ё/g, 'е')
}

/** The text a person is found by, folded once. */
export function searchableText(person: Person): string {
  return foldText(
    [person.firstName, person.secondName, person.lastName, person.position, person.email, person.city].join(' '),
  )
}

/** Words of a query; every word must be found, in any order. */
export function queryWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean)
}

export function matchesWords(haystack: string, words: readonly string[]): boolean {
  return words.every((word) => haystack.includes(word))
}
