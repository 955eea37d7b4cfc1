import { lastSeenAt, type Person } from './person'
import type { SortKey, SortState } from './columns'

/** The texts a column sorts by, compared one after the other: a name sorts by surname, then first name. */
function sortTexts(person: Person, key: SortKey, departmentLabel: (p: Person) => string): string[] {
  switch (key) {
    case 'name':
      return [person.lastName || person.fullName, person.firstName]
    case 'position':
      return [person.position]
    case 'department':
      return [departmentLabel(person)]
    case 'email':
      return [person.email]
    case 'city':
      return [person.city]
    case 'presence':
      return [person.online ? '0' : '1']
    case 'status':
      return [person.active ? '0' : '1']
    case 'lastSeen': {
      // zero-padded milliseconds compare like numbers; the numeric collator then keeps them in time order
      const at = lastSeenAt(person)
      return [at === null ? '' : String(at).padStart(15, '0')]
    }
    case 'registered':
      return [person.registeredAt]
  }
}

/** Each person's place in one column's order; people with nothing in the column come last either way. */
export interface SortRanks {
  rank: Map<number, number>
  /** ranks from here on belong to people with an empty value */
  firstEmpty: number
}

/**
 * The rank of every person in one column's order, by the viewer's language rules (Intl.Collator): "Ångström"
 * sorts with the A's in German and after Z in Swedish. Computed once per list and column, so re-sorting
 * search results is a comparison of numbers.
 */
export function sortRanks(
  people: readonly Person[],
  key: SortKey,
  locale: string,
  departmentLabel: (p: Person) => string = () => '',
): SortRanks {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true, ignorePunctuation: true })
  const keyed = people.map((person) => ({ id: person.id, texts: sortTexts(person, key, departmentLabel) }))
  const isEmpty = (texts: string[]) => !texts[0]
  keyed.sort((a, b) => {
    if (isEmpty(a.texts) !== isEmpty(b.texts)) return isEmpty(a.texts) ? 1 : -1
    for (let i = 0; i < a.texts.length; i++) {
      const order = collator.compare(a.texts[i] ?? '', b.texts[i] ?? '')
      if (order) return order
    }
    return a.id - b.id
  })
  const firstEmpty = keyed.findIndex((entry) => isEmpty(entry.texts))
  return {
    rank: new Map(keyed.map((entry, rank) => [entry.id, rank])),
    firstEmpty: firstEmpty === -1 ? keyed.length : firstEmpty,
  }
}

/** Orders people by precomputed ranks, ascending or descending, with empty values last both ways. */
export function orderByRanks(people: readonly Person[], ranks: SortRanks, sort: SortState): Person[] {
  const position = (person: Person) => {
    const rank = ranks.rank.get(person.id) ?? ranks.firstEmpty
    if (rank >= ranks.firstEmpty) return Number.MAX_SAFE_INTEGER / 2 + rank
    return sort.desc ? -rank : rank
  }
  return [...people].sort((a, b) => position(a) - position(b))
}
