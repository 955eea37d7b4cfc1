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
