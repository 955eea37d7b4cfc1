import { expect, test, type FrameLocator, type Page } from '@playwright/test'
import { appFrame, expectedCount, grid, openPortal, persona } from './portal'
import { APP_PORT, PORTAL_ORIGIN } from '../playwright.config'

/**
 * Every view as a portal address: "Copy link" copies the app's page on the portal with the view under
 * `params[view]`, the portal hands that on to the frame as PLACEMENT_OPTIONS, and the app opens on it; a
 * reload of the portal page keeps the view (the portal's address cannot change, so the app keeps it itself).
 */

const KEPT = 'people-directory:view'

function appDocument(page: Page) {
  return page.frames().find((f) => f.url().includes(`:${APP_PORT}/`))!
}

/** The in-app address a copied link carries. */
function linkedView(link: string): string {
  const url = new URL(link)
  expect(url.origin + url.pathname).toBe(`${PORTAL_ORIGIN}/marketplace/app/1/`)
  return url.searchParams.get('params[view]') ?? ''
}

/** What "Copy link" put on the clipboard (the frame copies; the portal page reads it back). */
async function copied(page: Page, button: ReturnType<FrameLocator['getByTestId']>): Promise<string> {
  await page.evaluate(() => navigator.clipboard.writeText(''))
  await button.click()
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^http/)
  return page.evaluate(() => navigator.clipboard.readText())
}

/** Waits until the view is kept for this tab, so a reload finds it. */
async function keptFor(page: Page, part: string) {
  await expect
    .poll(() => appDocument(page).evaluate((key) => sessionStorage.getItem(key) ?? '', KEPT), { timeout: 10_000 })
    .toContain(part)
}

async function openLoaded(page: Page, who: 'employee' | 'admin' = 'employee') {
  const viewer = await persona(page.request, who)
  const count = await expectedCount(page.request, viewer.userId)
  const app = await openPortal(page, { persona: who })
  await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 30_000 })
  return app
}

/**
 * Runs `use` on the filter panel: beside the list in a wide frame, behind the Filters button in a narrow one
 * (which then hides the list, so the panel is closed again afterwards).
 */
async function withFilters(app: FrameLocator, use: (panel: ReturnType<FrameLocator['getByTestId']>) => Promise<void>) {
  const panel = app.getByTestId('directory-filters')
  const button = app.getByRole('button', { name: 'Filters', exact: true })
  const narrow = !(await panel.isVisible())
  if (narrow) await button.click()
  await expect(panel).toBeVisible()
  await use(panel)
  if (narrow) await button.click()
}

/** The directory shows this search, the Position sort and the card of `name`, filtered to people online now: `count` of them. */
async function expectSharedView(page: Page, name: string, count: string) {
  const app = appFrame(page)
  await expect(app.getByTestId('person-card').getByTestId('person-name')).toHaveText(name, { timeout: 30_000 })
  // the card is a modal panel: what lies behind it is hidden from the accessibility tree meanwhile
  await expect(app.getByRole('searchbox', { includeHidden: true })).toHaveValue('an')
  await expect(app.getByRole('columnheader', { name: /Position/, includeHidden: true })).toHaveAttribute('aria-sort', 'ascending')
  // as many match; the whole count is the viewer's own (a head and an employee may each see someone the other does not)
  await expect(app.getByTestId('people-count')).toHaveText(new RegExp(`^${count.split(' of ')[0]} of `), { timeout: 30_000 })
  expect(appDocument(page).url()).toContain('online=1')
}

