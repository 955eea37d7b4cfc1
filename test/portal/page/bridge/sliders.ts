/**
 * Bitrix24-like side sliders: a right-hand panel over a dimmed page, stacked, closable with the close tab or Esc.
 * Only the top window owns sliders; pages inside sliders (profile, the app opened by openApplication) reach the
 * top window's manager through `portalUi()` (index.ts).
 */
import { h } from './dom'

export interface SliderOptions {
  url: string
  title: string
  /** preferred width in px; the panel never covers the whole viewport */
  width?: number
  /** tag for CSS and tests: 'path' (openPath) or 'app' (openApplication) */
  kind: 'path' | 'app'
}

export interface SliderHandle {
  readonly id: number
  readonly kind: SliderOptions['kind']
  readonly frame: HTMLIFrameElement
  readonly closed: boolean
  /** the text in the slider's header */
  setTitle(text: string): void
  /** run fn once the slider starts closing (immediately if it already has) */
  onClose(fn: () => void): void
  close(): void
}

export interface SliderManager {
  open(options: SliderOptions): SliderHandle
  /** the slider whose iframe holds this window, if any */
  byWindow(win: Window): SliderHandle | undefined
  closeTop(): boolean
  readonly count: number
}

let nextId = 1

export function createSliderManager(): SliderManager {
  const stack: SliderHandle[] = []

  const onKey = (e: KeyboardEvent): void => {
    if (e.key === 'Escape' && stack.length > 0) {
      e.preventDefault()
      manager.closeTop()
    }
  }
  window.addEventListener('keydown', onKey)

  const manager: SliderManager = {
    get count() {
      return stack.length
    },
    open(options) {
      const id = nextId++
      const depth = stack.length
      const listeners: Array<() => void> = []
      let closed = false

      const title = h('div', { class: 'pd-slider__title' }, options.title)
      const frame = h('iframe', {
        class: 'pd-slider__frame',
        src: options.url,
        title: options.title,
        allow: 'geolocation *; microphone *; camera *; autoplay *;',
      })
      const closeBtn = h(
        'button',
        { class: 'pd-slider__close', type: 'button', 'aria-label': 'Close', title: 'Close (Esc)' },
        h('span', { 'aria-hidden': 'true' }, '×'),
      )
      // portal pages carry their own title; an application slider shows bx24_title in a header bar
      const panel = h(
        'div',
        { class: 'pd-slider__panel', role: 'dialog', 'aria-modal': 'true', 'aria-label': options.title, tabindex: '-1' },
        closeBtn,
        options.kind === 'app' ? h('div', { class: 'pd-slider__head' }, title) : null,
        frame,
      )
      const width = Math.min(options.width ?? 1100, window.innerWidth - 100 - depth * 40)
      panel.style.width = `${Math.max(width, 320)}px`
      const overlay = h('div', { class: `pd-slider pd-slider--${options.kind}`, 'data-slider-id': String(id) }, panel)
      overlay.addEventListener('mousedown', (e) => {
        if (e.target === overlay) handle.close()
      })

      const handle: SliderHandle = {
        id,
        kind: options.kind,
        frame,
        get closed() {
          return closed
        },
        setTitle(text) {
          title.textContent = text
        },
        onClose(fn) {
          if (closed) fn()
          else listeners.push(fn)
        },
        close() {
          if (closed) return
          closed = true
          const at = stack.indexOf(handle)
          if (at >= 0) stack.splice(at, 1)
          overlay.classList.add('pd-slider--closing')
          for (const fn of listeners.splice(0)) {
            try {
              fn()
            } catch (err) {
              console.error('[portal] slider close listener failed', err)
            }
          }
          window.setTimeout(() => overlay.remove(), 220)
          if (stack.length === 0) document.documentElement.classList.remove('pd-has-slider')
          const top = stack[stack.length - 1]
          if (top) top.frame.focus()
          else previousFocus?.focus?.()
        },
      }
      closeBtn.addEventListener('click', () => handle.close())

      // Esc inside a same-origin slider page (profile, slider app page) closes it too.
      frame.addEventListener('load', () => {
        try {
          frame.contentWindow?.addEventListener('keydown', onKey)
          const doc = frame.contentDocument
          const docTitle = doc?.querySelector('#pagetitle')?.textContent?.trim()
          if (docTitle && options.kind === 'path') {
            title.textContent = docTitle
            panel.setAttribute('aria-label', docTitle)
          }
        } catch {
          // cross-origin page: only the close tab and Esc on the portal page work
        }
      })

      const previousFocus = document.activeElement as HTMLElement | null
      stack.push(handle)
      document.documentElement.classList.add('pd-has-slider')
      document.body.append(overlay)
      requestAnimationFrame(() => overlay.classList.add('pd-slider--open'))
      panel.focus({ preventScroll: true })
      return handle
    },
    byWindow(win) {
      return stack.find((s) => s.frame.contentWindow === win)
    },
    closeTop() {
      const top = stack[stack.length - 1]
      if (!top) return false
      top.close()
      return true
    },
  }
  return manager
}
