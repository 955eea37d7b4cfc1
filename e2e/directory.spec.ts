import { expect, test, type FrameLocator, type Page } from '@playwright/test'
import { appFrame, controlPost, expectedCount, grid, openPortal, peopleCount, persona, portalLog, rest } from './portal'
import { APP_PORT, SUITE_PEOPLE } from '../playwright.config'

/** What a Russian word looks like when typed with the Latin layout switched on (ЙЦУКЕН keys on QWERTY). */
const KEYS = [
  ['й', 'q'], ['ц', 'w'], ['у', 'e'], ['к', 'r'], ['е', 't'], ['н', 'y'], ['г', 'u'], ['ш', 'i'], ['щ', 'o'],
  ['з', 'p'], ['х', '['], ['ъ', ']'], ['ф', 'a'], ['ы', 's'], ['в', 'd'], ['а', 'f'], ['п', 'g'], ['р', 'h'],
  ['о', 'j'], ['л', 'k'], ['д', 'l'], ['ж', ';'], ['э', "'"], ['я', 'z'], ['ч', 'x'], ['с', 'c'], ['м', 'v'],
  ['и', 'b'], ['т', 'n'], ['ь', 'm'], ['б', ','], ['ю', '.'], ['ё', '`'],
]
const onLatinKeys = (text: string) =>
  [...text.toLowerCase()].map((c) => KEYS.find(([cyr]) => cyr === c)?.[1] ?? c).join('')

async function openLoaded(page: Page, request: Parameters<typeof persona>[0]): Promise<{ app: FrameLocator; count: number }> {
  const viewer = await persona(request, 'employee')
  const count = await expectedCount(request, viewer.userId)
  const app = await openPortal(page, { persona: 'employee' })
  await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 30_000 })
  await expect(app.getByTestId('load-progress')).toHaveCount(0)
  return { app, count }
}

/** The filter panel: beside the list in a wide frame, behind the Filters button in a narrow one. */
async function filters(app: FrameLocator) {
  const panel = app.getByTestId('directory-filters')
  if (!(await panel.isVisible())) await app.getByRole('button', { name: 'Filters', exact: true }).click()
  await expect(panel).toBeVisible()
  return panel
}

