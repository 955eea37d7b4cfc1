import { expect, test, type Page } from '@playwright/test'
import { appFrame, expectedCount, grid, openPortal, persona } from './portal'

/** Gives the app's frame a portal's width (a real portal leaves the app about 1,000–1,330 px beside its menu). */
async function frameWidth(page: Page, width: number) {
  await page.locator('iframe[id^="appframe_"]').evaluate((frame, w) => {
    ;(frame as HTMLIFrameElement).style.width = `${w}px`
  }, width)
  const frame = page.frames().find((f) => f.url().includes(':4173/'))!
  await expect.poll(() => frame.evaluate(() => window.innerWidth)).toBe(width)
  return frame
}

test.describe('a row in a portal-wide frame', () => {
  test.use({ viewport: { width: 1600, height: 900 } })

  test('at 1,000 px shows who, what, where and the contact actions without a sideways scroll', async ({ page, request }) => {
    const viewer = await persona(request, 'employee')
    const count = await expectedCount(request, viewer.userId)
    const app = await openPortal(page, { persona: 'employee' })
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 30_000 })
    const frame = await frameWidth(page, 1000)
    // the second row: the first is the viewer, who gets no contact actions of their own
    const row = app.getByTestId('person-row').nth(1)
    await expect(row.getByTestId('row-actions')).toBeVisible()
    const layout = await frame.evaluate(() => {
      const rows = document.querySelectorAll('[data-testid="person-row"]')
      const cells = [...rows[1]!.querySelectorAll('td')].map((td) => {
        const box = td.getBoundingClientRect()
        return { text: td.textContent?.trim() ?? '', left: box.left, right: box.right }
      })
      const scroller = document.querySelector('[data-testid="people-grid"]')!.parentElement!
      return {
        width: window.innerWidth,
        cells,
        headers: [...document.querySelectorAll('[data-testid="people-grid"] th')].map((th) => th.textContent?.trim()),
        sideways: scroller.scrollWidth - scroller.clientWidth,
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      }
    })
    expect(layout.headers.slice(0, 3)).toEqual(['Name▲', 'Position', 'Department'])
    expect(layout.sideways).toBeLessThanOrEqual(0)
    expect(layout.page).toBeLessThanOrEqual(0)
    // name, position, department and the actions cell all lie inside the frame
    for (const cell of [...layout.cells.slice(0, 3), layout.cells.at(-1)!]) {
      expect(cell.left).toBeGreaterThanOrEqual(0)
      expect(cell.right).toBeLessThanOrEqual(layout.width)
    }
    expect(layout.cells[0]!.text.length).toBeGreaterThan(0)
    await expect(row.getByRole('button', { name: /^Message / })).toBeVisible()

    // wider frames show more of the chosen columns; the column menu says which ones do not fit
    await app.getByTestId('columns-button').click()
    await expect(app.getByTestId('columns-hidden')).toContainText('Not shown at this width:')
    await page.keyboard.press('Escape')
    await frameWidth(page, 1600)
    await expect(grid(app).getByRole('columnheader', { name: 'E-mail' })).toBeVisible()
  })

  test('a contact action does not open the card', async ({ page, request }) => {
    const viewer = await persona(request, 'employee')
    const count = await expectedCount(request, viewer.userId)
    const app = await openPortal(page, { persona: 'employee' })
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 30_000 })
    await app.getByTestId('person-row').nth(1).getByRole('button', { name: /^Message / }).click()
    await expect(app.getByTestId('person-card')).toHaveCount(0)
  })
})

test('until the first answer arrives, placeholder rows say the people are loading, not that there are none', async ({ page }) => {
  // the people's pages are held back; the viewer and everything else answer at once
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/rest/batch**', async (route) => {
    if (route.request().postData()?.includes('user.get')) await held
    await route.continue()
  })
  const app = appFrame(page)
  await openPortal(page, { persona: 'employee' })
  await expect(app.getByTestId('skeleton-rows')).toBeVisible({ timeout: 30_000 })
  await expect(app.getByTestId('people-count')).toHaveText('Loading people…')
  await expect(app.getByText('No people to show yet.')).toHaveCount(0)
  await expect(app.getByText('0 of 1 loaded')).toHaveCount(0)
  release()
  await expect(app.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 })
  await expect(app.getByTestId('skeleton-rows')).toHaveCount(0)
})
