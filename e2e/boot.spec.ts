import { expect, test } from '@playwright/test'
import { APP_PORT } from '../playwright.config'
import { expectedCount, grid, openPortal, peopleCount, persona, type Persona } from './portal'

for (const key of ['admin', 'employee'] satisfies Persona[]) {
  test(`boots inside the portal as the ${key} and lists everyone they may see`, async ({ page, request }) => {
    const viewer = await persona(request, key)
    const count = await expectedCount(request, viewer.userId)
    const app = await openPortal(page, { persona: key })

    for (const part of viewer.name.split(' ')) await expect(app.getByTestId('current-user')).toContainText(part)
    await expect(app.getByTestId('people-count')).toHaveText(peopleCount(count), { timeout: 30_000 })
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1))
    // The portal page title follows the app (setTitle is allowed on the app's own page).
    await expect(page.locator('#pagetitle')).toHaveText('People Directory')
  })
}

test('a search narrows the list and clearing it brings everyone back', async ({ page, request }) => {
  const viewer = await persona(request, 'employee')
  const count = await expectedCount(request, viewer.userId)
  const app = await openPortal(page, { persona: 'employee' })
  await expect(app.getByTestId('people-count')).toHaveText(peopleCount(count), { timeout: 30_000 })

  // Search for the viewer's own last name: at least they match, and far fewer than everyone.
  const lastName = viewer.name.split(' ').at(-1) ?? viewer.name
  await app.getByRole('searchbox').fill(lastName)
  await expect(app.getByTestId('people-count')).toContainText(` of ${peopleCount(count)}`)
  const rows = Number(await grid(app).getAttribute('aria-rowcount')) - 1
  expect(rows).toBeGreaterThanOrEqual(1)
  expect(rows).toBeLessThan(count)
  await expect(app.getByTestId('person-row').first()).toContainText(lastName)

  await app.getByRole('searchbox').fill('zzzz-nobody-has-this-name')
  await expect(app.getByTestId('empty-results')).toBeVisible()
  await app.getByRole('button', { name: 'Clear search and filters' }).first().click()
  await expect(app.getByTestId('people-count')).toHaveText(peopleCount(count))
})

test('opened outside a portal, the app explains what it is and how to install it', async ({ page }) => {
  await page.goto(`http://localhost:${APP_PORT}/`)
  await expect(page.getByTestId('outside-portal')).toBeVisible()
  await expect(page.getByRole('heading', { name: 'People Directory for Bitrix24' })).toBeVisible()
  await expect(page.getByText('How to install')).toBeVisible()
})

test('the app host answers the portal\'s POST open with the app', async ({ request }) => {
  const response = await request.post(`http://localhost:${APP_PORT}/?DOMAIN=localhost&PROTOCOL=0&LANG=en&APP_SID=x`, {
    form: { AUTH_ID: 'token', PLACEMENT: 'DEFAULT' },
  })
  expect(response.status()).toBe(200)
  expect(await response.text()).toContain('<div id="app"')
})
