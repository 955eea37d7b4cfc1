import type { Person } from './person'

/** Up to two letters for an avatar without a photo; whole characters, so emoji and CJK stay intact. */
export function initials(person: Pick<Person, 'firstName' | 'lastName' | 'fullName'>): string {
  const parts = [person.firstName, person.lastName].filter(Boolean)
  const source = parts.length ? parts : [person.fullName]
  return source.map((part) => Array.from(part.replace(/[^\p{L}\p{N}]/gu, ''))[0] ?? '').join('').toUpperCase()
}
