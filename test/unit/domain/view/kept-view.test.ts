import { describe, expect, it } from 'vitest'
import { chooseOpening, decodeKeptView, encodeKeptView, linkFingerprint, RELOAD_WINDOW_MS, type KeptView } from '@/domain/view/kept-view'

const NOW = Date.UTC(2026, 10, 30, 12)

describe('the view kept for a reload', () => {
  it('round-trips through the option text, for its own viewer only', () => {
    const view: KeptView = { user: 7, address: '/structure', link: linkFingerprint('/?q=a'), at: NOW }
    expect(decodeKeptView(encodeKeptView(view), 7)).toEqual(view)
    expect(decodeKeptView(encodeKeptView(view), 8)).toBeNull()
  })

  it('reads anything else as nothing kept', () => {
    const bad = [
      null,
      42,
      '',
      'not json',
      '{"v":2,"user":7,"address":"/","link":"","at":1}',
      '{"v":1,"user":"7","address":"/","link":"","at":1}',
      '{"v":1,"user":7,"address":"//evil.example","link":"","at":1}',
      '{"v":1,"user":7,"address":"/","link":"<b>","at":1}',
      '{"v":1,"user":7,"address":"/","link":"","at":"soon"}',
      `{"v":1,"user":7,"address":"/?q=${'a'.repeat(9000)}","link":"","at":1}`,
    ]
    for (const value of bad) expect(decodeKeptView(value, 7), String(value)).toBeNull()
  })

  it('fingerprints a link stably and tells links apart', () => {
    expect(linkFingerprint('/?q=ann')).toBe(linkFingerprint('/?q=ann'))
    expect(linkFingerprint('/?q=ann')).not.toBe(linkFingerprint('/?q=anna'))
    expect(linkFingerprint('/?q=ann')).toMatch(/^[0-9a-z]{1,7}$/)
  })
})

describe('which view the app page opens', () => {
  const link = '/?q=ann'
  const fromLink = (at: number): KeptView => ({ user: 7, address: '/?q=ann&online=1', link: linkFingerprint(link), at })

  it('opens a followed link on the view it carries', () => {
    expect(chooseOpening(link, null, NOW)).toEqual({ address: link, source: 'link', link: linkFingerprint(link) })
  })

  it('keeps what the viewer did since opening that link when the page reloads', () => {
    expect(chooseOpening(link, fromLink(NOW - 60_000), NOW)).toMatchObject({ address: '/?q=ann&online=1', source: 'kept' })
  })

  it('shows the link\'s own view again much later, or for another link', () => {
    expect(chooseOpening(link, fromLink(NOW - RELOAD_WINDOW_MS - 1), NOW)).toMatchObject({ address: link, source: 'link' })
    expect(chooseOpening('/structure', fromLink(NOW), NOW)).toMatchObject({ address: '/structure', source: 'link' })
    // a view kept well in the future comes from a clock that is wrong: no reload
    expect(chooseOpening(link, fromLink(NOW + 5 * 60_000), NOW)).toMatchObject({ source: 'link' })
    // another device's clock a little ahead still counts
    expect(chooseOpening(link, fromLink(NOW + 30_000), NOW)).toMatchObject({ source: 'kept' })
  })

  it('opens the view the viewer left when no link was followed and it is fresh, else the app\'s own start', () => {
    expect(chooseOpening(null, fromLink(NOW - 60_000), NOW)).toEqual({ address: '/?q=ann&online=1', source: 'kept', link: '' })
    expect(chooseOpening(null, fromLink(NOW - RELOAD_WINDOW_MS - 1), NOW)).toEqual({ address: null, source: 'none', link: '' })
    expect(chooseOpening(null, null, NOW)).toEqual({ address: null, source: 'none', link: '' })
  })

  it('takes a view kept for the tab however old it is', () => {
    const old = fromLink(NOW - 100 * RELOAD_WINDOW_MS)
    expect(chooseOpening(null, old, NOW, Number.POSITIVE_INFINITY)).toMatchObject({ source: 'kept' })
    expect(chooseOpening(link, old, NOW, Number.POSITIVE_INFINITY)).toMatchObject({ source: 'kept' })
  })
})
