import type { Person } from './person'
import { layoutVariants } from './keyboard-layout'
import { foldText, wordLine, words } from './text-fold'

/** Longer queries are cut: nobody types more, and a pasted novel must not freeze the list. */
export const MAX_QUERY_LENGTH = 100
const MAX_WORDS = 8

const EXACT = 3
const PREFIX = 2
const SUBSTRING = 1
/** a reading of the query on the other keyboard layout ranks just below the same match as typed */
const LAYOUT_PENALTY = 0.5

interface Entry {
  /**
   * Folded words of every searchable field between spaces, " anna smirnova accountant … ": a word is an
   * exact match where " word " occurs, a prefix where " word" occurs, a substring anywhere. Three native
   * string searches, no loops.
   */
  haystack: string
  /** phone numbers as bare digits, space-separated */
  phoneDigits: string
  /** which scripts the entry has, so a Cyrillic reading of the query skips entries with no Cyrillic */
  scripts: number
}

const LATIN = 1
const CYRILLIC = 2
const OTHER = 4

function scriptsOf(text: string): number {
  let scripts = 0
  if (/[a-z]/.test(text)) scripts |= LATIN
  if (/[а-яё]/.test(text)) scripts |= CYRILLIC
  if (/[^\sa-zа-яё0-9]/.test(text)) scripts |= OTHER
  return scripts
}

export interface SearchIndex {
  people: readonly Person[]
  entries: readonly Entry[]
  /**
   * For each character (UTF-16 code unit): the entries where some word starts with it, and those where it
   * only occurs inside a word, in index order. The first keystroke of a search matches most people; these lists rank
   * it without reading every entry. An index built on from this one appends to the same lists, so a list
   * may go on past `entries`: readers stop at the first position this index does not have.
   */
  byChar: CharLists
}

interface CharLists extends Map<number, { starts: number[]; inside: number[] }> {
  /** how many entries the lists hold; an index may append to them only when it holds all of them */
  indexed?: number
}

export interface SearchResult {
  /** matching people, best first */
  people: Person[]
  /** the folded words that matched, for highlighting */
  words: string[]
  /** the query as it was asked, so a view can tell which keystroke its rows answer */
  query: string
}

function digitsOf(value: string): string {
  return value.replace(/\D+/g, '')
}

function entryOf(person: Person, departmentNames: (person: Person) => readonly string[]): Entry {
  const p = person
  const text = [p.firstName, p.secondName, p.lastName, p.position, p.email, ...departmentNames(p)].join(' ')
  // the whole e-mail is one more word, so "anna.smirnova@" matches as a prefix of it
  const line = [wordLine(foldText(text)), p.email ? foldText(p.email) : ''].filter(Boolean).join(' ')
  const phones = [p.workPhone, p.mobilePhone, p.innerPhone].map(digitsOf).filter(Boolean)
  const haystack = ` ${line} `
  return { haystack, phoneDigits: phones.length ? ` ${phones.join(' ')} ` : '', scripts: scriptsOf(haystack) }
}

/**
 * Builds the index once per list; a keystroke then only compares strings. When the list only grew at the
 * end (a load in progress) and the department names did not change, the previous entries are reused.
 */
export function buildSearchIndex(
  people: readonly Person[],
  departmentNames: (person: Person) => readonly string[] = () => [],
  previous?: SearchIndex,
): SearchIndex {
  const reusable =
    previous && previous.people.length <= people.length && previous.people.every((p, i) => p === people[i])
  const entries = reusable ? previous.entries.slice() : []
  // the lists grow in place while a load appends batches (copying them per batch cost more than indexing);
  // an index that was built on already has its lists copied instead
  const byChar: CharLists = !reusable
    ? new Map()
    : previous.byChar.indexed === previous.entries.length
      ? previous.byChar
      : copyCharLists(previous.byChar, previous.entries.length)
  for (let i = entries.length; i < people.length; i++) {
    const entry = entryOf(people[i]!, departmentNames)
    entries.push(entry)
    indexChars(byChar, entry.haystack, i)
  }
  byChar.indexed = entries.length
  return { people, entries, byChar }
}

/**
 * The characters of one entry, by code unit: 2 when a word starts with it, 1 when it only occurs inside
 * words. Reused from entry to entry (cleared through `entryCodes`): indexing reads about 5 million
 * characters at 50,000 people, and taking each one out as a string of its own kept the collector busy.
 */
