import { useI18n } from 'vue-i18n'

/**
 * Copies text and says so. Inside the portal's iframe the Clipboard API is often not allowed (the frame
 * has no clipboard-write permission), so a hidden text field and the copy command stand in for it.
 */
export function useCopy() {
  const { t } = useI18n()
  const toast = useToast()

  function legacyCopy(text: string): boolean {
    // inside the element that has focus, so a dialog's focus trap does not pull the selection away
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const host = previous?.parentElement ?? document.body
    const field = document.createElement('textarea')
    field.value = text
    field.setAttribute('readonly', '')
    field.style.position = 'fixed'
    field.style.opacity = '0'
    host.appendChild(field)
    field.focus()
    field.select()
    const done = field.selectionEnd - field.selectionStart === text.length && document.execCommand('copy')
    field.remove()
    previous?.focus()
    return done
  }

  /** Copies `text`; the toast says `title` (default "Copied") with the text beneath. */
  return async function copy(text: string, title?: string) {
    let done = false
    try {
      await navigator.clipboard.writeText(text)
      done = true
    } catch {
      done = legacyCopy(text)
    }
    if (done) toast.add({ title: title ?? t('person.actions.copied'), description: text, duration: 2000 })
  }
}
