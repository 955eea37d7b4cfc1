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

interface Keyed {
  person: Person
  texts: string[]
}

/** Each person's place in one column's order; people with nothing in the column come last either way. */
export interface SortRanks {
  rank: Map<number, number>
  /** ranks from here on belong to people with an empty value */
  firstEmpty: number
  /** everyone in this order, with the texts compared: a longer list is merged into it, not sorted anew */
  sorted: readonly Keyed[]
  /** the list these ranks were computed for, and by which column and language */
  people: readonly Person[]
  key: SortKey
  locale: string
}

const isEmpty = (texts: string[]) => !texts[0]

const collators = new Map<string, Intl.Collator>()
/** One collator per language for the whole visit: a load sorts each of its batches with it. */
function collatorFor(locale: string): Intl.Collator {
  let collator = collators.get(locale)
  if (!collator) collators.set(locale, (collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true, ignorePunctuation: true })))
  return collator
}

/**
 * The rank of every person in one column's order, by the viewer's language rules (Intl.Collator): "Ångström"
 * sorts with the A's in German and after Z in Swedish. Computed once per list and column, so re-sorting
 * search results is a comparison of numbers. When the list only grew at the end (a load in progress: a batch
 * at a time) and `previous` ranked its start by the same column and language, only the newcomers are sorted
 * and merged in: a 50,000-person load then costs a merge per batch instead of a whole sort. People given new
 * objects that compare as before (a presence refresh) keep their places.
 */
export function sortRanks(
  people: readonly Person[],
  key: SortKey,
  locale: string,
  departmentLabel: (p: Person) => string = () => '',
  previous?: SortRanks,
): SortRanks {
  const collator = collatorFor(locale)
  const compare = (a: Keyed, b: Keyed) => {
    if (isEmpty(a.texts) !== isEmpty(b.texts)) return isEmpty(a.texts) ? 1 : -1
    for (let i = 0; i < a.texts.length; i++) {
      const order = collator.compare(a.texts[i] ?? '', b.texts[i] ?? '')
      if (order) return order
    }
    return a.person.id - b.person.id
  }
  const textsOf = (person: Person) => sortTexts(person, key, departmentLabel)
  const keyOf = (person: Person): Keyed => ({ person, texts: textsOf(person) })
  const changed = previous !== undefined && previous.key === key && previous.locale === locale ? changedInPlace(previous, people, textsOf) : null
  let sorted: Keyed[]
  if (previous && changed) {
    // the same order, holding the people's new objects
    const kept = changed.size === 0 ? previous.sorted : previous.sorted.map((entry) => {
      const now = changed.get(entry.person.id)
      return now ? { person: now, texts: entry.texts } : entry
    })
    const added = people.slice(previous.people.length).map(keyOf).sort(compare)
    sorted = merge(kept, added, compare)
  } else {
    sorted = people.map(keyOf).sort(compare)
  }
  const firstEmpty = sorted.findIndex((entry) => isEmpty(entry.texts))
  return {
    rank: new Map(sorted.map((entry, rank) => [entry.person.id, rank])),
    firstEmpty: firstEmpty === -1 ? sorted.length : firstEmpty,
    sorted,
    people,
    key,
    locale,
  }
}

/**
 * The people `people` holds in place of those `previous` was computed for, by ID, when none of them can have
 * moved in the order: `people` starts with the same people, and each new object (a refresh of presence, say)
 * has the same texts compared as before. Null when the order must be worked out anew.
 */
function changedInPlace(previous: SortRanks, people: readonly Person[], textsOf: (p: Person) => string[]): Map<number, Person> | null {
  const changed = new Map<number, Person>()
  if (previous.people === people) return changed
  if (previous.people.length > people.length) return null
  for (let i = 0; i < previous.people.length; i++) {
    const was = previous.people[i]!
    const now = people[i]!
    if (was === now) continue
    if (was.id !== now.id) return null
    const before = textsOf(was)
    const after = textsOf(now)
    if (before.length !== after.length || before.some((text, t) => text !== after[t])) return null
    changed.set(now.id, now)
  }
  return changed
}

/** Two sorted lists as one, in order. */
function merge(a: readonly Keyed[], b: readonly Keyed[], compare: (x: Keyed, y: Keyed) => number): Keyed[] {
  const out: Keyed[] = new Array(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) out[k++] = compare(a[i]!, b[j]!) <= 0 ? a[i++]! : b[j++]!
  while (i < a.length) out[k++] = a[i++]!
  while (j < b.length) out[k++] = b[j++]!
  return out
}

/** Everyone the ranks were computed for, in the column's order (ascending or descending), empty values last. */
export function everyoneByRanks(ranks: SortRanks, sort: SortState): Person[] {
  const filled = ranks.sorted.slice(0, ranks.firstEmpty).map((entry) => entry.person)
  const empty = ranks.sorted.slice(ranks.firstEmpty).map((entry) => entry.person)
  return sort.desc ? filled.reverse().concat(empty) : filled.concat(empty)
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
