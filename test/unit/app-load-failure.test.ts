import { beforeAll, describe, expect, it, vi } from 'vitest'
import page from '../../index.html?raw'
import { showAppLoadFailure } from '@/app-load-failure'

describe('showAppLoadFailure', () => {
  beforeAll(() => {
    // the notice is the page's own markup: index.html's template, as the browser has it
    const template = /<template id="app-load-failure">[\s\S]*?<\/template>/.exec(page)?.[0]
    expect(template).toBeTruthy()
    document.body.insertAdjacentHTML('beforeend', template!)
  })

  it('replaces the empty page with a notice and a Reload that reloads', () => {
    const root = document.createElement('div')
    root.textContent = 'half-drawn'
    const reload = vi.fn()
    showAppLoadFailure(root, 'en', reload)
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('People Directory could not be loaded')
    expect(root.textContent).not.toContain('half-drawn')
    root.querySelector('button')?.click()
    expect(reload).toHaveBeenCalledOnce()
  })

  it('speaks the portal\'s language where the app is translated, English otherwise', () => {
    const root = document.createElement('div')
    const button = (lang: string) => {
      showAppLoadFailure(root, lang, () => {})
      return root.querySelector('button')?.textContent
    }
    expect(button('de')).toBe('Neu laden')
    expect(button('ru')).toBe('Перезагрузить')
    expect(button('ua')).toBe('Перезавантажити')
    expect(button('ja')).toBe('Reload')
  })
})
