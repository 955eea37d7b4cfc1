/**
 * Frame conformance of the portal page and its postMessage bridge, driven through REAL Chromium with the REAL SDK
 * UMD bundle inside the app frame (portal-protocol.md 7.4 checks 1, 2, 3, 4, 12 and the bridge behaviours of 7.2).
 *
 * Topology as in production: the portal (page + bridge + /rest + control API) on one origin, started in-process
 * with createPortalServer (http://127.0.0.1:<port>); the "app" is a probe server on another site
 * (http://localhost:<port>, probe-app.ts), so Chromium treats the app frame as cross-site, as under a real portal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromium, type Browser, type BrowserContext, type Frame, type Page } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../../tools/chromium'
import { siteOf } from '../config'
import { createPortalServer } from '../server'
import { startProbeServer, type ProbeServer } from './probe-app'

interface RawReply {
  replied: boolean
  raw?: string
  payload?: unknown
}

interface InitReply {
  LANG: string
  DOMAIN: string
  PROTOCOL: unknown
  PATH: string
  AUTH_ID: string
  AUTH_EXPIRES: unknown
  REFRESH_ID: string
  MEMBER_ID: string
  FIRST_RUN: boolean
  IS_ADMIN: boolean
  INSTALL: boolean
  USER_OPTIONS: unknown
  APP_OPTIONS: unknown
  PLACEMENT: string
  PLACEMENT_OPTIONS: unknown
}

interface ProbeReady {
  ok: boolean
  isInstallMode?: boolean
  error?: string
  isAdmin?: boolean
  isFirstRun?: boolean
  placement?: string
  placementOptions?: Record<string, unknown>
}

interface LocalEvent {
  name: string
  status: string
  callback: string
  note?: string
  /** the origin of the message event */
  origin?: string
}

let browser: Browser
let context: BrowserContext
let probe: ProbeServer
let portal: Awaited<ReturnType<typeof createPortalServer>>
let portalOrigin = ''

