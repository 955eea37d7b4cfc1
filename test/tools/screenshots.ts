/**
 * `npm run screenshots`: pictures of the built app inside the stand-in portal, for the README and for
 * reviewing how the app looks. Needs `npm run build` first. Writes docs/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs'
import { preview } from 'vite'
import { chromium, type Page } from '@playwright/test'
import { DEFAULT_APP_HOST } from '../portal/config'
import { createPortalServer } from '../portal/server'
import { CHROMIUM_ARGS, STORAGE_ALLOWED_ARGS, ensureChromium } from './chromium'

const APP_PORT = 4191
const OUT = 'docs/screenshots'

interface Shot {
  name: string
  query: string
  width: number
  dark?: boolean
  /** what to do in the app before the picture */
  prepare?: (page: Page) => Promise<void>
  /** a view without the people grid (placements, installer) */
  rowless?: boolean
  /** a browser that keeps nothing for the cross-site frame (third-party cookies blocked, incognito) */
  storageBlocked?: boolean
  /** the app's frame alone, this many px wide: the width a portal gives it beside its own menu */
  frameWidth?: number
}

const app = (page: Page) => page.frameLocator('iframe[id^="appframe_"]')

const SHOTS: Shot[] = [
  { name: 'directory', query: 'persona=employee', width: 1600 },
  {
    name: 'directory-search',
    query: 'persona=employee',
    width: 1600,
    prepare: async (page) => {
      await app(page).getByRole('searchbox').fill('bdfy')
    },
  },
  { name: 'directory-ru-dark', query: 'persona=employee&lang=ru', width: 1280, dark: true },
  { name: 'directory-narrow', query: 'persona=admin', width: 400 },
  { name: 'directory-brief-scope', query: 'persona=employee&scope=user_brief,placement', width: 1280 },
  {
    name: 'person-card',
    query: 'persona=employee',
    width: 1600,
    prepare: async (page) => {
      await app(page).getByTestId('person-row').nth(2).click()
      await app(page).getByTestId('person-card').waitFor()
    },
  },
  {
    name: 'structure',
    query: 'persona=employee',
    width: 1600,
    prepare: async (page) => {
      await app(page).getByTestId('nav-structure').click()
      await app(page).getByRole('tree').waitFor()
    },
  },
  // the frame alone at the widths a portal gives it (about 1,000–1,330 px beside its menu), and wider
  ...[1000, 1280, 1600].map((frameWidth) => ({ name: `frame-${frameWidth}`, query: 'persona=employee', width: frameWidth + 600, frameWidth })),
  {
    name: 'frame-1000-admin-lists',
    query: 'persona=admin&scope=user,department,placement',
    width: 1600,
    frameWidth: 1000,
    prepare: async (page: Page) => {
      await app(page).getByTestId('nav-admin').click()
      await app(page).getByTestId('nav-admin-lists').click()
      await app(page).getByTestId('list-inactive').click()
      await app(page).getByTestId('person-row').first().waitFor()
    },
  },
  { name: 'storage-blocked', query: 'persona=employee', width: 1280, storageBlocked: true },
  {
    name: 'unexpected-error',
    query: 'persona=employee',
    width: 1280,
    prepare: async (page) => {
      const frame = page.frames().find((f) => f.url().includes(`:${APP_PORT}/`))!
      await frame.evaluate(() => void Promise.reject(new Error('A handler failed', { cause: new Error('the reason behind it') })))
      await app(page).getByTestId('crash-panel').getByText('Details for support').click()
    },
  },
  { name: 'profile-menu', query: 'persona=head&placement=USER_PROFILE_MENU', width: 1280, rowless: true },
  { name: 'install', query: 'persona=admin&installed=0&scope=user_basic,department', width: 1280, rowless: true },
  {
    name: 'admin-people',
    query: 'persona=admin&scope=user,department,placement',
    width: 1600,
    prepare: async (page) => {
      await app(page).getByTestId('nav-admin').click()
      // everyone, dismissed people included: the list is complete once the count shows
      await app(page).getByTestId('people-count').filter({ hasText: /\d/ }).waitFor()
    },
  },
  {
    name: 'admin-lists',
    query: 'persona=admin&scope=user,department,placement',
    width: 1600,
    prepare: async (page) => {
      await app(page).getByTestId('nav-admin').click()
      await app(page).getByTestId('nav-admin-lists').click()
      await app(page).getByTestId('list-inactive').click()
      await app(page).getByTestId('person-row').first().waitFor()
    },
  },
  {
    name: 'admin-charts',
    query: 'persona=admin&scope=user,department,placement',
    width: 1600,
    prepare: async (page) => {
      await app(page).getByTestId('nav-admin').click()
      await app(page).getByTestId('nav-admin-charts').click()
      await app(page).getByTestId('chart-completeness').locator('svg').first().waitFor()
    },
  },
  {
    name: 'admin-charts-ru-dark',
    query: 'persona=admin&lang=ru',
    width: 1280,
    dark: true,
    prepare: async (page) => {
      await app(page).getByTestId('nav-admin').click()
      await app(page).getByTestId('nav-admin-charts').click()
      await app(page).getByTestId('chart-completeness').locator('svg').first().waitFor()
    },
  },
  {
    name: 'admin-access',
    query: 'persona=admin',
    width: 1280,
    prepare: async (page) => {
      await app(page).getByTestId('nav-admin').click()
      await app(page).getByTestId('nav-admin-settings').click()
      await app(page).getByTestId('admin-settings').waitFor()
    },
  },
]

