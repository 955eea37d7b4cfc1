/** Tiny DOM helpers for the bridge (no framework: the portal page must stay independent of the app). */

type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>

/** Create an element. Text children are inserted as text nodes, never as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue
    if (typeof value === 'function') {
      el.addEventListener(key.replace(/^on/, '').toLowerCase(), value)
    } else if (key === 'class') {
      el.className = String(value)
    } else if (value === true) {
      el.setAttribute(key, '')
    } else {
      el.setAttribute(key, String(value))
    }
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue
    el.append(typeof child === 'string' ? document.createTextNode(child) : child)
  }
  return el
}

export function $(selector: string, root: ParentNode = document): HTMLElement | null {
  return root.querySelector<HTMLElement>(selector)
}

/** A short one-line summary of a value for the log and toasts. */
export function summarize(value: unknown, max = 140): string {
  if (value === undefined) return ''
  let text: string
  try {
    text = typeof value === 'string' ? value : JSON.stringify(value)
  } catch {
    text = String(value)
  }
  if (text === undefined) return ''
  return text.length > max ? text.slice(0, max - 1) + '…' : text
}
