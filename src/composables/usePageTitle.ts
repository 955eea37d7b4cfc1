import { watchEffect } from 'vue'
import { useI18n } from 'vue-i18n'
import { useSessionStore } from '@/stores/session'
import { appLanguageOf } from '@/i18n'

/**
 * Names the portal page after the view: "People Directory" for the directory, "<section> · People Directory"
 * for the others. Sent only once the portal's language has loaded, so the very first title the portal shows is
 * already in that language, and again when the section's name changes.
 */
export function usePageTitle(section: () => string | null = () => null): void {
  const session = useSessionStore()
  const { t, locale } = useI18n()
  watchEffect(() => {
    if (!session.frame || locale.value !== appLanguageOf(session.lang)) return
    const name = section()
    session.setPageTitle(name ? `${name} · ${t('app.name')}` : t('app.name'))
  })
}
