import type { Person } from './person'
import type { SortKey, SortState } from './columns'

/** What a sortable column sorts by. Presence sorts online people first. */
function sortText(person: Person, key: SortKey, departmentLabel: (p: Person) => string): string {
  switch (key) {
    case 'name':
      return `${person.lastName || person.fullName}\u0000${person.firstName}`
    case 'position':
      return person.position
    case 'department':
      return departmentLabel(person)
    case 'email':
      return person.email
    case 'city':
      return person.city
    case 'presence':
      return person.online ? '0' : '1'
  }
}

/**
 * The rank of every person in one column's order, by the viewer's language rules (Intl.Collator): "Ångström"
 * sorts with the A's in German and after Z in Swedish. Computed once per list and column, so re-sorting
 * search results is a comparison of numbers. Empty values go last.
 */
export function sortRanks(
  people: readonly Person[],
  key: SortKey,
  locale: string,
  departmentLabel: (p: Person) => string = () => '',
): Map<number, number> {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true, ignorePunctuation: true })
  const keyed = people.map((person) => ({ id: person.id, text: sortText(person, key, departmentLabel) }))
  keyed.sort((a, b) => {
    if (!a.text !== !b.text) return a.text ? -1 : 1
    return collator.compare(a.text, b.text) || a.id - b.id
  })
  return new Map(keyed.map((entry, rank) => [entry.id, rank]))
}

/** Orders people by precomputed ranks, ascending or descending. */
export function orderByRanks(people: readonly Person[], ranks: Map<number, number>, sort: SortState): Person[] {
  const sign = sort.desc ? -1 : 1
  return [...people].sort((a, b) => sign * ((ranks.get(a.id) ?? 0) - (ranks.get(b.id) ?? 0)))
}
