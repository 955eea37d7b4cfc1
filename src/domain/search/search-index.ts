import type { Person } from '@/domain/people/person'
import { copyLists, indexChars, indexPairs, type CharLists } from './char-lists'
import { foldText, wordLine } from './text-fold'

/*
 * The search index: what a keystroke compares against, built once per list and grown in place while a load
 * appends batches. The query side (readings, tiers, ranking) is in search.ts.
 */
export interface Entry {
  /**
   * Folded words of every searchable field between spaces, " anna smirnova accountant … ": a word is an
   * exact match where " word " occurs, a prefix where " word" occurs, a substring anywhere. Three native
   * string searches, no loops.
   */
  haystack: string
  /**
   * The folded words of the e-mail's domain, " northwind example ", or "". Most of a portal shares one domain,
   * so it is kept apart from the haystack: there, "no" would match everyone at northwind as a word prefix and
   * bury Nora among 40,000 people. A query with an "@" matches it as it matches names ("@fabri").
   */
  domain: string
  /**
   * The domain's words but the last, " northwind ", or "": a query without an "@" matches them as whole words
   * only ("northwind", a pasted address). Never the top-level domain, which nearly everyone shares ("ru").
   */
  domainName: string
  /** phone numbers as bare digits, space-separated */
  phoneDigits: string
  /** which scripts the entry has, so a Cyrillic reading of the query skips entries with no Cyrillic */
  scripts: number
}

export const LATIN = 1
export const CYRILLIC = 2
const OTHER = 4

function scriptsOf(text: string): number {
  let scripts = 0
  if (/[a-z]/.test(text)) scripts |= LATIN
  if (/[а-яё]/.test(text)) scripts |= CYRILLIC
  if (/[^\sa-zа-яё0-9]/.test(text)) scripts |= OTHER
  return scripts
}

export interface SearchIndex {
  /** the list indexed: the first `entries.length` of them are searchable (an index may be built a step at a time) */
  people: readonly Person[]
  entries: readonly Entry[]
  /** who has each character at the start of a word and who only inside one (char-lists.ts) */
  byChar: CharLists
  /**
   * The same for each pair of characters that follow each other in a word, for the first `byPair.indexed`
   * entries: they are built after the entries (growPairLists), as they only spare a second letter the reading
   * of every entry, and a search of two letters reads the entries until they hold everyone.
   */
  byPair: CharLists
  /**
   * Every word of the indexed e-mail domains' names (Entry.domainName): a query word that is one of them
   * matches more people than its own prefix did, so a search that reaches it cannot narrow from the last
   * keystroke's matches, nor be read off the letter lists.
   */
  domainWords: Set<string>
}

function digitsOf(value: string): string {
  return value.replace(/\D+/g, '')
}

/** The fields of a person an entry is made of (with the names of their departments, by `departmentIds`). */
const SEARCHED = ['firstName', 'secondName', 'lastName', 'position', 'email', 'workPhone', 'mobilePhone', 'innerPhone'] as const

interface DomainLines {
  domain: string
  domainName: string
  /** the words of `domainName` */
  nameWords: string[]
}
const NO_DOMAIN: DomainLines = { domain: '', domainName: '', nameWords: [] }
/** The folded lines of each domain met, worked out once: a portal has a handful, shared by thousands of entries. */
const domainLines = new Map<string, DomainLines>()

function domainLinesOf(domain: string): DomainLines {
  let lines = domainLines.get(domain)
  if (!lines) {
    const words = wordLine(foldText(domain)).split(' ').filter(Boolean)
    const nameWords = words.slice(0, -1)
    const line = (list: string[]) => (list.length ? ` ${list.join(' ')} ` : '')
    domainLines.set(domain, (lines = { domain: line(words), domainName: line(nameWords), nameWords }))
  }
  return lines
}

function entryOf(person: Person, departmentNames: (person: Person) => readonly string[], domainWords: Set<string>): Entry {
  const p = person
  // the e-mail's local part is searched with the names; its domain apart (see Entry.domain)
  const at = p.email.lastIndexOf('@')
  const local = at < 0 ? p.email : p.email.slice(0, at)
  const text = [p.firstName, p.secondName, p.lastName, p.position, local, ...departmentNames(p)].join(' ')
  const haystack = ` ${wordLine(foldText(text))} `
  const { domain, domainName, nameWords } = at < 0 ? NO_DOMAIN : domainLinesOf(p.email.slice(at + 1))
  for (const word of nameWords) domainWords.add(word)
  const phones = [p.workPhone, p.mobilePhone, p.innerPhone].map(digitsOf).filter(Boolean)
  return {
    haystack,
    domain,
    domainName,
    phoneDigits: phones.length ? ` ${phones.join(' ')} ` : '',
    scripts: scriptsOf(haystack + domain),
  }
}