async function control(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<unknown> {
  const res = await fetch(`${portalOrigin}/_portal/api/${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${path}: HTTP ${res.status} ${text}`)
  return text ? (JSON.parse(text) as unknown) : null
}

/** Open a portal page and wait until the SDK in the app frame has initialised. */
async function openPortal(query: string): Promise<{ page: Page; app: Frame; ready: ProbeReady; sid: string }> {
  const page = await context.newPage()
  page.on('pageerror', (err) => console.error('[portal page error]', err.message))
  await page.goto(`${portalOrigin}/${query ? `?${query}` : ''}`)
  const sid = await page.locator('iframe[id^="appframe_"]').first().evaluate((el) => el.id.slice('appframe_'.length))
  const app = await appFrame(page, sid)
  const ready = (await app.evaluate('window.__ready')) as ProbeReady
  return { page, app, ready, sid }
}

async function appFrame(where: Page | Frame, sid: string): Promise<Frame> {
  const handle = await where.waitForSelector(`#appframe_${sid}`, { state: 'attached' })
  for (let i = 0; i < 200; i++) {
    const frame = await handle.contentFrame()
    if (frame && frame.url().startsWith(`http://localhost:${probe.port}/`)) {
      await frame.waitForFunction('typeof window.__ready !== "undefined"')
      return frame
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error('the app frame did not load')
}

function raw(app: Frame, command: string, params?: unknown, opts: { sid?: string; timeoutMs?: number } = {}): Promise<RawReply> {
  return app.evaluate(
    ([c, p, o]) => (window as unknown as { __raw: (c: string, p: unknown, o: unknown) => Promise<RawReply> }).__raw(c, p, o),
    [command, params, opts] as const,
  )
}

/** Start an SDK call in the app frame without awaiting it; its promise is kept on window[name]. */
async function start(app: Frame, name: string, expression: string): Promise<void> {
  await app.evaluate(`(() => { window.${name} = ${expression}; })()`)
}

async function events(page: Page): Promise<LocalEvent[]> {
  return page.evaluate(() => ((window as unknown as { __portal?: { events: LocalEvent[] } }).__portal?.events ?? []).map((e) => ({ ...e })))
}

/**
 * An origin that is neither the portal's nor the app's, served by the probe server (it listens on every
 * interface): [::1], or 127.0.0.2 on a machine without an IPv6 loopback.
 */
async function thirdOrigin(): Promise<string> {
  const taken = new Set([new URL(portalOrigin).hostname, new URL(probe.appUrl).hostname])
  for (const candidate of [`http://[::1]:${probe.port}`, `http://127.0.0.2:${probe.port}`]) {
    if (taken.has(new URL(candidate).hostname)) continue
    try {
      if ((await fetch(`${candidate}/favicon.ico`)).status === 204) return candidate
    } catch {
      // not reachable on this machine: try the next one
    }
  }
  throw new Error('no third origin: neither [::1] nor 127.0.0.2 reaches the probe app')
}

async function someUserId(): Promise<number> {
  const state = (await control('state')) as { personas?: Array<{ key: string; userId: number }> }
  const head = state.personas?.find((p) => p.key === 'head') ?? state.personas?.[0]
  if (!head) throw new Error('no personas in /_portal/api/state')
  return head.userId
}

beforeAll(async () => {
  probe = await startProbeServer()
  portal = createPortalServer({ port: 0, appUrl: probe.appUrl, people: 120 })
  await portal.listen()
  portalOrigin = portal.url
  const executablePath = findChromium()
  if (!executablePath) throw new Error('Chromium not found: set CHROMIUM_PATH')
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
}, 60_000)

afterAll(async () => {
  await context?.close().catch(() => undefined)
  await browser?.close().catch(() => undefined)
  await portal?.close().catch(() => undefined)
  await probe?.close().catch(() => undefined)
})

describe('portal page + bridge, with the real SDK in real Chromium', () => {
  it('7.4 #1: the frame name is DOMAIN|PROTOCOL|APP_SID, init resolves, getInitData has the exact types; the POST carries the auth fields', async () => {
    await control('reset', {})
    const before = probe.pageRequests().length
    const { page, app, ready, sid } = await openPortal('persona=admin')
    expect(ready).toMatchObject({ ok: true, isAdmin: true, placement: 'DEFAULT' })

    const host = new URL(portalOrigin).host
    const name = await page.locator(`#appframe_${sid}`).getAttribute('name')
    expect(name).toBe(`${host}|0|${sid}`)
    expect(await page.locator(`#appframe_layout_${sid} > #appframe_${sid}`).count()).toBe(1)
    expect(await page.locator(`#appframe_${sid}`).getAttribute('allow')).toBe('geolocation *; microphone *; camera *; autoplay *;')

    const init = await raw(app, 'getInitData')
    expect(init.replied).toBe(true)
    const data = init.payload as InitReply
    expect(typeof data.AUTH_EXPIRES).toBe('string')
    expect(Number(data.AUTH_EXPIRES)).toBeGreaterThan(0)
    expect(data.PROTOCOL).toBe(0)
    expect(data.DOMAIN).toBe(host)
    expect(data.PATH).toBe('/rest')
    expect(data.PLACEMENT).toBe('DEFAULT')
    expect(data.PLACEMENT_OPTIONS).toEqual([])
    expect(data.IS_ADMIN).toBe(true)
    expect(data.FIRST_RUN).toBe(false) // the SDK's own getInitData came first
    expect(typeof data.USER_OPTIONS === 'object' && data.USER_OPTIONS !== null).toBe(true)
    expect(typeof data.APP_OPTIONS === 'object' && data.APP_OPTIONS !== null).toBe(true)

    // the form POST into the iframe
    const opened = probe.pageRequests().slice(before)
    expect(opened).toHaveLength(1)
    const req = opened[0]!
    expect(req.method).toBe('POST')
    expect(Object.fromEntries(req.query)).toMatchObject({ DOMAIN: host, PROTOCOL: '0', LANG: data.LANG, APP_SID: sid })
    expect(req.body.get('AUTH_ID')).toBe(data.AUTH_ID)
    expect(req.body.get('REFRESH_ID')).toBe(data.REFRESH_ID)
    expect(req.body.get('AUTH_EXPIRES')).toMatch(/^\d+$/)
    expect(req.body.get('member_id')).toBe(data.MEMBER_ID)
    expect(req.body.get('PLACEMENT')).toBe('DEFAULT')
    expect(req.body.get('status')).toBe('L')
    expect(req.body.get('SERVER_ENDPOINT')).toBe('https://oauth.bitrix.info/rest/')
    expect(req.body.get('APPLICATION_TOKEN')).toMatch(/^[0-9a-f]{32}$/)
    expect(req.body.has('APPLICATION_SCOPE')).toBe(true)
    expect(req.body.has('PLACEMENT_OPTIONS')).toBe(false)
    // Chromium itself calls the navigation into the frame cross-site: the portal and the app are two sites
    expect(req.headers['sec-fetch-site']).toBe('cross-site')
    expect(req.headers['sec-fetch-dest']).toBe('iframe')
    await page.close()
  })

  it('7.4 #2: FIRST_RUN=true makes the SDK send setInstall, which gets an echo; afterwards FIRST_RUN is false', async () => {
    await control('reset', {})
    const { page, app, ready } = await openPortal('persona=employee')
    expect(ready).toMatchObject({ ok: true, isFirstRun: true })
    const log = await events(page)
    expect(log.find((e) => e.name === 'setInstall')).toMatchObject({ status: 'reply' })
    expect(((await raw(app, 'getInitData')).payload as InitReply).FIRST_RUN).toBe(false)
    // the portal saves the user option in the background after its echo: the next open reads it once saved
    const saved = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/_portal/api/frame/install')))
    await expect.poll(saved).toBe(true)
    await page.close()

    const again = await openPortal('persona=employee')
    expect(again.ready).toMatchObject({ ok: true, isFirstRun: false })
    expect((await events(again.page)).some((e) => e.name === 'setInstall')).toBe(false)
    await again.page.close()
  })

  it('7.4 #3: wrong origin, wrong APP_SID and unknown commands get no reply', async () => {
    const { page, app, sid } = await openPortal('persona=admin')
    // the app frame is cross-site, as under a real portal (<company>.bitrix24.<tld> around the app's own host):
    // another origin than the portal page, and another site too (another host, not just another port)
    const pageOrigin = await page.evaluate(() => location.origin)
    const appOrigin = await app.evaluate(() => location.origin)
    expect(pageOrigin).toBe(portalOrigin)
    expect(appOrigin).not.toBe(pageOrigin)
    expect(new URL(appOrigin).hostname).not.toBe(new URL(pageOrigin).hostname)
    expect(siteOf(appOrigin)).not.toBe(siteOf(pageOrigin))
    // and the frame messages cross that boundary: the bridge answered the app's messages from the app origin,
    // and everything the app got came from the portal origin
    const answered = (await events(page)).filter((e) => e.status === 'reply')
    expect(answered.length).toBeGreaterThan(0)
    expect(answered.every((e) => e.origin === appOrigin)).toBe(true)
    const got = (await app.evaluate('window.__messages')) as Array<{ origin: string }>
    expect(got.length).toBeGreaterThan(0)
    expect(got.every((m) => m.origin === pageOrigin)).toBe(true)

    // wrong APP_SID and an unknown command, from the right origin
    const [wrongSid, unknown] = await Promise.all([
      raw(app, 'getInitData', undefined, { sid: 'deadbeef', timeoutMs: 700 }),
      raw(app, 'doSomethingElse', { a: 1 }, { timeoutMs: 700 }),
    ])
    expect(wrongSid.replied).toBe(false)
    expect(unknown.replied).toBe(false)

    // a frame on a third origin (neither the portal's 127.0.0.1 nor the app's localhost) posts valid-looking
    // commands with the right APP_SID
    const evil = await thirdOrigin()
    await page.evaluate(
      ([url]) => {
        const f = document.createElement('iframe')
        f.id = 'evil'
        f.src = url!
        document.body.append(f)
      },
      [`${evil}/evil.html?sid=${sid}`],
    )
    await page.waitForFunction(() => {
      const events = (window as unknown as { __portal?: { events: Array<{ status: string; callback: string }> } }).__portal?.events ?? []
      return events.filter((e) => e.status === 'dropped' && e.callback.startsWith('evilcb')).length >= 2
    })
    await page.waitForTimeout(200)
    const received = (await app.evaluate('window.__messages')) as Array<{ data: string }>
    expect(received.some((m) => m.data.startsWith('evilcb'))).toBe(false)
    expect(await page.locator('#pagetitle').textContent()).not.toBe('pwned')
    const log = await events(page)
    expect(log.find((e) => e.name === 'doSomethingElse')?.status).toBe('denied')
    expect(log.find((e) => e.callback.startsWith('evilcb'))?.note).toMatch(/origin/)
    expect(log.find((e) => e.callback.startsWith('evilcb'))?.origin).toBe(evil)
    await page.close()
  })

  it('7.4 #4: after the tokens expire, user.current still succeeds through refreshAuth', async () => {
    const { page, app, ready } = await openPortal('persona=employee')
    expect(ready.ok).toBe(true)
    const first = (await app.evaluate(
      'b24.actions.v2.call.make({ method: "user.current" }).then(r => ({ ok: r.isSuccess, id: r.getData().result.ID }))',
    )) as { ok: boolean; id: string }
    expect(first.ok).toBe(true)
    const tokenBefore = (await app.evaluate('b24.auth.getAuthData().access_token')) as string

    await control('expire-tokens', {})
    const second = (await app.evaluate(
      'b24.actions.v2.call.make({ method: "user.current" }).then(r => ({ ok: r.isSuccess, id: r.getData().result.ID }), e => ({ ok: false, error: String(e) }))',
    )) as { ok: boolean; id?: string; error?: string }
    expect(second).toEqual({ ok: true, id: first.id })
    const tokenAfter = (await app.evaluate('b24.auth.getAuthData().access_token')) as string
    expect(tokenAfter).not.toBe(tokenBefore)
    expect((await events(page)).find((e) => e.name === 'refreshAuth')).toMatchObject({ status: 'reply' })
    // the live log panel got both sides from the SSE stream: the 401, the refresh, the retry
    await page.locator('.pd-log__row[data-name="user.current"][data-status="401"]').first().waitFor({ state: 'attached' })
    await page.locator('.pd-log__row[data-name="refreshAuth"][data-status="reply"]').first().waitFor({ state: 'attached' })
    await page.close()
  })

  it('install lifecycle: an admin gets INSTALL=true, installFinish reloads the portal page installed', async () => {
    const { page, app, ready } = await openPortal('persona=admin&installed=0')
    expect(ready).toMatchObject({ ok: true, isInstallMode: true })
    await Promise.all([
      page.waitForURL(/install_finished=Y/),
      app.evaluate('b24.installFinish()').catch(() => undefined),
    ])
    expect(new URL(page.url()).searchParams.get('installed')).toBe('1')
    const sid = await page.locator('iframe[id^="appframe_"]').first().evaluate((el) => el.id.slice('appframe_'.length))
    const next = await appFrame(page, sid)
    expect(await next.evaluate('window.__ready')).toMatchObject({ ok: true, isInstallMode: false })
    expect((await control('state')) as { installed?: boolean }).toMatchObject({ installed: true })
    await page.close()
  })

  it('7.4 #12: USER_PROFILE_TOOLBAR posts PLACEMENT_OPTIONS as a JSON string, USER_ID is a string, setTitle gets no reply', async () => {
    const owner = await someUserId()
    const before = probe.pageRequests().length
    const { page, app, ready } = await openPortal(`persona=admin&placement=USER_PROFILE_TOOLBAR&placementUserId=${owner}`)
    expect(ready).toMatchObject({ ok: true, placement: 'USER_PROFILE_TOOLBAR' })
    expect(ready.placementOptions?.USER_ID).toBe(String(owner))

    const req = probe.pageRequests().slice(before)[0]!
    expect(req.body.get('PLACEMENT')).toBe('USER_PROFILE_TOOLBAR')
    const posted = req.body.get('PLACEMENT_OPTIONS')
    expect(typeof posted).toBe('string')
    expect(JSON.parse(posted!)).toMatchObject({ USER_ID: String(owner) })

    const data = (await raw(app, 'getInitData')).payload as InitReply
    expect(data.PLACEMENT_OPTIONS).toMatchObject({ USER_ID: String(owner) })
    expect(typeof (data.PLACEMENT_OPTIONS as Record<string, unknown>).USER_ID).toBe('string')

    const titleBefore = await page.locator('#pagetitle').textContent()
    expect((await raw(app, 'setTitle', { title: 'Nope' }, { timeoutMs: 800 })).replied).toBe(false)
    // the SDK resolves by itself after 900 ms (isSafely)
    expect(await app.evaluate('b24.parent.setTitle("Nope either")')).toEqual({ isSafely: true })
    expect(await page.locator('#pagetitle').textContent()).toBe(titleBefore)
    expect((await events(page)).filter((e) => e.name === 'setTitle').every((e) => e.status === 'denied')).toBe(true)
    await page.close()
  })

  it('static=1 opens the app with a plain GET of the query parameters', async () => {
    const before = probe.pageRequests().length
    const { page, ready, sid } = await openPortal('persona=admin&static=1')
    expect(ready.ok).toBe(true)
    const req = probe.pageRequests().slice(before)[0]!
    expect(req.method).toBe('GET')
    expect(req.query.get('APP_SID')).toBe(sid)
    expect([...req.body.keys()]).toEqual([])
    await page.close()
  })

  it('setTitle on DEFAULT updates #pagetitle and document.title (escaped text) and echoes', async () => {
    const { page, app } = await openPortal('persona=admin')
    const title = 'Employees: <b>directory</b>'
    const res = await raw(app, 'setTitle', { title })
    expect(res).toMatchObject({ replied: true, payload: { title } })
    expect(await page.locator('#pagetitle').textContent()).toBe(title)
    expect(await page.locator('#pagetitle b').count()).toBe(0)
    expect(await page.title()).toBe(title)
    expect(await app.evaluate('b24.parent.setTitle("Via SDK")')).toEqual({ title: 'Via SDK' })
    await page.close()
  })

  it('setAppOption persists for an admin (reply = all APP_OPTIONS) and never answers an employee', async () => {
    const admin = await openPortal('persona=admin')
    const res = await raw(admin.app, 'setAppOption', { name: 'theme', value: 'dark' })
    expect(res.replied).toBe(true)
    expect(res.payload).toMatchObject({ theme: 'dark' })
    await admin.page.close()

    const again = await openPortal('persona=admin')
    expect(((await raw(again.app, 'getInitData')).payload as InitReply).APP_OPTIONS).toMatchObject({ theme: 'dark' })
    await again.page.close()

    const employee = await openPortal('persona=employee')
    expect((await raw(employee.app, 'setAppOption', { name: 'theme', value: 'light' }, { timeoutMs: 1000 })).replied).toBe(false)
    expect((await events(employee.page)).find((e) => e.name === 'setAppOption')?.status).toBe('denied')
    const still = (await control('state')) as unknown
    expect(JSON.stringify(still)).not.toContain('"light"')
    await employee.page.close()
  })

  it('openPath of a profile shows a slider and resolves {isClose:true} after closing (button, then Esc); other paths are refused', async () => {
    const id = await someUserId()
    const { page, app } = await openPortal('persona=admin')
    await start(app, '__open', `b24.slider.openPath(b24.slider.getUrl('/company/personal/user/${id}/'))`)
    const slider = page.locator('.pd-slider--path')
    await slider.waitFor()
    const inner = page.frameLocator('.pd-slider--path iframe')
    await inner.locator('.pd-prof__name').waitFor()
    expect(await slider.locator('iframe').getAttribute('src')).toMatch(new RegExp(`^/company/personal/user/${id}/\\?.*IFRAME=Y`))
    await page.locator('.pd-slider__close').click()
    expect(await app.evaluate('window.__open')).toEqual({ isOpenAtNewWindow: false, isClose: true })
    await slider.waitFor({ state: 'detached' })

    await start(app, '__open2', `b24.slider.openPath(b24.slider.getUrl('/company/personal/user/${id}/'), 900)`)
    await page.locator('.pd-slider--path').waitFor()
    await page.keyboard.press('Escape')
    expect(await app.evaluate('window.__open2')).toEqual({ isOpenAtNewWindow: false, isClose: true })

    const refused = await app.evaluate(`b24.slider.openPath(b24.slider.getUrl('/bitrix/admin/')).then(() => 'resolved', e => e.message)`)
    expect(refused).toBe('PATH_NOT_AVAILABLE')
    await page.close()
  })

  it('resizeWindow sets the layout size and answers the measured size', async () => {
    const { page, app, sid } = await openPortal('persona=admin')
    expect(await app.evaluate('b24.parent.resizeWindow(640, 777)')).toEqual({ width: 640, height: 777 })
    const box = await page.locator(`#appframe_layout_${sid}`).boundingBox()
    expect(Math.round(box!.height)).toBe(777)
    expect(Math.round(box!.width)).toBe(640)
    const fit = (await raw(app, 'resizeWindow', { width: '100%', height: 1250 })).payload as { width: number; height: number }
    expect(fit.height).toBe(1250)
    expect(fit.width).toBeGreaterThan(640)
    await page.close()
  })

  it('openApplication opens the app again in a slider (own APP_SID, PLACEMENT_OPTIONS, resizeWindow denied); closeApplication closes it', async () => {
    const { page, app, sid } = await openPortal('persona=admin')
    await start(app, '__sliderApp', `b24.slider.openSliderAppPage({ view: 'person', id: 7, bx24_title: 'Card', bx24_width: 900 })`)
    const outer = page.frameLocator('.pd-slider--app iframe')
    const innerSid = await outer.locator('iframe[id^="appframe_"]').evaluate((el) => el.id.slice('appframe_'.length))
    expect(innerSid).not.toBe(sid)
    const sliderPage = page.frames().find((f) => f.url().includes('/_portal/frame-slider'))!
    const inner = await appFrame(sliderPage, innerSid)
    const ready = (await inner.evaluate('window.__ready')) as ProbeReady
    expect(ready).toMatchObject({ ok: true, placement: 'DEFAULT', placementOptions: { view: 'person', id: '7' } })
    expect(await page.locator('.pd-slider--app .pd-slider__title').textContent()).toBe('Card')
    expect((await raw(inner, 'resizeWindow', { width: 100, height: 100 }, { timeoutMs: 600 })).replied).toBe(false)
    expect(await inner.evaluate('b24.parent.closeApplication().then(() => "closed")')).toBe('closed')
    expect(await app.evaluate('window.__sliderApp')).toBe('')
    await page.locator('.pd-slider--app').waitFor({ state: 'detached' })
    // closeApplication outside a slider: no reply at all
    expect((await raw(app, 'closeApplication', undefined, { timeoutMs: 600 })).replied).toBe(false)
    await page.close()
  })

  it('selectUser opens a picker and answers the SDK shape; cancel answers null', async () => {
    const { page, app } = await openPortal('persona=admin')
    await start(app, '__pick', 'b24.dialog.selectUser()')
    const first = page.locator('.pd-modal [data-user-id]').first()
    await first.waitFor()
    const id = await first.getAttribute('data-user-id')
    await first.click()
    const picked = (await app.evaluate('window.__pick')) as Record<string, unknown>
    expect(picked).toMatchObject({ id: String(id), url: `/company/personal/user/${id}/`, sub: false, sup: false })
    expect(typeof picked.name).toBe('string')

    await start(app, '__pick2', 'b24.dialog.selectUser()')
    await page.locator('.pd-modal').waitFor()
    await page.keyboard.press('Escape')
    expect(await app.evaluate('window.__pick2')).toBeNull()
    await page.close()
  })

  it('the scenario switcher reloads with query parameters; the controls call the control API', async () => {
    const { page } = await openPortal('persona=admin')
    await page.selectOption('#pd-scenario select[name="persona"]', 'employee')
    await page.selectOption('#pd-scenario select[name="placement"]', 'USER_PROFILE_MENU')
    await page.selectOption('#pd-scenario select[name="lang"]', 'de')
    await page.uncheck('#pd-scenario input[name="scope"][value="department"]')
    await page.check('#pd-scenario input[name="static"][type="checkbox"]')
    await Promise.all([page.waitForURL(/placement=USER_PROFILE_MENU/), page.click('#pd-scenario button[type="submit"]')])
    const q = new URL(page.url()).searchParams
    expect(Object.fromEntries(q)).toMatchObject({ persona: 'employee', placement: 'USER_PROFILE_MENU', lang: 'de', static: '1', installed: '1' })
    expect(q.get('scope')?.split(',')).not.toContain('department')
    const sid = await page.locator('iframe[id^="appframe_"]').first().evaluate((el) => el.id.slice('appframe_'.length))
    const app = await appFrame(page, sid)
    expect(await app.evaluate('window.__ready')).toMatchObject({ ok: true, placement: 'USER_PROFILE_MENU', lang: 'de' })

    await page.fill('#pd-controls input[name="faultCount"]', '2')
    await page.selectOption('#pd-controls select[name="faultCode"]', 'INTERNAL_SERVER_ERROR')
    await page.fill('#pd-controls input[name="faultMethods"]', 'user.get')
    await page.click('#pd-controls button[data-action="fault"]')
    await expect.poll(async () => JSON.stringify(await control('faults'))).toContain('INTERNAL_SERVER_ERROR')
    expect(await control('faults')).toEqual([expect.objectContaining({ code: 'INTERNAL_SERVER_ERROR', count: 2, methods: ['user.get'] })])
    await page.click('#pd-controls button[data-action="clear-faults"]')
    await expect.poll(async () => (await control('faults')) as unknown[]).toEqual([])
    await page.fill('#pd-controls input[name="latencyMs"]', '5')
    await page.click('#pd-controls button[data-action="latency"]')
    await expect.poll(async () => ((await control('state')) as { config: { latencyMs: number } }).config.latencyMs).toBe(5)
    await control('config', { latencyMs: 0 })
    await page.close()
  })

  it('serves escaped profile pages, avatars and a not-installed page for non-admins', async () => {
    const id = await someUserId()
    const profile = await fetch(`${portalOrigin}/company/personal/user/${id}/`)
    expect(profile.status).toBe(200)
    const html = await profile.text()
    expect(html).toContain(`placement=USER_PROFILE_TOOLBAR&amp;placementUserId=${id}`)
    expect((await fetch(`${portalOrigin}/company/personal/user/999999/`)).status).toBe(404)

    const avatar = await fetch(`${portalOrigin}/_portal/avatar/${id}.png`)
    expect(avatar.headers.get('content-type')).toBe('image/png')
    expect(avatar.headers.get('access-control-allow-origin')).toBe('*')
    expect(avatar.headers.get('cache-control')).toMatch(/max-age/)
    // a PNG signature, and a picture only: no name of the person's is written into it
    expect(Buffer.from(await avatar.arrayBuffer()).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))

    // fixture names deliberately contain HTML: it must come out as text
    const tricky = portal.store.fixtures.users.find((u) => u.EXTERNAL_AUTH_ID === null && /[<>]/.test(`${u.NAME}${u.LAST_NAME}${u.WORK_POSITION}`))
    expect(tricky).toBeDefined()
    if (tricky) {
      const page = await (await fetch(`${portalOrigin}/company/personal/user/${tricky.ID}/`)).text()
      for (const text of [tricky.NAME, tricky.LAST_NAME, tricky.WORK_POSITION].filter((t) => /[<>]/.test(t))) {
        expect(page).not.toContain(text)
        expect(page).toContain(text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;'))
      }
    }

    const notInstalled = await (await fetch(`${portalOrigin}/?persona=employee&installed=0`)).text()
    expect(notInstalled).toContain('installation is not finished')
    expect(notInstalled).not.toContain('appframe_')
    const installer = await (await fetch(`${portalOrigin}/?persona=admin&installed=0`)).text()
    expect(installer).toContain('appframe_layout_')
    expect(installer).toContain('"INSTALL":true')
  })
})
