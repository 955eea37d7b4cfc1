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

// every other language's strings, a file each; English comes with the app (en-start.ts) and with the views (en-views.ts)
const loaders = import.meta.glob<{ default: Messages }>(['./messages/[a-z][a-z].ts', '!./messages/en.ts'])
// one file per language (en.ts, ru.ts …) beside the parts it gathers (admin.en.ts, charts.en.ts …)
const adminLoaders = import.meta.glob<{ default: Record<string, unknown> }>('./messages/admin/[a-z][a-z].ts')
/** languages whose admin strings are merged in; empty until someone opens the admin views */
const adminLanguages = new Set<string>()
let adminWanted = false

async function mergeAdminMessages(lang: string): Promise<void> {
  const loader = adminLoaders[`./messages/admin/${lang}.ts`]
  if (!loader || adminLanguages.has(lang)) return
  i18n.global.mergeLocaleMessage(lang, (await loader()).default)
  adminLanguages.add(lang)
}

/** The admin views' strings, in English (the fallback) and the current language; they load with those views. */
export async function loadAdminMessages(): Promise<void> {
  adminWanted = true
  await Promise.all([mergeAdminMessages('en'), mergeAdminMessages(i18n.global.locale.value)])
}

let viewMessages: Promise<void> | undefined

/**
 * The English of the views that load on demand (structure, installer, the page outside a portal), merged in
 * once: English is every language's fallback. Load it beside such a view's code. A failed load is forgotten,
 * so the next try asks again (a view whose code did not load is not shown either).
 */
export function loadViewMessages(): Promise<void> {
  viewMessages ??= import('./messages/en-views').then(
    (views) => i18n.global.mergeLocaleMessage('en', views.default),
    (error: unknown) => {
      viewMessages = undefined
      throw error
    },
  )
  return viewMessages
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