/**
 * Whether a search reads the same in both: the same person object, or the same person with the same searched
 * fields (a refresh of someone's presence or last visit gives a new object whose entry would not change).
 */
function searchesAlike(a: Person, b: Person): boolean {
  if (a === b) return true
  if (a.id !== b.id || SEARCHED.some((field) => a[field] !== b[field])) return false
  return a.departmentIds.length === b.departmentIds.length && a.departmentIds.every((id, i) => id === b.departmentIds[i])
}

/**
 * How many of `index`'s entries still hold for `people`: the length of the head of `people` that has the
 * people it indexed, in the same places and searched alike (a list that only grew, or in which only presence
 * and the like changed, keeps them all; someone leaving keeps those before them). The department names must
 * be the same as when the index was built.
 */
export function entriesHolding(index: SearchIndex, people: readonly Person[]): number {
  const count = Math.min(index.entries.length, people.length)
  if (index.people === people) return count
  for (let i = 0; i < count; i++) if (!searchesAlike(people[i]!, index.people[i]!)) return i
  return count
}

/**
 * Builds the index of `people`, or of its first `count` of them (the rest are indexed later, a step at a time),
 * once per list; a keystroke then only compares strings. The entries of `previous` that still hold for
 * `people` are reused (see entriesHolding; the department names must not have changed), and only the rest is
 * indexed. An index built on an index of the very same list grows it in place, when its character lists were
 * last grown for it: the steps that index a large list behind its rows copy nothing. So an index built for
 * only the head of a list must not be searched while it may still grow (the people it gains would be missed
 * by a search narrowing from an earlier keystroke); one built for the whole list never grows. The result may
 * hold more than `count` entries when `previous` already had them.
 */
export function buildSearchIndex(
  people: readonly Person[],
  departmentNames: (person: Person) => readonly string[] = () => [],
  previous?: SearchIndex,
  count: number = people.length,
): SearchIndex {
  const holding = previous ? entriesHolding(previous, people) : 0
  const whole = previous !== undefined && holding === previous.entries.length
  const listsOurs = previous !== undefined && previous.byChar.indexed === previous.entries.length
  const inPlace = whole && previous.people === people && listsOurs
  // otherwise the entries that hold are copied: the earlier index still answers for its own people only
  const entries = inPlace ? (previous.entries as Entry[]) : (previous?.entries.slice(0, holding) ?? [])
  // the lists grow in place while a load appends batches (copying them per batch cost more than indexing);
  // lists another index has grown since, or that hold people who changed, are copied up to what holds
  let byChar: CharLists = new Map()
  let byPair: CharLists = new Map()
  if (previous && whole && listsOurs) ({ byChar, byPair } = previous)
  // the pair lists only spare a second letter the reading of every entry: built again behind the rows, not
  // copied in the task that needs the index (they hold several times as many positions as the letter lists)
  else if (previous && holding > 0) byChar = copyLists(previous.byChar, holding)
  // a domain word of someone no longer indexed only keeps a search from narrowing or from the letter lists:
  // harmless, so the set is shared and only grows
  const domainWords = previous?.domainWords ?? new Set<string>()
  const end = Math.min(count, people.length)
  for (let i = entries.length; i < end; i++) {
    const entry = entryOf(people[i]!, departmentNames, domainWords)
    entries.push(entry)
    indexChars(byChar, entry.haystack, i)
  }
  byChar.indexed = entries.length
  byPair.indexed ??= 0
  return { people, entries, byChar, byPair, domainWords }
}

/**
 * Grows the index's pair lists to cover its first `count` entries (all of them at most); returns how many
 * they cover. An index built on this one shares its lists only while it holds the same entries in the same
 * places, so either may grow them; a search stops at its own entries.
 */
export function growPairLists(index: SearchIndex, count: number): number {
  const { byPair, entries } = index
  const end = Math.min(count, entries.length)
  for (let i = byPair.indexed ?? 0; i < end; i++) indexPairs(byPair, entries[i]!.haystack, i)
  byPair.indexed = Math.max(byPair.indexed ?? 0, end)
  return byPair.indexed
}
