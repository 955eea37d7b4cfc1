/*
 * Who has which letters: for each character and each pair of characters (UTF-16 code units) of the entries'
 * haystacks, the entries where some word starts with it and those where it only occurs inside words, in index
 * order. The first two keystrokes of a search match most of a large portal; these lists rank them without
 * reading every entry (search.ts).
 */

export interface Lists {
  /** entries where some word starts with it */
  starts: number[]
  /** entries where it only occurs inside words */
  inside: number[]
  /**
   * of a pair, the entries of `starts` where it is a word of its own ("de", "it"), which ranks as a whole word:
   * a search of two letters needs no entry's text to tell them apart
   */
  whole?: number[]
}

/**
 * Lists by character or by pair (see pairKey). An index built on from another appends to the same lists, so a
 * list may go on past an index's entries: readers stop at the first position the index does not have.
 */
export interface CharLists extends Map<number, Lists> {
  /** how many entries the lists hold; an index may append to them only when it holds all of them */
  indexed?: number
}

const SPACE = 32

/** The key of two code units that follow each other: `a` and `b` below 0x10000, so every pair has its own. */
export function pairKey(a: number, b: number): number {
  return a * 0x10000 + b
}

/**
 * The characters of one entry, by code unit: 2 when a word starts with it, 1 when it only occurs inside
 * words. Reused from entry to entry (cleared through `entryCodes`): indexing reads about 5 million
 * characters at 50,000 people, and taking each one out as a string of its own kept the collector busy.
 */
const entryChars = new Uint8Array(0x10000)
const entryCodes: number[] = []

/**
 * The pairs of one entry: an open-addressed table of pair keys (0 free) with the same marks (and 3 when the
 * pair is a word of its own), reused from entry to entry (cleared through `pairSlotsUsed`) and grown for an
 * entry with more pairs than it has room for.
 */
let pairSlots = new Uint32Array(1024)
let pairMarks = new Uint8Array(1024)
const pairSlotsUsed: number[] = []

const INSIDE = 1
const START = 2
const WHOLE = 3

/** Keeps the best of what a character or pair has been in the entry so far. */
function mark(marks: Uint8Array, at: number, level: number) {
  if (level > marks[at]!) marks[at] = level
}

/** Appends entry `order` (after every entry already in them) to the lists of its characters. */
export function indexChars(byChar: CharLists, haystack: string, order: number) {
  for (let i = 1; i < haystack.length; i++) {
    const code = haystack.charCodeAt(i)
    if (code === SPACE) continue
    if (entryChars[code] === 0) entryCodes.push(code)
    mark(entryChars, code, haystack.charCodeAt(i - 1) === SPACE ? START : INSIDE)
  }
  for (const code of entryCodes) {
    append(byChar, code, entryChars[code]!, order)
    entryChars[code] = 0
  }
  entryCodes.length = 0
}

/** Appends entry `order` (after every entry already in them) to the lists of its pairs of characters. */
export function indexPairs(byPair: CharLists, haystack: string, order: number) {
  // at most one pair a character, and a table at most half full keeps the probes short
  if (haystack.length * 2 > pairSlots.length) {
    let size = pairSlots.length
    while (size < haystack.length * 2) size *= 2
    pairSlots = new Uint32Array(size)
    pairMarks = new Uint8Array(size)
  }
  const mask = pairSlots.length - 1
  const shift = 32 - Math.log2(pairSlots.length)
  for (let i = 1; i + 1 < haystack.length; i++) {
    const a = haystack.charCodeAt(i)
    const b = haystack.charCodeAt(i + 1)
    if (a === SPACE || b === SPACE) continue
    const key = pairKey(a, b)
    // Fibonacci hashing: the high bits of the product spread neighbouring keys apart
    let slot = Math.imul(key, 0x9e3779b1) >>> shift
    while (pairSlots[slot] !== 0 && pairSlots[slot] !== key) slot = (slot + 1) & mask
    if (pairSlots[slot] === 0) {
      pairSlots[slot] = key
      pairSlotsUsed.push(slot)
    }
    // (haystacks end with a space: see Entry.haystack)
    const level = haystack.charCodeAt(i - 1) !== SPACE ? INSIDE : haystack.charCodeAt(i + 2) === SPACE ? WHOLE : START
    mark(pairMarks, slot, level)
  }
  for (const slot of pairSlotsUsed) {
    append(byPair, pairSlots[slot]!, pairMarks[slot]!, order)
    pairSlots[slot] = 0
    pairMarks[slot] = 0
  }
  pairSlotsUsed.length = 0
}

function append(lists: CharLists, key: number, level: number, order: number) {
  let found = lists.get(key)
  if (!found) lists.set(key, (found = { starts: [], inside: [] }))
  if (level === INSIDE) found.inside.push(order)
  else found.starts.push(order)
  if (level === WHOLE) (found.whole ??= []).push(order)
}

/** The lists as they were for the first `count` entries. */
export function copyLists(lists: CharLists, count: number): CharLists {
  const below = (orders: number[]) => orders.slice(0, firstAtOrAfter(orders, count))
  return new Map(
    [...lists].map(([key, found]) => {
      const copy: Lists = { starts: below(found.starts), inside: below(found.inside) }
      if (found.whole) copy.whole = below(found.whole)
      return [key, copy]
    }),
  )
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
