/** Small notifications in the top-right corner of the portal page ("Messenger: open chat with #5"). */
import { h } from './dom'

let container: HTMLElement | null = null

export function toast(text: string, kind: 'info' | 'success' | 'error' = 'info', ms = 3500): void {
  if (!container || !container.isConnected) {
    container = h('div', { class: 'pd-toasts', role: 'status', 'aria-live': 'polite' })
    document.body.append(container)
  }
  const item = h('div', { class: `pd-toast pd-toast--${kind}` }, text)
  container.append(item)
  window.setTimeout(() => {
    item.classList.add('pd-toast--out')
    window.setTimeout(() => item.remove(), 250)
  }, ms)
}
