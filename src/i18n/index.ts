import { createI18n } from 'vue-i18n'
import type en from './messages/en'
import enStart from './messages/en-start'
import { pluralRules } from './plural-rules'

export type Messages = typeof en

/**
 * App strings are keyed by Bitrix24 language ids (en, ru, ua, …), the codes getLang() returns. Every string
 * comes from a file under ./messages: the build parses those into message ASTs and the page's vue-i18n has no
 * message compiler, so a plain string set here at run time would fail to format (vite.config.ts).
 */
export const i18n = createI18n<[Messages], string, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  // the English of the views that load later is merged in as they load (loadViewMessages)
  messages: { en: enStart as Messages },
  pluralRules,
})

// every other language's strings, a file each; English comes with the app (en-start.ts) and its views (en-views.ts)
const loaders = import.meta.glob<{ default: Messages }>(['./messages/[a-z][a-z].ts', '!./messages/en.ts'])
// one file per language (en.ts, ru.ts …) beside the parts it gathers (admin.en.ts, charts.en.ts …)
const adminLoaders = import.meta.glob<{ default: Record<string, unknown> }>('./messages/admin/[a-z][a-z].ts')
/** the parts of a language's strings merged in after the start ("admin:ru", "views:en"), each asked for once */
const merged = new Map<string, Promise<void>>()
let adminWanted = false

/**
 * Merges a part of a language's strings that loads on demand, once however many ask; a failed load is
 * forgotten, so the next ask tries again (a view whose code did not load is not shown either).
 */
function mergeOnce(
  part: string,
  lang: string,
  load: () => Promise<{ default: Record<string, unknown> }>,
): Promise<void> {
  const key = `${part}:${lang}`
  let merging = merged.get(key)
  if (!merging) {
    merging = load().then((strings) => i18n.global.mergeLocaleMessage(lang, strings.default))
    merging.catch(() => merged.delete(key))
    merged.set(key, merging)
  }
  return merging
}

async function mergeAdminMessages(lang: string): Promise<void> {
  const loader = adminLoaders[`./messages/admin/${lang}.ts`]
  if (loader) await mergeOnce('admin', lang, loader)
}

/** The admin views' strings, in English (the fallback) and the current language; they load with those views. */
export async function loadAdminMessages(): Promise<void> {
  adminWanted = true
  await Promise.all([mergeAdminMessages('en'), mergeAdminMessages(i18n.global.locale.value)])
}

/**
 * The English of the views that load on demand (structure, installer, the page outside a portal), merged in
 * once: English is every language's fallback.
 */
export function loadViewMessages(): Promise<void> {
  return mergeOnce('views', 'en', () => import('./messages/en-views'))
}

/** A lazy view's loader that brings the strings it needs along: it resolves to the view once both are in. */
export function withMessages<T>(loadView: () => Promise<T>, loadMessages: () => Promise<void>): () => Promise<T> {
  return () => Promise.all([loadView(), loadMessages()]).then(([view]) => view)
}

/** The language the app speaks for a Bitrix24 language id: its own strings where it has them, else English. */
export function appLanguageOf(lang: string): string {
  return /^[a-z]{2}$/.test(lang) && (lang === 'en' || loaders[`./messages/${lang}.ts`]) ? lang : 'en'
}

/** Switches the app to a portal language, loading its strings on demand; unknown languages stay English. */
export async function switchAppLanguage(lang: string): Promise<string> {
  const code = appLanguageOf(lang)
  const loader = loaders[`./messages/${code}.ts`]
  if (!loader) {
    i18n.global.locale.value = 'en'
    return 'en'
  }
  if (!i18n.global.availableLocales.includes(code)) {
    i18n.global.setLocaleMessage(code, (await loader()).default)
  }
  if (adminWanted) await mergeAdminMessages(code)
  i18n.global.locale.value = code
  return code
}
