import { createI18n } from 'vue-i18n'
import en from './messages/en'
import { pluralRules } from './plural-rules'

export type Messages = typeof en

/** App strings are keyed by Bitrix24 language ids (en, ru, ua, …), the codes getLang() returns. */
export const i18n = createI18n<[Messages], string, false>({
  legacy: false,
  locale: 'en',
  fallbackLocale: 'en',
  messages: { en },
  pluralRules,
})

const loaders = import.meta.glob<{ default: Messages }>(['./messages/*.ts', '!./messages/en.ts'])

/** Switches the app to a portal language, loading its strings on demand; unknown languages stay English. */
export async function switchAppLanguage(lang: string): Promise<string> {
  const code = /^[a-z]{2}$/.test(lang) ? lang : 'en'
  const loader = loaders[`./messages/${code}.ts`]
  if (!loader) {
    i18n.global.locale.value = 'en'
    return 'en'
  }
  if (!i18n.global.availableLocales.includes(code)) {
    i18n.global.setLocaleMessage(code, (await loader()).default)
  }
  i18n.global.locale.value = code
  return code
}
