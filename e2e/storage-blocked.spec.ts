import { expect, test, type FrameLocator, type Page } from '@playwright/test'
import { APP_PORT } from '../playwright.config'
import { controlPost, expectedCount, grid, logPosition, openPortal, peopleCount, persona, portalLog } from './portal'

/**
 * The main paths in a browser that keeps nothing for an app framed cross-site: Chromium as Playwright launches
 * it, like Chrome with third-party cookies blocked, in incognito or under company policy. The app must work
 * as well as anywhere, say once that each visit loads afresh, and keep the viewer's choices in the portal.
 */

async function openLoaded(page: Page, who: 'employee' | 'admin' = 'employee', query: Record<string, string> = {}) {
  const viewer = await persona(page.request, who)
  const count = await expectedCount(page.request, viewer.userId)
  const app = await openPortal(page, { persona: who, ...query })
  await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 30_000 })
  return { app, count, viewer }
}

function appDocument(page: Page) {
  return page.frames().find((f) => f.url().includes(`:${APP_PORT}/`))!
}

const headers = async (app: FrameLocator) => (await app.getByRole('columnheader').allTextContents()).map((h) => h.trim())

test.describe('in a browser that keeps nothing for embedded apps', () => {
  test.afterEach(async ({ request }) => {
    await controlPost(request, 'reset', {})
  })

  test('the frame really gets no storage here', async ({ page }) => {
    await openLoaded(page)
    const probe = await appDocument(page).evaluate(async () => {
      let local = 'usable'
      try {
        void window.localStorage.length
      } catch (error) {
        local = (error as Error).name
      }
      const database = await new Promise<string>((resolve) => {
        const open = indexedDB.open('storage-probe')
        open.onsuccess = () => resolve('usable')
        open.onerror = () => resolve(open.error?.name ?? 'error')
      })
      return { local, database }
    })
    expect(probe.local).toBe('SecurityError')
    expect(probe.database).not.toBe('usable')
  })

  test('the directory loads completely, says so quietly, and searches, filters and opens a card', async ({ page }) => {
    const { app, count, viewer } = await openLoaded(page)
    await expect(app.getByTestId('people-count')).toHaveText(peopleCount(count))
    await expect(app.getByTestId('storage-notice')).toHaveText(/keeps nothing for apps inside Bitrix24/)
    await expect(app.getByTestId('crash-panel')).toHaveCount(0)
    await expect(app.getByTestId('load-error')).toHaveCount(0)

    const surname = viewer.name.split(' ').at(-1)!
    await app.getByRole('searchbox').fill(surname)
    await expect(app.getByTestId('person-row').first()).toContainText(surname)
    await app.getByRole('searchbox').fill('')

    // the filter panel sits behind its button in a frame this narrow
    const filtersButton = app.getByRole('button', { name: 'Filters', exact: true })
    await filtersButton.click()
    await app.getByTestId('directory-filters').getByRole('checkbox', { name: /Online now/ }).click()
    await expect(app.getByTestId('people-count')).toHaveText(new RegExp(`^[\\d,]+ of ${peopleCount(count)}$`))
    await filtersButton.click()

    await app.getByTestId('person-row').first().click()
    await expect(app.getByTestId('person-card').getByTestId('person-name')).toBeVisible()
  })

  test('the first page is asked for while the app itself is still on its way', async ({ page, request }) => {
    // Nothing can be kept here, so the open is known to be cold from the start: the first page by name leaves
    // beside the viewer's own question, before the app (Vue, the kit, the views) has arrived and been evaluated.
    const viewer = await persona(page.request, 'employee')
    const count = await expectedCount(page.request, viewer.userId)
    const since = await logPosition(request)
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let holding = false
    await page.route('**/assets/mount-app-*.js', async (route) => {
      holding = true
      await held
      await route.continue()
    })
    const app = await openPortal(page, { persona: 'employee' })
    const askedForPeople = async () =>
      (await portalLog(request, since)).some((e) => e.kind === 'rest' && e.name === 'batch' && String(e.detail).includes('user.get'))
    await expect.poll(askedForPeople, { timeout: 15_000 }).toBe(true)
    // the app was really held back meanwhile: its chunk was asked for, and nothing of it is on screen
    expect(holding).toBe(true)
    await expect(app.getByTestId('person-row')).toHaveCount(0)
    release()
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 30_000 })
    await expect(app.getByTestId('load-error')).toHaveCount(0)
  })

  test('a reopen loads afresh, and the chosen columns come back from the portal', async ({ page, request }) => {
    const { app } = await openLoaded(page)
    await app.getByTestId('columns-button').click()
    await app.getByTestId('columns-menu').getByRole('checkbox', { name: 'E-mail' }).click()
    await page.keyboard.press('Escape')
    await expect(app.getByRole('columnheader', { name: 'E-mail' })).toHaveCount(0)
    const chosen = await headers(app)
    // the choice reaches the portal a moment after the last change
    await expect
      .poll(async () => (await portalLog(request)).some((e) => e.kind === 'frame' && e.name === 'setUserOption'), { timeout: 10_000 })
      .toBe(true)

    const since = await logPosition(request)
    const { app: again } = await openLoaded(page)
    expect(await headers(again)).toEqual(chosen)
    await expect(again.getByTestId('cache-notice')).toHaveCount(0)
    const reads = (await portalLog(request, since)).filter((e) => e.kind === 'rest' && e.name === 'batch')
    expect(reads.length, 'nothing was kept, so the people are read again').toBeGreaterThan(0)
  })

  test('the structure and the admin views work', async ({ page }) => {
    const { app, count } = await openLoaded(page, 'admin', { scope: 'user,department,placement' })
    await app.getByTestId('nav-structure').click()
    await expect(app.getByRole('tree')).toBeVisible({ timeout: 30_000 })
    await expect(app.getByRole('treeitem').first()).toHaveAttribute('aria-level', '1')

    await app.getByTestId('nav-admin').click()
    await expect(app.getByTestId('admin-view')).toBeVisible()
    await expect(app.getByTestId('people-count')).toHaveText(/people/, { timeout: 30_000 })
    expect(count).toBeGreaterThan(0)
    await app.getByTestId('nav-admin-lists').click()
    await expect(app.getByTestId('crash-panel')).toHaveCount(0)
    await app.getByTestId('nav-admin-charts').click()
    await expect(app.locator('svg').first()).toBeVisible({ timeout: 30_000 })
    await expect(app.getByTestId('crash-panel')).toHaveCount(0)
  })
})
