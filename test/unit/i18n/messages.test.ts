import { describe, expect, it } from 'vitest'
import en from '@/i18n/messages/en'
import adminEn from '@/i18n/messages/admin/en'

/** Languages whose every string is translated; other Bitrix24 languages fall back to English. */
const COMPLETE = ['ru', 'de', 'ua'] as const
/** Languages whose plural messages have the Slavic "none | one | few | many" forms. */
const SLAVIC = new Set(['ru', 'ua'])

const main = import.meta.glob<{ default: Record<string, unknown> }>('../../../src/i18n/messages/[a-z][a-z].ts', { eager: true })
const admin = import.meta.glob<{ default: Record<string, unknown> }>('../../../src/i18n/messages/admin/[a-z][a-z].ts', { eager: true })

function flatten(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (typeof value === 'string') out.set(prefix, value)
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix ? `${prefix}.${key}` : key, out)
  }
  return out
}

const placeholders = (text: string) => [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()
const variants = (text: string) => text.split('|').length

function messagesOf(lang: string): Map<string, string> {
  const file = (set: typeof main, dir: string) => set[`../../../src/i18n/messages/${dir}${lang}.ts`]?.default
  return flatten({ ...file(main, ''), ...file(admin, 'admin/') })
}

const english = flatten({ ...en, ...adminEn })

describe.each(COMPLETE)('the %s messages', (lang) => {
  const messages = messagesOf(lang)

  it('exist for the language', () => {
    expect(messages.size).toBeGreaterThan(100)
  })

  it('have every English key and no other', () => {
    expect([...messages.keys()].filter((key) => !english.has(key))).toEqual([])
    expect([...english.keys()].filter((key) => !messages.has(key))).toEqual([])
  })

  it('keep every placeholder of the English text', () => {
    const differing = [...english].filter(([key, text]) => {
      const translated = messages.get(key)
      return translated !== undefined && placeholders(translated).join() !== placeholders(text).join()
    })
    expect(differing.map(([key]) => key)).toEqual([])
  })

  it('give plural messages the forms the language needs', () => {
    const wrong = [...english].filter(([key, text]) => {
      const translated = messages.get(key)
      if (translated === undefined || variants(text) === 1) return false
      const wanted = SLAVIC.has(lang) ? Math.max(variants(text), 4) : variants(text)
      return variants(translated) !== wanted
    })
    expect(wrong.map(([key]) => key)).toEqual([])
  })

  it('are not left in English', () => {
    const same = [...english].filter(([key, text]) => messages.get(key) === text && /[a-z]{4,}\s[a-z]{4,}/i.test(text))
    // a few strings are the same in every language (product names, codes)
    expect(same.length).toBeLessThan(english.size * 0.05)
  })
})
