import { shallowRef } from 'vue'
import en from '@bitrix24/b24ui-nuxt/runtime/locale/en.js'

type KitLocale = typeof en

/** The UI kit's own strings (table, pickers, dialogs), keyed by the same Bitrix24 language ids as ours. */
const loaders: Record<string, () => Promise<{ default: KitLocale }>> = {
  ar: () => import('@bitrix24/b24ui-nuxt/runtime/locale/ar.js'),
  br: () => import('@bitrix24/b24ui-nuxt/runtime/locale/br.js'),
  de: () => import('@bitrix24/b24ui-nuxt/runtime/locale/de.js'),
  fr: () => import('@bitrix24/b24ui-nuxt/runtime/locale/fr.js'),
  id: () => import('@bitrix24/b24ui-nuxt/runtime/locale/id.js'),
  in: () => import('@bitrix24/b24ui-nuxt/runtime/locale/in.js'),
  it: () => import('@bitrix24/b24ui-nuxt/runtime/locale/it.js'),
  ja: () => import('@bitrix24/b24ui-nuxt/runtime/locale/ja.js'),
  kz: () => import('@bitrix24/b24ui-nuxt/runtime/locale/kz.js'),
  la: () => import('@bitrix24/b24ui-nuxt/runtime/locale/la.js'),
  ms: () => import('@bitrix24/b24ui-nuxt/runtime/locale/ms.js'),
  pl: () => import('@bitrix24/b24ui-nuxt/runtime/locale/pl.js'),
  ru: () => import('@bitrix24/b24ui-nuxt/runtime/locale/ru.js'),
  sc: () => import('@bitrix24/b24ui-nuxt/runtime/locale/sc.js'),
  tc: () => import('@bitrix24/b24ui-nuxt/runtime/locale/tc.js'),
  th: () => import('@bitrix24/b24ui-nuxt/runtime/locale/th.js'),
  tr: () => import('@bitrix24/b24ui-nuxt/runtime/locale/tr.js'),
  ua: () => import('@bitrix24/b24ui-nuxt/runtime/locale/ua.js'),
  vn: () => import('@bitrix24/b24ui-nuxt/runtime/locale/vn.js'),
}

/** The kit locale in use; English until the portal's language has loaded. */
export const kitLocale = shallowRef<KitLocale>(en)

export async function switchKitLocale(lang: string): Promise<void> {
  const loader = loaders[lang]
  kitLocale.value = loader ? (await loader()).default : en
}
