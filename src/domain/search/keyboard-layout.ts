/**
 * Text typed with the wrong keyboard layout: "bdfy" typed on a Latin layout means "иван" on the Russian one,
 * and "ghbdtn" means "привет". Keys are mapped position by position (QWERTY ↔ ЙЦУКЕН), including the
 * punctuation keys that carry Cyrillic letters (; ' , . [ ] `).
 */
const LATIN = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`"
const CYRILLIC = 'йцукенгшщзхъфывапролджэячсмитьбюё'

const latinToCyrillic = new Map<string, string>()
const cyrillicToLatin = new Map<string, string>()
for (let i = 0; i < LATIN.length; i++) {
  const latin = LATIN.charAt(i)
  const cyrillic = CYRILLIC.charAt(i)
  latinToCyrillic.set(latin, cyrillic)
  cyrillicToLatin.set(cyrillic, latin)
}

function convert(text: string, map: Map<string, string>): string {
  let out = ''
  for (const char of text.toLowerCase()) out += map.get(char) ?? char
  return out
}

/**
 * The other readings of a query on the other layout, when it has any letters to convert.
 * Only whole-query conversions: mixing layouts inside one word is not how people mistype.
 */
export function layoutVariants(query: string): string[] {
  const variants = new Set<string>()
  const lower = query.toLowerCase()
  const toCyrillic = convert(lower, latinToCyrillic)
  const toLatin = convert(lower, cyrillicToLatin)
  if (toCyrillic !== lower) variants.add(toCyrillic)
  if (toLatin !== lower) variants.add(toLatin)
  return [...variants]
}
