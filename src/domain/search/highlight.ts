import { foldText, foldWithMap } from './text-fold'

export interface TextSegment {
  text: string
  match: boolean
}

/**
 * Splits text into matched and unmatched parts for the given folded search words, so a template can wrap
 * the matches in <mark> while everything stays plain text.
 */
export function highlightSegments(text: string, searchWords: readonly string[]): TextSegment[] {
  if (!text || searchWords.length === 0) return [{ text, match: false }]
  const { folded, origin } = foldWithMap(text)
  const marked = new Array<boolean>(text.length).fill(false)
  for (const word of searchWords) {
    if (!word) continue
    for (let at = folded.indexOf(word); at !== -1; at = folded.indexOf(word, at + word.length)) {
      const start = origin[at] ?? 0
      const endOrigin = origin[at + word.length - 1] ?? start
      // the last folded unit may come from a surrogate pair: cover the whole original character
      let end = endOrigin + (text.codePointAt(endOrigin)! > 0xffff ? 2 : 1)
      // accents stored as separate combining marks fold to nothing: they belong to the matched letter
      while (end < text.length && foldText(String.fromCodePoint(text.codePointAt(end)!)) === '') {
        end += text.codePointAt(end)! > 0xffff ? 2 : 1
      }
      for (let i = start; i < end; i++) marked[i] = true
    }
  }
  const segments: TextSegment[] = []
  let current = ''
  let currentMatch = marked[0] ?? false
  for (let i = 0; i < text.length; i++) {
    if (marked[i] !== currentMatch) {
      if (current) segments.push({ text: current, match: currentMatch })
      current = ''
      currentMatch = marked[i] ?? false
    }
    current += text[i]
  }
  if (current) segments.push({ text: current, match: currentMatch })
  return segments
}