/** Each main view in light and dark, English and Russian, at 1280 and 400 px: docs/screenshots/matrix/. */
const MATRIX_VIEWS: { view: string; query: string; prepare?: Shot['prepare'] }[] = [
  { view: 'directory', query: 'persona=employee' },
  {
    view: 'person-card',
    query: 'persona=employee',
    prepare: async (page) => {
      await app(page).getByTestId('person-row').nth(2).click()
      await app(page).getByTestId('person-card').waitFor()
    },
  },
  {
    view: 'structure',
    query: 'persona=employee',
    prepare: async (page) => {
      await app(page).getByTestId('nav-structure').click()
      await app(page).getByRole('tree').waitFor()
    },
  },
  {
    view: 'admin-lists',
    query: 'persona=admin&scope=user,department,placement',
    prepare: async (page) => {
      await app(page).getByTestId('nav-admin').click()
      await app(page).getByTestId('nav-admin-lists').click()
      await app(page).getByTestId('list-incomplete').click()
    },
  },
  {
    view: 'admin-charts',
    query: 'persona=admin&scope=user,department,placement',
    prepare: async (page) => {
      await app(page).getByTestId('nav-admin').click()
      await app(page).getByTestId('nav-admin-charts').click()
      await app(page).getByTestId('chart-status').locator('svg').first().waitFor()
    },
  },
]
for (const { view, query, prepare } of MATRIX_VIEWS) {
  for (const lang of ['en', 'ru']) {
    for (const dark of [false, true]) {
      for (const width of [1280, 400]) {
        SHOTS.push({ name: `matrix/${view}-${lang}-${dark ? 'dark' : 'light'}-${width}`, query: `${query}&lang=${lang}`, width, dark, prepare })
      }
    }
  }
}

// `npm run screenshots -- admin` takes only the pictures whose name starts with "admin"
const only = process.argv[2]

const executablePath = ensureChromium()
mkdirSync(`${OUT}/matrix`, { recursive: true })
const appServer = await preview({ preview: { port: APP_PORT, strictPort: true }, logLevel: 'error' })
// the app on localhost, the portal on its default host (127.0.0.1): framed cross-site, as on a real portal
const appUrl = `http://${DEFAULT_APP_HOST}:${APP_PORT}/`
const portal = createPortalServer({ port: 0, appUrl, people: 2000 })
await portal.listen()
// pictures show the app as most viewers get it, with storage; one shows a browser that keeps nothing
const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...STORAGE_ALLOWED_ARGS] })
const blockedBrowser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
try {
  for (const shot of SHOTS.filter((s) => !only || s.name.startsWith(only))) {
    const context = await (shot.storageBlocked ? blockedBrowser : browser).newContext({
      viewport: { width: shot.width, height: 900 },
      colorScheme: shot.dark ? 'dark' : 'light',
    })
    const page = await context.newPage()
    // the portal's own origin (portal.url), never localhost: the SDK checks messages against DOMAIN
    await page.goto(`${portal.url}/?${shot.query}`)
    if (shot.rowless) await app(page).locator('main').first().waitFor({ timeout: 60_000 })
    else await app(page).getByTestId('person-row').first().waitFor({ timeout: 60_000 })
    const frame = page.locator('iframe[id^="appframe_"]')
    if (shot.frameWidth) await frame.evaluate((f, w) => void ((f as HTMLIFrameElement).style.cssText = `width:${w}px;height:820px`), shot.frameWidth)
    await shot.prepare?.(page)
    await page.waitForTimeout(1500)
    if (shot.frameWidth) await frame.screenshot({ path: `${OUT}/${shot.name}.png` })
    else await page.screenshot({ path: `${OUT}/${shot.name}.png` })
    console.log(`${OUT}/${shot.name}.png`)
    await context.close()
  }
  // the app on its own, outside any portal
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } })
  await page.goto(appUrl)
  await page.getByTestId('outside-portal').waitFor()
  await page.screenshot({ path: `${OUT}/outside-portal.png` })
  console.log(`${OUT}/outside-portal.png`)
} finally {
  await browser.close()
  await blockedBrowser.close()
  await portal.close()
  await new Promise<void>((resolve) => appServer.httpServer.close(() => resolve()))
}
