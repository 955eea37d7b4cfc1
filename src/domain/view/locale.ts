/**
 * Bitrix24 language ids are not BCP 47 tags: "ua" is Ukrainian, "br" Brazilian Portuguese, "la" Spanish,
 * "sc"/"tc" Chinese, "in" Hindi. Intl needs the real tag.
 */
const TAGS: Record<string, string> = {
  en: 'en', ru: 'ru', de: 'de', ua: 'uk', fr: 'fr', la: 'es', br: 'pt-BR', pl: 'pl', it: 'it', tr: 'tr',
  kz: 'kk', vn: 'vi', id: 'id', ms: 'ms', th: 'th', sc: 'zh-Hans', tc: 'zh-Hant', ja: 'ja', in: 'hi', ar: 'ar',
}

export function intlLocale(bitrixLang: string): string {
  return TAGS[bitrixLang] ?? 'en'
}

/** Bitrix24 languages written right to left. */
const RIGHT_TO_LEFT = new Set(['ar', 'he'])

export function textDirection(bitrixLang: string): 'ltr' | 'rtl' {
  return RIGHT_TO_LEFT.has(bitrixLang) ? 'rtl' : 'ltr'
}

/**
 * Makes a first Intl.Collator and Intl.NumberFormat. The first of each a page makes loads the browser's locale
 * data, in whatever language: 0.09–0.17 s for the two on a busy 2-core machine (test/bench/trace-open.ts). The
 * app's own collator and number format, in the portal's language, then take well under a millisecond. Called
 * while the page waits on the portal anyway (src/main.ts).
 */
export function warmUpIntl(): void {
  try {
    new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare('a', 'b')
    new Intl.NumberFormat().format(1)
  } catch {
    // nothing to warm: the app's own use of Intl fails as it would anyway
  }
}
