import { afterEach, describe, expect, it, vi } from 'vitest'
import { connectFrame, isOutsidePortal } from '@/bitrix24/frame'

function fakeWindow(name: string, inIframe: boolean): Window {
  const self = {} as Window
  return { name, self, top: inIframe ? ({} as Window) : self } as unknown as Window
}

describe('isOutsidePortal', () => {
  it('is true for a top-level page and for a frame without the portal name', () => {
    expect(isOutsidePortal(fakeWindow('portal.example|1|abc', false))).toBe(true)
    expect(isOutsidePortal(fakeWindow('', true))).toBe(true)
    expect(isOutsidePortal(fakeWindow('portal.example|1|', true))).toBe(true)
  })

  it('is false inside a frame named DOMAIN|PROTOCOL|APP_SID', () => {
    expect(isOutsidePortal(fakeWindow('portal.example|1|0123456789abcdef', true))).toBe(false)
  })
})

describe('connectFrame', () => {
  afterEach(() => {
    window.name = ''
    vi.restoreAllMocks()
  })

  it('says "outside-portal" at once for a top-level page', async () => {
    await expect(connectFrame({ win: fakeWindow('', false) })).rejects.toMatchObject({ problem: 'outside-portal' })
  })

  it('gives up with "no-answer" when the portal never answers getInitData', async () => {
    window.name = 'localhost:1|0|0123456789abcdef'
    // A parent page that swallows every message and never answers.
    vi.spyOn(window.parent, 'postMessage').mockImplementation(() => undefined)
    const started = Date.now()
    await expect(
      connectFrame({ win: fakeWindow(window.name, true), timeoutMs: 200 }),
    ).rejects.toMatchObject({ problem: 'no-answer' })
    expect(Date.now() - started).toBeLessThan(2000)
  })
})
