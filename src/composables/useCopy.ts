import { useI18n } from 'vue-i18n'

/**
 * Copies text and says so. Inside the portal's iframe the Clipboard API is often not allowed (the frame
 * has no clipboard-write permission), so a hidden text field and the copy command stand in for it.
 */
export function useCopy() {
  const { t } = useI18n()
  const toast = useToast()

  function legacyCopy(text: string): boolean {
    const field = document.createElement('textarea')
    field.value = text
    field.setAttribute('readonly', '')
    field.style.position = 'fixed'
    field.style.opacity = '0'
    document.body.appendChild(field)
    field.select()
    const done = document.execCommand('copy')
    field.remove()
    return done
  }

  return async function copy(text: string) {
    let done = false
    try {
      await navigator.clipboard.writeText(text)
      done = true
    } catch {
      done = legacyCopy(text)
    }
    if (done) toast.add({ title: t('person.actions.copied'), description: text, duration: 2000 })
  }
}
