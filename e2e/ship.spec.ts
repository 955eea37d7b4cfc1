import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, extname, join, normalize } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { unzipSync } from 'fflate'
import { createPortalServer, type PortalServer } from '../test/portal/server'
import { packageApp } from '../test/tools/package'
import { APP_PORT } from '../playwright.config'
import { peopleCount } from './portal'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2', '.json': 'application/json', '.png': 'image/png',
}

/** A plain static host for an unpacked package that, like the hosting guide asks, answers POST as GET. */
async function serveStatic(root: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '')
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path)
    try {
      const body = readFileSync(file)
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      res.end(body)
    } catch {
      res.writeHead(404)
      res.end()
    }
  })
  await new Promise<void>((resolve) => server.listen(0, 'localhost', resolve))
  return { url: `http://localhost:${(server.address() as AddressInfo).port}/`, server }
}

function unpack(zip: string): string {
  const root = mkdtempSync(join(tmpdir(), 'pd-static-'))
  for (const [name, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
    if (name.endsWith('/')) continue
    mkdirSync(dirname(join(root, name)), { recursive: true })
    writeFileSync(join(root, name), bytes)
  }
  return root
}

async function shownCount(page: Page, expected: number) {
  const app = page.frameLocator('iframe[id^="appframe_"]')
  await expect(app.getByTestId('people-count')).toHaveText(peopleCount(expected), { timeout: 30_000 })
}

test.describe('the package', () => {
  let host: { url: string; server: Server }
  let portal: PortalServer

  test.beforeAll(async () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
    const { path } = packageApp(version)
    expect(path).toContain(`people-directory-${version}.zip`)
    const root = unpack(path)
    expect(readFileSync(join(root, 'index.html'), 'utf8')).toContain('./assets/')
    host = await serveStatic(root)
    portal = createPortalServer({ port: 0, appUrl: host.url, people: 300 })
    await portal.listen()
  })
  test.afterAll(async () => {
    await portal.close()
    await new Promise((resolve) => host.server.close(resolve))
  })

  for (const open of ['GET', 'POST'] as const) {
    test(`unpacked on a static host, boots inside the portal through a ${open} open`, async ({ page }) => {
      const viewer = portal.store.personaUserId('employee')
      await page.goto(`${portal.url}/?persona=employee${open === 'GET' ? '&static=1' : ''}`)
      await shownCount(page, portal.store.visibleActiveCount(viewer))
    })
  }
})

test.describe('the bridge to a real portal', () => {
  let remote: PortalServer
  let local: PortalServer
  let webhook: string

  test.beforeAll(async () => {
    remote = createPortalServer({ port: 0, appUrl: `http://localhost:${APP_PORT}/`, people: 120, seed: 42 })
    await remote.listen()
    const hook = remote.store.addWebhook(remote.store.personaUserId('admin'), ['user_basic', 'department'])
    webhook = `${remote.url}/rest/${hook.userId}/${hook.secret}/`
    local = createPortalServer({ port: 0, appUrl: `http://localhost:${APP_PORT}/`, people: 500, webhook })
    await local.listen()
  })
  test.afterAll(async () => {
    await local.close()
    await remote.close()
  })

  test('shows the real portal\'s people, and the webhook secret never reaches the browser', async ({ page }) => {
    const secret = /\/rest\/\d+\/([^/]+)\//.exec(webhook)![1]!
    const seen: string[] = []
    const bodies: Promise<void>[] = []
    page.on('request', (request) => seen.push(`${request.url()} ${request.postData() ?? ''}`))
    page.on('response', (response) => {
      // the portal page's live log is an endless stream: its entries are read from the log API below instead
      if ((response.headers()['content-type'] ?? '').includes('text/event-stream')) return
      const body = response.text().then(
        (text) => void seen.push(text),
        // redirects and aborted requests have no body to read
        () => undefined,
      )
      // a response that is still streaming when the page is checked is read no further
      bodies.push(Promise.race([body, new Promise<void>((resolve) => setTimeout(resolve, 3_000))]))
    })
    await page.goto(`${local.url}/?persona=employee`)
    const expected = remote.store.visibleActiveCount(remote.store.personaUserId('admin'))
    expect(expected).not.toBe(local.store.visibleActiveCount(local.store.personaUserId('employee')))
    await shownCount(page, expected)
    // a person only the real portal has
    const someone = remote.store.fixtures.users.find((u) => u.ACTIVE && u.USER_TYPE === 'employee' && u.UF_DEPARTMENT.length)!
    const app = page.frameLocator('iframe[id^="appframe_"]')
    await app.getByRole('searchbox').fill(`${someone.NAME} ${someone.LAST_NAME}`)
    await expect(app.getByTestId('person-row').first()).toContainText(someone.LAST_NAME)

    for (const frame of page.frames()) seen.push(await frame.content())
    seen.push(JSON.stringify(local.store.log.since(0)))
    await Promise.all(bodies)
    expect(seen.length).toBeGreaterThan(10)
    expect(seen.join('\n')).not.toContain(secret)
  })
})