test.describe('a view as a portal link', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] })

  test('"Copy link" opens the same search, filters, sort and card for a colleague, and a reload keeps it', async ({ page }) => {
    const app = await openLoaded(page)
    await app.getByRole('searchbox').fill('an')
    await app.getByRole('columnheader', { name: /Position/ }).getByRole('button').click()
    await withFilters(app, (panel) => panel.getByRole('checkbox', { name: /Online now/ }).click())
    const count = (await app.getByTestId('people-count').textContent())!
    await app.getByTestId('person-row').first().click()
    const card = app.getByTestId('person-card')
    const name = (await card.getByTestId('person-name').textContent())!
    // the view reaches the frame's address a moment after the last change
    await expect.poll(() => appDocument(page).url()).toMatch(/online=1/)
    await expect.poll(() => appDocument(page).url()).toMatch(/person=\d+/)

    const link = await copied(page, card.getByTestId('copy-link'))
    const view = linkedView(link)
    expect(view).toMatch(/^\/\?/)
    for (const part of ['q=an', 'sort=position', 'online=1', 'person=']) expect(view).toContain(part)
    // nothing of the viewer travels in the link: no token, no frame parameters
    expect(link).not.toMatch(/AUTH_ID|APP_SID|DOMAIN=/)

    // a colleague follows the link in the portal (the stand-in's persona switch says who)
    const colleague = await page.context().newPage()
    await colleague.goto(`${link}&persona=head`)
    await expectSharedView(colleague, name, count)

    // a reload of the portal page, the link still in its address
    await colleague.reload()
    await expectSharedView(colleague, name, count)
  })

  test('a reload of the portal page keeps the view, and what was done since following a link', async ({ page }) => {
    const app = await openLoaded(page)
    await app.getByTestId('nav-structure').click()
    await expect(app.getByRole('tree')).toBeVisible({ timeout: 30_000 })
    await keptFor(page, '/structure')
    await page.reload()
    await expect(appFrame(page).getByRole('tree')).toBeVisible({ timeout: 30_000 })

    const link = `/marketplace/app/1/?params%5Bview%5D=${encodeURIComponent('/?q=an')}&persona=employee`
    await page.goto(link)
    const linked = appFrame(page)
    await expect(linked.getByRole('searchbox')).toHaveValue('an', { timeout: 30_000 })
    await withFilters(linked, (panel) => panel.getByRole('checkbox', { name: /Online now/ }).click())
    await keptFor(page, 'online=1')
    await page.reload()
    const again = appFrame(page)
    await expect(again.getByRole('searchbox')).toHaveValue('an', { timeout: 30_000 })
    await withFilters(again, (panel) => expect(panel.getByRole('checkbox', { name: /Online now/ })).toBeChecked())
  })

  test('the structure and the admin views copy links that open them', async ({ page }) => {
    const app = await openLoaded(page, 'admin')
    await app.getByTestId('nav-structure').click()
    await expect(app.getByRole('tree')).toBeVisible({ timeout: 30_000 })
    expect(linkedView(await copied(page, app.getByTestId('copy-link')))).toBe('/structure')

    await app.getByTestId('nav-admin').click()
    await app.getByTestId('nav-admin-lists').click()
    await app.getByTestId('list-dismissed').click()
    await expect(app.getByTestId('list-dismissed')).toHaveAttribute('aria-current', 'page')
    const link = await copied(page, app.getByTestId('copy-link'))
    expect(linkedView(link)).toBe('/admin/lists/dismissed')

    const other = await page.context().newPage()
    await other.goto(`${link}&persona=admin`)
    const opened = appFrame(other)
    await expect(opened.getByTestId('list-dismissed')).toHaveAttribute('aria-current', 'page', { timeout: 30_000 })
    await expect(opened.locator('[data-list="dismissed"]')).toBeAttached()
  })

  test('a link the app cannot use whole says so, in the viewer\'s language, and the view still works', async ({ page }) => {
    const partial = encodeURIComponent('/?q=an&sort=password&dept=abc')
    await page.goto(`/marketplace/app/1/?params%5Bview%5D=${partial}&persona=employee`)
    const app = appFrame(page)
    await expect(app.getByTestId('link-notice')).toContainText('Part of this link could not be used', { timeout: 30_000 })
    await expect(app.getByRole('searchbox')).toHaveValue('an')
    await expect(app.getByTestId('person-row').first()).toBeVisible()

    await page.goto(`/marketplace/app/1/?params%5Bview%5D=javascript%3Aalert(1)&persona=employee&lang=ru`)
    const damaged = appFrame(page)
    await expect(damaged.getByTestId('link-notice')).toContainText('Не удалось открыть ссылку', { timeout: 30_000 })
    await expect(damaged.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 })
    await damaged.getByTestId('link-notice').getByRole('button').click()
    await expect(damaged.getByTestId('link-notice')).toHaveCount(0)
  })
})
