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

export function foldText(value: string): string {
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

/** Words of free text: letters and digits, split on everything else. */
export function words(folded: string): string[] {
  return folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean)
}
