/**
 * Folding for search: lower case, no accents, ё = е, so "José" finds "jose" and "Ёлкин" finds "елкин".
 * One character at a time, so a match in the folded text maps back to the original for highlighting.
 */
const cache = new Map<string, string>()

function foldChar(char: string): string {
  let folded = cache.get(char)
  if (folded === undefined) {
    folded = char.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/ё/g, 'е')
    // ß and similar expand on lower-casing; keep one output per input so positions map back simply.
    if (folded.length === 0) folded = ''
    cache.set(char, folded)
  }
  return folded
}

const ASCII = /^[\x00-\x7f]*$/
const MARKS = /\p{M}+/gu
/** Σ lowers to ς at the end of a word when a whole string is lowered, to σ when it is lowered alone */
const CAPITAL_SIGMA = 'Σ'

/**
 * The folded text, the same as folding each character alone. The search index folds every person's fields
 * (about 3.5 million characters at 50,000 people), so it folds the whole string at once wherever that gives
 * the same result: ASCII only needs lower case, and the rest folds the same whole except a capital sigma.
 */
export function foldText(value: string): string {
  if (ASCII.test(value)) return value.toLowerCase()
  // ё needs no rule of its own here: NFD has already made it е and a mark
  if (!value.includes(CAPITAL_SIGMA)) return value.normalize('NFD').replace(MARKS, '').toLowerCase()
  let out = ''
  for (const char of value) out += foldChar(char)
  return out
}

/** The folded text plus, for each folded code unit, the index in the original string it came from. */
export function foldWithMap(value: string): { folded: string; origin: number[] } {
  let folded = ''
  const origin: number[] = []
  let index = 0
  for (const char of value) {
    const f = foldChar(char)
    for (let i = 0; i < f.length; i++) origin.push(index)
    folded += f
    index += char.length
  }
  return { folded, origin }
}

/** The words of free text (letters and digits, split on everything else) with one space between them. */
export function wordLine(folded: string): string {
  return folded.replace(ASCII.test(folded) ? /[^a-z0-9]+/gi : /[^\p{L}\p{N}]+/gu, ' ').trim()
}

/** Words of free text: letters and digits, split on everything else. */
export function words(folded: string): string[] {
  return wordLine(folded).split(' ').filter(Boolean)
}