const entryChars = new Uint8Array(0x10000)
const entryCodes: number[] = []
const SPACE = 32

function indexChars(byChar: CharLists, haystack: string, order: number) {
  for (let i = 1; i < haystack.length; i++) {
    const code = haystack.charCodeAt(i)
    if (code === SPACE) continue
    if (entryChars[code] === 0) entryCodes.push(code)
    if (haystack.charCodeAt(i - 1) === SPACE) entryChars[code] = 2
    else if (entryChars[code] === 0) entryChars[code] = 1
  }
  for (const code of entryCodes) {
    let lists = byChar.get(code)
    if (!lists) byChar.set(code, (lists = { starts: [], inside: [] }))
    ;(entryChars[code] === 2 ? lists.starts : lists.inside).push(order)
    entryChars[code] = 0
  }
  entryCodes.length = 0
}

/** The lists as they were for the first `count` entries. */
function copyCharLists(byChar: CharLists, count: number): CharLists {
  const below = (orders: number[]) => orders.slice(0, firstAtOrAfter(orders, count))
  return new Map([...byChar].map(([char, lists]) => [char, { starts: below(lists.starts), inside: below(lists.inside) }]))
}

/** Position of the first value ≥ `limit` in an ascending list (its length when there is none). */
function firstAtOrAfter(orders: readonly number[], limit: number): number {
  let lo = 0
  let hi = orders.length
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (orders[mid]! < limit) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** The folded words of a query, as typed; empty when there is nothing to search for. */
function queryWords(query: string): string[] {
  return words(foldText(query.slice(0, MAX_QUERY_LENGTH))).slice(0, MAX_WORDS)
}

/** A query word with its exact and prefix forms built once, not once per person. */
interface Needle {
  word: string
  asPrefix: string
  asWord: string
  digits: boolean
}

function needleOf(word: string): Needle {
  return { word, asPrefix: ` ${word}`, asWord: ` ${word} `, digits: /^\d+$/.test(word) }
}

function wordTier(entry: Entry, needle: Needle): number {
  const { haystack } = entry
  if (haystack.includes(needle.word)) {
    if (haystack.includes(needle.asWord)) return EXACT
    return haystack.includes(needle.asPrefix) ? PREFIX : SUBSTRING
  }
  if (needle.digits && entry.phoneDigits && entry.phoneDigits.includes(needle.word)) {
    return entry.phoneDigits.includes(needle.asPrefix) ? PREFIX : SUBSTRING
  }
  return 0
}

/** Every word must match somewhere (any order); the score adds up how well each one did. */
function scoreEntry(entry: Entry, needles: readonly Needle[]): number {
  let score = 0
  for (const needle of needles) {
    const tier = wordTier(entry, needle)
    if (tier === 0) return 0
    score += tier
  }
  return score
}

interface Reading {
  words: string[]
  needles: Needle[]
  /** twice the penalty, so scores stay whole numbers */
  penalty2: number
  /** scripts an entry must have for this reading to match it; 0 when any entry may */
  needs: number
}

function readingOf(text: string, penalty2: number): Reading {
  const words = queryWords(text)
  const letters = words.join('').replace(/[0-9]/g, '')
  // a reading made only of Cyrillic (or only Latin) letters can only match entries written in that script
  const needs = letters && !/[^а-яё]/.test(letters) ? CYRILLIC : letters && !/[^a-z]/.test(letters) ? LATIN : 0
  return { words, needles: words.map(needleOf), penalty2, needs }
}

/**
 * The ways to read a query: as typed, and on the other keyboard layout. The layout is converted on the raw
 * text before it is split into words, because Cyrillic letters sit on punctuation keys (б on ",", ж on ";").
 */
function readingsOf(query: string): Reading[] {
  const raw = query.slice(0, MAX_QUERY_LENGTH)
  return [readingOf(raw, 0), ...layoutVariants(raw).map((variant) => readingOf(variant, LAYOUT_PENALTY * 2))].filter(
    (reading) => reading.words.length > 0,
  )
}

/** True when everything `next` matches is also matched by `previous`: the same words, the last one longer. */
function refines(previous: Reading, next: Reading): boolean {
  const last = previous.words.length - 1
  if (next.words.length < previous.words.length) return false
  for (let i = 0; i < last; i++) if (next.words[i] !== previous.words[i]) return false
  return (next.words[last] ?? '').startsWith(previous.words[last] ?? '')
}

/**
 * Scores the given entries (positions in the index) and returns the matches best first. Scores are small
 * whole numbers (doubled to keep the layout penalty whole), so a bucket sort keeps index order within a score.
 */
function rank(index: SearchIndex, candidates: Iterable<number>, readings: Reading[]) {
  const matched: number[] = []
  const scores: number[] = []
  const words = new Set<string>()
  let top = 0
  for (const order of candidates) {
    const entry = index.entries[order]
    if (!entry) continue
    let best = 0
    for (const reading of readings) {
      if (reading.needs && !(entry.scripts & reading.needs)) continue
      const score = scoreEntry(entry, reading.needles)
      if (score > 0) {
        reading.words.forEach((w) => words.add(w))
        best = Math.max(best, score * 2 - reading.penalty2)
      }
    }
    if (best > 0) {
      matched.push(order)
      scores.push(best)
      if (best > top) top = best
    }
  }
  const buckets: number[][] = Array.from({ length: top + 1 }, () => [])
  matched.forEach((order, i) => buckets[scores[i]!]!.push(order))
  const ordered: number[] = []
  for (let score = top; score > 0; score--) ordered.push(...buckets[score]!)
  return { orders: matched, ranked: ordered, words: [...words] }
}

/**
 * A one-letter query (each reading one letter, no digit): prefixes first, then the rest, straight from the
 * character lists. A one-letter word of its own ranks with the prefixes; that is the only difference from
 * the general path.
 */
function singleCharacter(index: SearchIndex, readings: Reading[]) {
  if (!readings.every((r) => r.words.length === 1 && r.words[0]!.length === 1 && !r.needles[0]!.digits)) return null
  const seen = new Uint8Array(index.entries.length)
  const prefixes: number[] = []
  const insides: number[] = []
  const words: string[] = []
  for (const reading of readings) {
    const lists = index.byChar.get(reading.words[0]!.charCodeAt(0))
    if (!lists) continue
    words.push(reading.words[0]!)
    for (const order of lists.starts) {
      if (order >= seen.length) break
      if (seen[order] === 2) continue
      seen[order] = 2
      prefixes.push(order)
    }
  }
  for (const reading of readings) {
    for (const order of index.byChar.get(reading.words[0]!.charCodeAt(0))?.inside ?? []) {
      if (order >= seen.length) break
      if (seen[order]) continue
      seen[order] = 1
      insides.push(order)
    }
  }
  // as in the general path: prefixes as typed, prefixes on the other layout, then the same for the rest
  const orders = [...prefixes, ...insides].sort((a, b) => a - b)
  return { orders, ranked: [...prefixes, ...insides], words }
}

/**
 * Ranked search: exact words first, then prefixes, then substrings; a query typed on the wrong keyboard
 * layout ("bdfy" for "иван") is read both ways. Returns null when the query has no words.
 */
export function searchPeople(index: SearchIndex, query: string): SearchResult | null {
  return createSearcher(index)(query)
}

/**
 * A search function over one index that remembers its last query: typing on adds letters, which can only
 * narrow the matches, so the next keystroke only looks at the people the last one found.
 */
export function createSearcher(index: SearchIndex): (query: string) => SearchResult | null {
  let last: { readings: Reading[]; orders: number[] } | null = null
  return (query) => {
    const readings = readingsOf(query)
    if (readings.length === 0) {
      last = null
      return null
    }
    const single = singleCharacter(index, readings)
    if (single) {
      last = { readings, orders: single.orders }
      return { people: single.ranked.map((order) => index.people[order]!), words: single.words, query }
    }
    // Typing on only narrows: when every new reading refines an old one, only the old matches can match.
    const previous = last
    const narrowing = previous !== null && readings.every((r) => previous.readings.some((p) => refines(p, r)))
    const candidates = narrowing ? previous.orders : index.entries.keys()
    const { orders, ranked, words } = rank(index, candidates, readings)
    last = { readings, orders }
    return { people: ranked.map((order) => index.people[order]!), words, query }
  }
}
