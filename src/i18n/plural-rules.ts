/**
 * vue-i18n picks the n-th variant of "a | b | c | d". Slavic languages need one, few and many forms;
 * variant 0 is kept for "none" everywhere, so every message starts with its zero form.
 */
function slavic(choice: number): number {
  const n = Math.abs(choice)
  if (n === 0) return 0
  const mod10 = n % 10
  const mod100 = n % 100
  if (mod10 === 1 && mod100 !== 11) return 1
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return 2
  return 3
}

export const pluralRules = { ru: slavic, ua: slavic }
