import type { Person } from '@/domain/people/person'
import { layoutVariants } from './keyboard-layout'
import { foldText, words } from './text-fold'
import { pairKey } from './char-lists'
import { CYRILLIC, LATIN, type Entry, type SearchIndex } from './search-index'

/** Longer queries are cut: nobody types more, and a pasted novel must not freeze the list. */
export const MAX_QUERY_LENGTH = 100
const MAX_WORDS = 8

const EXACT = 3
const PREFIX = 2
const SUBSTRING = 1
/** a reading of the query on the other keyboard layout ranks just below the same match as typed */
const LAYOUT_PENALTY = 0.5

export interface SearchResult {
  /** matching people, best first */
  people: Person[]
  /** the folded words that matched, for highlighting */
  words: string[]
  /** the query as it was asked, so a view can tell which keystroke its rows answer */
  query: string
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

/**
 * How well a word matches a line of words: a whole word, the start of one, inside one, or not at all. A word
 * of one letter is never a whole word: it ranks with the prefixes (the letter lists rank it so too).
 */
function tierIn(line: string, needle: Needle): number {
  if (!line.includes(needle.word)) return 0
  if (needle.word.length > 1 && line.includes(needle.asWord)) return EXACT
  return line.includes(needle.asPrefix) ? PREFIX : SUBSTRING
}

/**
 * A word's best match in an entry: in its words, its phones' digits or its e-mail domain, which a query
 * without an "@" matches by whole words of its name only (see Entry.domain).
 */
function wordTier(entry: Entry, needle: Needle, withDomain: boolean): number {
  let tier = tierIn(entry.haystack, needle)
  if (tier === EXACT) return tier
  if (needle.digits && entry.phoneDigits && entry.phoneDigits.includes(needle.word)) {
    tier = Math.max(tier, entry.phoneDigits.includes(needle.asPrefix) ? PREFIX : SUBSTRING)
  }
  if (withDomain) return Math.max(tier, tierIn(entry.domain, needle))
  if (entry.domainName && entry.domainName.includes(needle.asWord)) return Math.max(tier, needle.word.length > 1 ? EXACT : PREFIX)
  return tier
}

/** Every word must match somewhere (any order); the score adds up how well each one did. */
function scoreEntry(entry: Entry, reading: Reading): number {
  let score = 0
  for (const needle of reading.needles) {
    const tier = wordTier(entry, needle, reading.withDomain)
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
  /** the query has an "@": its words match e-mail domains as they match names */
  withDomain: boolean
}

function readingOf(text: string, penalty2: number, withDomain: boolean): Reading {
  const words = queryWords(text)
  const letters = words.join('').replace(/[0-9]/g, '')
  // a reading made only of Cyrillic (or only Latin) letters can only match entries written in that script
  const needs = letters && !/[^а-яё]/.test(letters) ? CYRILLIC : letters && !/[^a-z]/.test(letters) ? LATIN : 0
  return { words, needles: words.map(needleOf), penalty2, needs, withDomain }
}

/**
 * The ways to read a query: as typed, and on the other keyboard layout. The layout is converted on the raw
 * text before it is split into words, because Cyrillic letters sit on punctuation keys (б on ",", ж on ";").
 */
function readingsOf(query: string): Reading[] {
  const raw = query.slice(0, MAX_QUERY_LENGTH)
  const withDomain = raw.includes('@')
  const readings = [readingOf(raw, 0, withDomain), ...layoutVariants(raw).map((v) => readingOf(v, LAYOUT_PENALTY * 2, withDomain))]
  return readings.filter((reading) => reading.words.length > 0)
}

/**
 * True when everything `next` matches is also matched by `previous`: the same words, the last one longer.
 * Not when the longer word is an e-mail domain's word, which matches as a whole where its start did not.
 */
function refines(previous: Reading, next: Reading, domainWords: ReadonlySet<string>): boolean {
  const last = previous.words.length - 1
  if (next.words.length < previous.words.length || next.withDomain !== previous.withDomain) return false
  for (let i = 0; i < last; i++) if (next.words[i] !== previous.words[i]) return false
  const grown = next.words[last] ?? ''
  if (grown !== previous.words[last] && !next.withDomain && domainWords.has(grown)) return false
  return grown.startsWith(previous.words[last] ?? '')
}

/**
 * The ranking of matches given in index order with their scores: the best score first, index order within a
 * score. Scores are small whole numbers (doubled to keep the layout penalty whole), so each score's matches
 * are counted and then placed in one pass; typed arrays and no pushes, as a first letter matches nearly
 * everyone.
 */
function rankedByScore(orders: Int32Array, scores: Uint8Array, top: number): Int32Array {
  // how many matches each score has, then where its stretch of the ranking starts
  const start = new Int32Array(top + 1)
  for (let i = 0; i < scores.length; i++) start[scores[i]!]!++
  let at = 0
  for (let score = top; score > 0; score--) {
    const matches = start[score]!
    start[score] = at
    at += matches
  }
  const ranked = new Int32Array(orders.length)
  for (let i = 0; i < orders.length; i++) ranked[start[scores[i]!]!++] = orders[i]!
  return ranked
}

/** Scores the given entries (positions in the index, ascending; all of them when null) and ranks the matches. */
function rank(index: SearchIndex, candidates: Int32Array | null, readings: Reading[]) {
  const total = candidates ? candidates.length : index.entries.length
  const matched = new Int32Array(total)
  const scores = new Uint8Array(total)
  let found = 0
  // which readings matched anyone: their words are highlighted
  const matching = new Set<Reading>()
  let top = 0
  for (let i = 0; i < total; i++) {
    const order = candidates ? candidates[i]! : i
    const entry = index.entries[order]
    if (!entry) continue
    let best = 0
    for (const reading of readings) {
      if (reading.needs && !(entry.scripts & reading.needs)) continue
      const score = scoreEntry(entry, reading)
      if (score > 0) {
        matching.add(reading)
        const value = score * 2 - reading.penalty2
        if (value > best) best = value
      }
    }
    if (best > 0) {
      matched[found] = order
      scores[found++] = best
      if (best > top) top = best
    }
  }
  const orders = matched.subarray(0, found)
  const words = new Set<string>()
  for (const reading of readings) if (matching.has(reading)) reading.words.forEach((w) => words.add(w))
  return { orders, ranked: rankedByScore(orders, scores.subarray(0, found), top), words: [...words] }
}

/**
 * A query of one word of one or two letters (as typed and on the other layout; no digits, no e-mail domain)
 * read off the index's lists of who has that letter or pair at the start of a word, who only inside one and
 * who has the pair as a word of its own, instead of reading any entry's text: the first two keystrokes of a
 * search match most of a large portal. Ranked as rank() ranks.
 */
function fromLists(index: SearchIndex, readings: Reading[]) {
  const paired = (index.byPair.indexed ?? 0) >= index.entries.length
  const short = (r: Reading) =>
    r.words.length === 1 &&
    (r.words[0]!.length === 1 || (r.words[0]!.length === 2 && paired)) &&
    !r.needles[0]!.digits &&
    !r.withDomain &&
    !index.domainWords.has(r.words[0]!)
  if (!readings.every(short)) return null
  const count = index.entries.length
  // each entry's best score, as rank() scores it, and how many entries have one
  const best = new Uint8Array(count)
  let matches = 0
  const words: string[] = []
  /** Gives the entries of a list that this index holds `value` where it beats theirs; true when there were any. */
  const score = (orders: readonly number[], value: number): boolean => {
    // (a reading's penalty never takes a match to nothing; were it to, it would not count as one)
    if (value <= 0) return false
    let placed = false
    for (const order of orders) {
      if (order >= count) break
      placed = true
      const had = best[order]!
      if (had === 0) matches++
      if (value > had) best[order] = value
    }
    return placed
  }
  for (const reading of readings) {
    const word = reading.words[0]!
    const lists =
      word.length === 1 ? index.byChar.get(word.charCodeAt(0)) : index.byPair.get(pairKey(word.charCodeAt(0), word.charCodeAt(1)))
    if (!lists) continue
    const starting = score(lists.starts, PREFIX * 2 - reading.penalty2)
    // a pair that is a word of its own (never a single letter: see tierIn); these are among the starts
    if (lists.whole) score(lists.whole, EXACT * 2 - reading.penalty2)
    const inside = score(lists.inside, SUBSTRING * 2 - reading.penalty2)
    // the words of the readings that matched anyone are highlighted
    if (starting || inside) words.push(word)
  }
  const orders = new Int32Array(matches)
  const scores = new Uint8Array(matches)
  let top = 0
  for (let order = 0, at = 0; at < matches; order++) {
    const value = best[order]!
    if (value === 0) continue
    orders[at] = order
    scores[at++] = value
    if (value > top) top = value
  }
  return { orders, ranked: rankedByScore(orders, scores, top), words }
}

/** The people at these places of the index, in this order. */
function peopleAt(index: SearchIndex, orders: ArrayLike<number>): Person[] {
  const people = new Array<Person>(orders.length)
  for (let i = 0; i < orders.length; i++) people[i] = index.people[orders[i]!]!
  return people
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
  let last: { readings: Reading[]; orders: Int32Array } | null = null
  return (query) => {
    const readings = readingsOf(query)
    if (readings.length === 0) {
      last = null
      return null
    }
    const listed = fromLists(index, readings)
    if (listed) {
      last = { readings, orders: listed.orders }
      return { people: peopleAt(index, listed.ranked), words: listed.words, query }
    }
    // Typing on only narrows: when every new reading refines an old one, only the old matches can match.
    const previous = last
    const narrowing = previous !== null && readings.every((r) => previous.readings.some((p) => refines(p, r, index.domainWords)))
    const candidates = narrowing ? previous.orders : null
    const { orders, ranked, words } = rank(index, candidates, readings)
    last = { readings, orders }
    return { people: peopleAt(index, ranked), words, query }
  }
}
