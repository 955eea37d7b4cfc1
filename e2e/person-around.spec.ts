import { expect, test, type APIRequestContext, type FrameLocator } from '@playwright/test'
import { SUITE_PEOPLE } from '../playwright.config'
import { controlPost, logPosition, openPortal, persona, settledCommands } from './portal'

/**
 * A card in a profile placement costs the portal a few user.get pages, whatever its size: Bitrix24 limits
 * the app's user.get time across all its users, and reading 10,000 people for one card would spend ~200
 * pages of it. The stand-in portal here has 10,000 people.
 */
const MAX_PAGES = 5
const PORTAL_PEOPLE = 10_000

/**
 * Waits for the card with a manager and colleagues (a head of their only department has no colleagues besides
 * their reports, listed once), then reads what the app asked for it.
 */
async function cardCost(app: FrameLocator, request: APIRequestContext, since: number, viewerId: number, colleagues = true) {
  await expect(app.getByTestId('person-managers').getByTestId('person-link').first()).toBeVisible({ timeout: 30_000 })
  if (colleagues) await expect(app.getByTestId('person-colleagues').getByTestId('person-link').first()).toBeVisible()
  return settledCommands(request, since, viewerId)
}

test.describe('a card in a profile placement reads only the people around the person', () => {
  test.beforeAll(async ({ request }) => {
    await controlPost(request, 'reset', { people: PORTAL_PEOPLE })
  })
  test.afterAll(async ({ request }) => {
    await controlPost(request, 'reset', { people: SUITE_PEOPLE })
  })

  test('the profile toolbar: the owner, their manager and colleagues, from at most five user.get pages', async ({ page, request }) => {
    const owner = await persona(request, 'employee')
    const viewer = await persona(request, 'head')
    const since = await logPosition(request)
    const app = await openPortal(page, { persona: 'head', placement: 'USER_PROFILE_TOOLBAR', placementUserId: String(owner.userId) })
    await expect(app.getByTestId('person-name')).toContainText(owner.name.split(' ')[0]!, { timeout: 30_000 })

    const commands = await cardCost(app, request, since, viewer.userId)
    expect(commands.length).toBeGreaterThan(0)
    expect(commands.length, commands.join('\n')).toBeLessThanOrEqual(MAX_PAGES)
    // no walk: no page follows an ID cursor
    for (const command of commands) expect(command).not.toMatch(/filter\[>ID\]/)
    // outside the admin views: working people only, never ADMIN_MODE
    for (const command of commands) {
      expect(command).not.toMatch(/ADMIN_MODE/i)
      expect(command).toMatch(/filter\[ACTIVE\]=1/)
    }
  })

  test('the profile toolbar on a department head: their reports too, within the same budget', async ({ page, request }) => {
    const owner = await persona(request, 'head')
    const viewer = await persona(request, 'employee')
    const since = await logPosition(request)
    const app = await openPortal(page, { persona: 'employee', placement: 'USER_PROFILE_TOOLBAR', placementUserId: String(owner.userId) })
    await expect(app.getByTestId('person-reports').getByTestId('person-link').first()).toBeVisible({ timeout: 30_000 })
    await expect(app.getByTestId('person-everyone-below')).toBeVisible()
    // their reports are not listed again as colleagues
    const reports = await app.getByTestId('person-reports').getByTestId('person-link').allInnerTexts()
    const colleagues = await app.getByTestId('person-colleagues').getByTestId('person-link').allInnerTexts()
    expect(colleagues.filter((name) => reports.includes(name))).toEqual([])

    const commands = await cardCost(app, request, since, viewer.userId, false)
    expect(commands.length, commands.join('\n')).toBeLessThanOrEqual(MAX_PAGES)
  })

  test('the profile menu: the viewer, their manager and colleagues, from at most five user.get pages', async ({ page, request }) => {
    const viewer = await persona(request, 'employee')
    const since = await logPosition(request)
    const app = await openPortal(page, { persona: 'employee', placement: 'USER_PROFILE_MENU' })
    await expect(app.getByTestId('person-name')).toContainText(viewer.name.split(' ')[0]!, { timeout: 30_000 })

    const commands = await cardCost(app, request, since, viewer.userId)
    expect(commands.length).toBeGreaterThan(0)
    expect(commands.length, commands.join('\n')).toBeLessThanOrEqual(MAX_PAGES)
    for (const command of commands) expect(command).not.toMatch(/filter\[>ID\]/)

    // a manager's card is one more lookup, not a walk either
    const before = commands.length
    const manager = app.getByTestId('person-managers').getByTestId('person-link').first()
    const managerName = (await manager.locator('span span').first().textContent())!
    await manager.click()
    await expect(app.getByTestId('person-name')).toHaveText(managerName)
    const after = await settledCommands(request, since, viewer.userId)
    expect(after.length - before, after.slice(before).join('\n')).toBeLessThanOrEqual(MAX_PAGES)
  })
})
