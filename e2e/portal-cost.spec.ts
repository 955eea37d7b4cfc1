import { expect, test, type APIRequestContext, type Page } from '@playwright/test'
import { controlPost, expectedCount, grid, openPortal, persona, portalLog, rest } from './portal'

/**
 * What the directory costs the portal. Bitrix24 charges every user.get page against one budget per app,
 * shared by all its users; these tests count the pages the app made the portal execute, as the stand-in
 * books them (`GET /_portal/api/usage`), and never time anything.
 */

interface Usage {
  methods: Record<string, { executions: number; operatingSec: number; refused: number } | undefined>
}

async function usage(request: APIRequestContext): Promise<{ executions: number; refused: number }> {
  const response = await request.get('/_portal/api/usage')
  expect(response.ok()).toBe(true)
  const method = ((await response.json()) as Usage).methods['user.get']
  return { executions: method?.executions ?? 0, refused: method?.refused ?? 0 }
}

async function resetUsage(request: APIRequestContext) {
  await controlPost(request, 'usage/reset')
}

async function openComplete(page: Page, request: APIRequestContext, query: Record<string, string> = { persona: 'employee' }) {
  const viewerId = query.userId ? Number(query.userId) : (await persona(request, 'employee')).userId
  const count = await expectedCount(request, viewerId)
  const app = await openPortal(page, query)
  await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 60_000 })
  return { app, count }
}

interface RawUser {
  ID: string
  NAME: string
  LAST_NAME: string
  WORK_POSITION?: string
}

test.describe('the cost of the directory to the portal', () => {
  test.afterEach(async ({ request }) => {
    await controlPost(request, 'config', { latencyMs: 0, operatingLimit: { enabled: false, costSec: 0 } })
    await controlPost(request, 'reset', {})
  })

  test('a reopen brings a new person, a changed position and a dismissal in one request of a few pages', async ({ page, request }) => {
    const { app } = await openComplete(page, request)
    await expect(app.locator('main[data-cache-saved="yes"]')).toBeVisible({ timeout: 30_000 })

    // the portal changes: someone joins, someone's position changes, someone leaves
    const { added } = (await controlPost(request, 'people', { add: 1 })) as { added: number[] }
    const [joined] = (await rest<RawUser[]>(page, 'user.get', { filter: { ID: added[0] } })).result
    const { result: working } = await rest<RawUser[]>(page, 'user.get', { filter: { ACTIVE: true, '%LAST_NAME': 'a' } })
    const promoted = working[3]!
    const leaving = working[7]!
    await controlPost(request, 'people/update', { id: Number(promoted.ID), fields: { WORK_POSITION: 'Chief Cartographer' } })
    await controlPost(request, 'people', { dismiss: [Number(leaving.ID)] })
    await resetUsage(request)

    const again = await openPortal(page, { persona: 'employee' })
    await expect(again.getByTestId('cache-notice')).toHaveCount(0, { timeout: 30_000 })
    const search = again.getByRole('searchbox')
    await search.fill(`${joined!.NAME} ${joined!.LAST_NAME}`)
    await expect(again.getByTestId('person-row').first()).toContainText(joined!.LAST_NAME)
    await search.fill('Chief Cartographer')
    await expect(again.getByTestId('person-row').first()).toContainText(promoted.LAST_NAME)
    await search.fill(`${leaving.NAME} ${leaving.LAST_NAME}`)
    await expect(again.getByTestId('person-row').filter({ hasText: leaving.LAST_NAME }).filter({ hasText: leaving.NAME })).toHaveCount(0)

    const spent = await usage(request)
    expect(spent.executions, 'user.get pages the reopen cost the portal').toBeGreaterThan(0)
    expect(spent.executions).toBeLessThanOrEqual(5)
  })

  test('a search finds a person deep in the ID order on the portal before the walk reaches them', async ({ browser, page, request }) => {
    const viewer = await persona(request, 'employee')
    // the oracle reads the portal in a tab of its own, so the app's tab below starts with nothing kept
    const oracle = await (await browser.newContext()).newPage()
    await openPortal(oracle, { persona: 'employee' })
    const { result } = await rest<RawUser[]>(oracle, 'user.get', { filter: { ACTIVE: true }, sort: 'ID', order: 'DESC' })
    await oracle.context().close()
    const last = result.find((u) => /^\p{L}+$/u.test(u.NAME) && /^\p{L}+$/u.test(u.LAST_NAME))!
    // a slow portal: the walk over everyone takes many seconds
    await controlPost(request, 'config', { latencyMs: 1500 })
    const app = await openPortal(page, { persona: 'employee' })
    await expect(app.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 })
    await app.getByRole('searchbox').fill(`${last.NAME} ${last.LAST_NAME}`)
    await expect(app.getByTestId('person-row').first()).toContainText(last.LAST_NAME, { timeout: 15_000 })
    // the list is still being read: the person came from the portal's own search
    const expected = await expectedCount(request, viewer.userId)
    await expect(grid(app)).not.toHaveAttribute('aria-rowcount', String(expected + 1))
    const searched = (await portalLog(request)).some((e) => e.kind === 'rest' && e.name === 'user.get' && JSON.stringify(e.params).includes('NAME_SEARCH'))
    expect(searched).toBe(true)
    await controlPost(request, 'config', { latencyMs: 0 })
  })

  test('colleagues opening one after another never drive the app into the operating limit', async ({ browser, request, page }) => {
    test.setTimeout(240_000)
    // a very heavy portal: two full walks of its 5,000 people would use up the app's 480 s
    await controlPost(request, 'config', { operatingLimit: { enabled: true, costSec: 2, limitSec: 480 } })
    await resetUsage(request)
    const app = await openPortal(page, { persona: 'employee' })
    await expect(app.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 })
    const { result: people } = await rest<RawUser[]>(page, 'user.get', { filter: { ACTIVE: true, USER_TYPE: 'employee' }, sort: 'ID', order: 'DESC' })
    await page.close()

    const spentPerViewer: number[] = []
    for (const [i, viewer] of people.slice(0, 6).entries()) {
      const before = await usage(request)
      const context = await browser.newContext()
      const tab = await context.newPage()
      const frame = await openPortal(tab, { userId: viewer.ID })
      await expect(frame.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 })
      const wanted = people[people.length - 1 - i]!
      await frame.getByRole('searchbox').fill(`${wanted.NAME} ${wanted.LAST_NAME}`)
      await expect(frame.getByTestId('person-row').first()).toContainText(wanted.LAST_NAME, { timeout: 30_000 })
      await tab.waitForTimeout(2_000)
      await context.close()
      spentPerViewer.push((await usage(request)).executions - before.executions)
    }
    const { refused } = await usage(request)
    expect(refused, 'user.get refused by the operating limit').toBe(0)
    const blocked = (await portalLog(request)).filter((e) => e.kind === 'rest' && (e.status === 429 || String(e.detail ?? '').includes('OPERATION_TIME_LIMIT')))
    expect(blocked).toEqual([])
    // once the budget's share is used, later viewers are served by the first page and a search alone
    expect(Math.min(...spentPerViewer.slice(-2))).toBeLessThanOrEqual(5)
  })
})