test.describe('the directory', () => {
  test.afterEach(async ({ request }) => {
    await controlPost(request, 'config', { latencyMs: 0 })
  })

  test('loads a 5,000-person portal completely and keeps the DOM small', async ({ page, request }) => {
    const { app, count } = await openLoaded(page, request)
    expect(count).toBeGreaterThan(4000)
    await expect(app.getByTestId('people-count')).toHaveText(peopleCount(count))
    expect(await app.locator('[data-testid="people-grid"] tbody tr').count()).toBeLessThan(100)
    // scrolled to the end, the last person is there too
    await app.getByTestId('person-row').first().focus()
    await page.keyboard.press('End')
    await expect(app.locator(`tr[aria-rowindex="${count + 1}"]`)).toBeFocused()
  })

  test('finds a person by a Cyrillic name typed on the Latin layout', async ({ page, request }) => {
    const { app } = await openLoaded(page, request)
    const { result } = await rest<{ NAME: string; LAST_NAME: string }[]>(page, 'user.get', {
      filter: { ACTIVE: true, '%LAST_NAME': 'ова' },
    })
    const someone = result.find((u) => /^[а-яё]+$/i.test(u.NAME) && /^[а-яё]+$/i.test(u.LAST_NAME))
    expect(someone, 'the demo portal has people with Russian names').toBeTruthy()
    const typed = onLatinKeys(`${someone!.LAST_NAME} ${someone!.NAME}`)
    expect(typed).toMatch(/^[a-z;',.`[\] ]+$/)
    await app.getByRole('searchbox').fill(typed)
    await expect(app.getByTestId('person-row').first()).toContainText(someone!.LAST_NAME)
    await expect(app.getByTestId('person-row').first().locator('mark').first()).toBeVisible()
  })

  test('shows the photos of the people a search finds once the viewer stops typing', async ({ page, request }) => {
    const { app } = await openLoaded(page, request)
    const { result } = await rest<{ NAME: string; LAST_NAME: string; PERSONAL_PHOTO: string | null }[]>(page, 'user.get', {
      filter: { ACTIVE: true },
      start: 200,
    })
    const someone = result.find((u) => u.PERSONAL_PHOTO && /^\p{L}+$/u.test(u.NAME) && /^\p{L}+$/u.test(u.LAST_NAME))
    expect(someone, 'the demo portal has people with photos').toBeTruthy()
    // typed key by key: the photos of the people each keystroke brings wait for the pause
    await app.getByRole('searchbox').pressSequentially(`${someone!.NAME} ${someone!.LAST_NAME}`, { delay: 30 })
    const row = app.getByTestId('person-row').filter({ hasText: `${someone!.NAME} ${someone!.LAST_NAME}` }).first()
    await expect(row.locator('img')).toHaveAttribute('src', someone!.PERSONAL_PHOTO!)
  })

  test('combines facets, with counts that match the portal', async ({ page, request }) => {
    const { app, count } = await openLoaded(page, request)
    const online = await rest<unknown[]>(page, 'user.get', { filter: { ACTIVE: true, IS_ONLINE: 'Y' }, start: 0 })
    const onlineEmployees = await rest<unknown[]>(page, 'user.get', {
      filter: { ACTIVE: true, IS_ONLINE: 'Y', USER_TYPE: 'employee' },
      start: 0,
    })
    const panel = await filters(app)
    await panel.getByRole('checkbox', { name: /Online now/ }).click()
    const format = new Intl.NumberFormat('en')
    await expect(app.getByTestId('people-count')).toHaveText(`${format.format(online.total ?? 0)} of ${peopleCount(count)}`)
    await panel.getByRole('checkbox', { name: /^Employees/ }).click()
    await expect(app.getByTestId('people-count')).toHaveText(
      `${format.format(onlineEmployees.total ?? 0)} of ${peopleCount(count)}`,
    )
    await app.getByRole('button', { name: 'Clear search and filters' }).click()
    await expect(app.getByTestId('people-count')).toHaveText(peopleCount(count))
  })

  test('sorts by a column in the viewer\'s language', async ({ page, request }) => {
    const { app } = await openLoaded(page, request)
    const header = app.getByRole('columnheader', { name: /Position/ })
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'ascending')
    const positions = await app.locator('[data-testid="person-row"] td:nth-child(2)').allTextContents()
    const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true, ignorePunctuation: true })
    const sorted = [...positions].sort(collator.compare)
    expect(positions.length).toBeGreaterThan(5)
    expect(positions).toEqual(sorted)
    await header.getByRole('button').click()
    await expect(header).toHaveAttribute('aria-sort', 'descending')
  })

  test('lets the viewer hide and reorder columns, and remembers them', async ({ page, request }) => {
    const { app } = await openLoaded(page, request)
    await app.getByTestId('columns-button').click()
    const menu = app.getByTestId('columns-menu')
    await menu.getByRole('checkbox', { name: 'E-mail' }).click()
    await menu.getByRole('button', { name: 'Move City left' }).click()
    await page.keyboard.press('Escape')
    await expect(app.getByRole('columnheader', { name: 'E-mail' })).toHaveCount(0)
    const headers = async (frame: FrameLocator) => (await frame.getByRole('columnheader').allTextContents()).map((h) => h.trim())
    const before = await headers(app)
    // the menu lists the chosen columns in their order, the ones the frame is too narrow for included
    await app.getByTestId('columns-button').click()
    const order = (await menu.locator('li').allInnerTexts()).map((item) => item.split('\n')[0]!.trim())
    expect(order.indexOf('City')).toBeLessThan(order.indexOf('Phones'))
    await page.keyboard.press('Escape')

    // a new visit, without the URL: the layout comes back from where the app keeps it
    const again = await openPortal(page, { persona: 'employee' })
    await expect(again.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 })
    expect(await headers(again)).toEqual(before)
  })

  test('keeps the view in the URL: a reload shows the same search, filters and sort', async ({ page, request }) => {
    const { app } = await openLoaded(page, request)
    await app.getByRole('searchbox').fill('an')
    await app.getByRole('columnheader', { name: /Position/ }).getByRole('button').click()
    await (await filters(app)).getByRole('checkbox', { name: /Online now/ }).click()
    const countText = await app.getByTestId('people-count').textContent()
    const frame = page.frames().find((f) => f.url().includes(`:${APP_PORT}/`))!
    await expect.poll(() => frame.url()).toContain('online=1')
    expect(frame.url()).toContain('q=an')
    expect(frame.url()).toContain('sort=position')

    // a fresh load of the frame document, hash and all (the portal's name for the frame stays)
    const reloaded = frame.url().replace('?', '?reload=1&')
    await frame.evaluate((url) => window.location.assign(url), reloaded)
    const again = appFrame(page)
    await expect(again.getByRole('searchbox')).toHaveValue('an', { timeout: 30_000 })
    await expect(again.getByTestId('people-count')).toHaveText(countText!, { timeout: 30_000 })
    await expect((await filters(again)).getByRole('checkbox', { name: /Online now/ })).toBeChecked()
    if (await again.getByRole('button', { name: 'Filters', exact: true }).isVisible()) {
      await again.getByRole('button', { name: 'Filters', exact: true }).click()
    }
    await expect(again.getByRole('columnheader', { name: /Position/ })).toHaveAttribute('aria-sort', 'ascending')
  })

  test('moves through rows by keyboard and opens the person with Enter', async ({ page, request }) => {
    const { app } = await openLoaded(page, request)
    await app.getByRole('heading', { name: 'People Directory' }).click()
    await page.keyboard.press('/')
    await expect(app.getByRole('searchbox')).toBeFocused()
    await app.getByTestId('person-row').first().focus()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown')
    const third = app.locator('tr[aria-rowindex="4"]')
    await expect(third).toBeFocused()
    const name = (await third.locator('td').first().locator('span.truncate').first().textContent())!.trim()
    await page.keyboard.press('Enter')
    // the person's card opens beside the list
    await expect(app.getByTestId('person-card').getByTestId('person-name')).toHaveText(name)
  })

  test('serves a reopen from the cache at once, then refreshes it', async ({ page, request }) => {
    const { app: first, count } = await openLoaded(page, request)
    await expect(first.locator('main[data-cache-saved="yes"]')).toBeVisible()
    await controlPost(request, 'config', { latencyMs: 2500 })
    const app = await openPortal(page, { persona: 'employee' })
    // the whole list is back before the refresh finished
    await expect(app.getByTestId('cache-notice')).toBeVisible({ timeout: 15_000 })
    await expect(app.getByTestId('cache-notice')).toContainText('Refreshing')
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1))
    await controlPost(request, 'config', { latencyMs: 0 })
    await expect(app.getByTestId('cache-notice')).toHaveCount(0, { timeout: 30_000 })
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1))
  })

  test('another viewer on the same device never sees the copy kept for the first one', async ({ page, request }) => {
    const { app: first, count } = await openLoaded(page, request)
    await expect(first.locator('main[data-cache-saved="yes"]')).toBeVisible()
    const partner = await persona(request, 'extranet')
    const partnerCount = await expectedCount(request, partner.userId)
    expect(partnerCount).toBeLessThan(count)
    // the next visit in this browser is the partner's: the device's copy is the employee's, read while the
    // portal is asked who is looking, and must not be what shows
    await controlPost(request, 'config', { latencyMs: 1500 })
    // every list size the grid shows on the way, not only the last
    await page.addInitScript(() => {
      if (window === window.top) return
      const seen: string[] = ((window as unknown as { rowCounts: string[] }).rowCounts = [])
      new MutationObserver(() => {
        const rows = document.querySelector('[data-testid="people-grid"]')?.getAttribute('aria-rowcount')
        if (rows && seen.at(-1) !== rows) seen.push(rows)
      }).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['aria-rowcount'] })
    })
    const app = await openPortal(page, { persona: 'extranet' })
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(partnerCount + 1), { timeout: 30_000 })
    await expect(app.getByTestId('people-count')).toHaveText(peopleCount(partnerCount))
    const frame = page.frames().find((f) => f.url().includes(`:${APP_PORT}/`))!
    const seen = await frame.evaluate(() => (window as unknown as { rowCounts: string[] }).rowCounts)
    expect(seen).not.toContain(String(count + 1))
    expect(seen.at(-1)).toBe(String(partnerCount + 1))
  })

  test('stops, resumes from where it stopped, and loads everyone exactly once as people join and leave', async ({
    page,
    request,
  }) => {
    const viewer = await persona(request, 'employee')
    try {
      // slow enough to press Stop while the first batch of people is on its way
      await controlPost(request, 'config', { latencyMs: 1500 })
      const app = await openPortal(page, { persona: 'employee' })
      await app.getByRole('button', { name: 'Stop' }).click({ timeout: 30_000 })
      await expect(app.getByRole('button', { name: 'Continue loading' })).toBeVisible({ timeout: 30_000 })
      const before = await expectedCount(request, viewer.userId)
      const loaded = Number(await grid(app).getAttribute('aria-rowcount')) - 1
      expect(loaded).toBeGreaterThan(0)
      expect(loaded).toBeLessThan(before)

      // while stopped, the two people with the highest IDs leave and three join, all beyond the cursor
      const { result } = await rest<{ ID: string }[]>(page, 'user.get', {
        filter: { ACTIVE: true },
        sort: 'ID',
        order: 'DESC',
        start: 0,
      })
      const leaving = result.slice(0, 2).map((u) => Number(u.ID))
      const { added } = (await controlPost(request, 'people', { add: 3, dismiss: leaving })) as { added: number[] }
      expect(added).toHaveLength(3)
      const expected = await expectedCount(request, viewer.userId)

      await controlPost(request, 'config', { latencyMs: 0 })
      await app.getByRole('button', { name: 'Continue loading' }).click()
      await expect(grid(app)).toHaveAttribute('aria-rowcount', String(expected + 1), { timeout: 30_000 })
      await expect(app.getByTestId('load-progress')).toHaveCount(0)
      await expect(app.getByTestId('people-count')).toHaveText(peopleCount(expected))
    } finally {
      await controlPost(request, 'reset', { people: SUITE_PEOPLE })
    }
  })

  test('loads 10,000 people under the cloud rate limit without an error reaching the user', async ({ page, request }) => {
    try {
      await controlPost(request, 'reset', { people: 10_000 })
      await controlPost(request, 'config', { latencyMs: 30, rateLimit: { enabled: true, burst: 50, drainPerSec: 2 } })
      const viewer = await persona(request, 'employee')
      const expected = await expectedCount(request, viewer.userId)
      const app = await openPortal(page, { persona: 'employee' })
      await expect(grid(app)).toHaveAttribute('aria-rowcount', String(expected + 1), { timeout: 30_000 })
      await expect(app.getByTestId('load-progress')).toHaveCount(0)
      await expect(app.getByTestId('load-error')).toHaveCount(0)
      const rest = (await portalLog(request)).filter((entry) => entry.kind === 'rest')
      // the viewer, the departments and at most ceil(N / 2500) + 1 batches of people, none refused
      expect(rest.every((entry) => entry.status === 200)).toBe(true)
      expect(rest.length).toBeLessThanOrEqual(3 + Math.ceil(expected / 2500) + 1)
    } finally {
      await controlPost(request, 'config', { rateLimit: { enabled: false, burst: 50, drainPerSec: 2 } })
      await controlPost(request, 'reset', { people: SUITE_PEOPLE })
    }
  })
})
