import { expect, test, type FrameLocator, type Page } from '@playwright/test'
import { grid, openPortal, rest } from './portal'
import { APP_PORT } from '../playwright.config'

interface RawDepartment {
  ID: string
  NAME: string
  PARENT?: string
}

/** Every department the viewer may see, straight from the portal's department.get, 50 a page. */
async function allDepartments(page: Page): Promise<RawDepartment[]> {
  const all: RawDepartment[] = []
  for (let start = 0; ; start += 50) {
    const { result, total } = await rest<RawDepartment[]>(page, 'department.get', { start })
    all.push(...result)
    if (result.length === 0 || all.length >= (total ?? 0)) return all
  }
}

/** How deep each department sits: 1 for the root. */
function depths(departments: readonly RawDepartment[]): Map<string, number> {
  const parent = new Map(departments.map((d) => [d.ID, d.PARENT ?? null]))
  const depth = new Map<string, number>()
  for (const d of departments) {
    let n = 1
    for (let cur = parent.get(d.ID); cur; cur = parent.get(cur) ?? null) n++
    depth.set(d.ID, n)
  }
  return depth
}

/** Opens the portal as an employee, switches to the Structure tab and waits until everyone is counted. */
async function openStructure(page: Page): Promise<FrameLocator> {
  const app = await openPortal(page, { persona: 'employee' })
  await app.getByTestId('nav-structure').click()
  await expect(app.getByRole('tree')).toBeVisible({ timeout: 30_000 })
  await expect(app.locator('main[data-people-status="done"]')).toBeVisible({ timeout: 30_000 })
  return app
}

/** The app frame's URL: the view lives after its # */
function appUrl(page: Page): string {
  return page.frames().find((f) => f.url().includes(`:${APP_PORT}/`))?.url() ?? ''
}

const treeItem = (app: FrameLocator, id: string | number) => app.locator(`[role="treeitem"][data-id="${id}"]`)

test.describe('the org structure', () => {
  test('shows the company at the top, with counts that match the filtered directory', async ({ page }) => {
    const app = await openStructure(page)
    const departments = await allDepartments(page)
    const root = departments.find((d) => !d.PARENT)!
    expect(root, 'the portal has a root department').toBeTruthy()

    await expect(app.getByRole('tree')).toHaveAttribute('aria-label', 'Company structure')
    const first = app.getByRole('treeitem').first()
    await expect(first).toHaveAttribute('data-id', root.ID)
    await expect(first).toHaveAttribute('aria-level', '1')
    await expect(first).toHaveAttribute('aria-expanded', 'true')
    await expect(first.getByTestId('org-name')).toHaveText(root.NAME)
    // a few hundred departments, but only the rows on screen are in the DOM
    expect(await app.getByRole('treeitem').count()).toBeLessThan(60)

    // the second top-level department under the root: its total, then the directory filtered to it
    const child = app.locator('[role="treeitem"][aria-level="2"][aria-posinset="2"]')
    const id = await child.getAttribute('data-id')
    const total = Number(await child.getByTestId('org-total').getAttribute('data-count'))
    const direct = Number(await child.getByTestId('org-direct').getAttribute('data-count'))
    expect(total).toBeGreaterThan(direct)
    await child.getByTestId('org-show-people').click()
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(total + 1), { timeout: 30_000 })
    await expect.poll(() => appUrl(page)).toContain(`dept=${id}`)
  })

  test('a search for a department by name reveals, scrolls to and focuses it', async ({ page }) => {
    const app = await openStructure(page)
    const departments = await allDepartments(page)
    const depth = depths(departments)
    // a department three levels down, whose name no other department's name contains
    const deep = departments.find(
      (d) =>
        (depth.get(d.ID) ?? 0) >= 4 &&
        !departments.some((o) => o.ID !== d.ID && o.NAME.toLowerCase().includes(d.NAME.toLowerCase())),
    )
    expect(deep, 'the portal has a deep department with a unique name').toBeTruthy()
    await expect(treeItem(app, deep!.ID)).toHaveCount(0)

    await app.getByTestId('org-search').fill(deep!.NAME)
    await expect(app.getByRole('option').first()).toContainText(deep!.NAME)
    await page.keyboard.press('Enter')
    const found = treeItem(app, deep!.ID)
    await expect(found).toBeFocused()
    await expect(found).toBeInViewport()
    await expect(found).toHaveAttribute('aria-level', String(depth.get(deep!.ID)))
    // every department above it is open now
    await expect(treeItem(app, deep!.PARENT!)).toHaveAttribute('aria-expanded', 'true')
  })

  test('a search for a person reveals and focuses their department', async ({ page }) => {
    const app = await openStructure(page)
    const { result } = await rest<{ NAME: string; LAST_NAME: string; UF_DEPARTMENT: number[] }[]>(page, 'user.get', {
      filter: { ACTIVE: true },
      sort: 'ID',
      order: 'DESC',
      start: 0,
    })
    const someone = result.find((u) => u.UF_DEPARTMENT?.length && u.NAME && u.LAST_NAME)!
    await app.getByTestId('org-search').fill(`${someone.NAME} ${someone.LAST_NAME}`)
    const option = app.getByRole('option', { name: new RegExp(`${someone.NAME}.*${someone.LAST_NAME}`) }).first()
    await option.click()
    await expect(app.locator('[role="treeitem"]:focus')).toHaveCount(1)
    const focusedId = Number(await app.locator('[role="treeitem"]:focus').getAttribute('data-id'))
    expect(someone.UF_DEPARTMENT.map(Number)).toContain(focusedId)
  })

  test('moves through the tree by keyboard and opens the filtered directory with Enter', async ({ page }) => {
    const app = await openStructure(page)
    const root = app.getByRole('treeitem').first()
    await root.focus()
    await expect(root).toHaveAttribute('tabindex', '0')

    // Down: the first department under the company, collapsed
    await page.keyboard.press('ArrowDown')
    const sales = app.locator('[role="treeitem"]:focus')
    await expect(sales).toHaveAttribute('aria-level', '2')
    await expect(sales).toHaveAttribute('aria-posinset', '1')
    await expect(sales).toHaveAttribute('aria-expanded', 'false')
    const salesId = (await sales.getAttribute('data-id'))!

    // Right expands it; Right again moves to its first child; Down moves on to the next one
    await page.keyboard.press('ArrowRight')
    await expect(treeItem(app, salesId)).toHaveAttribute('aria-expanded', 'true')
    await expect(treeItem(app, salesId)).toBeFocused()
    await page.keyboard.press('ArrowRight')
    await expect(app.locator('[role="treeitem"]:focus')).toHaveAttribute('aria-level', '3')
    await expect(app.locator('[role="treeitem"]:focus')).toHaveAttribute('aria-posinset', '1')
    await page.keyboard.press('ArrowDown')
    await expect(app.locator('[role="treeitem"]:focus')).toHaveAttribute('aria-posinset', '2')
    await expect(app.locator('[role="treeitem"]:focus')).toHaveAttribute('aria-level', '3')

    // Left on a closed child goes up to the parent; Left again collapses it
    await page.keyboard.press('ArrowLeft')
    await expect(treeItem(app, salesId)).toBeFocused()
    await page.keyboard.press('ArrowLeft')
    await expect(treeItem(app, salesId)).toHaveAttribute('aria-expanded', 'false')
    await expect(treeItem(app, salesId)).toBeFocused()

    // Home and End
    await page.keyboard.press('End')
    await expect(app.getByRole('treeitem').last()).toBeFocused()
    await page.keyboard.press('Home')
    await expect(root).toBeFocused()

    // Enter on a department opens the directory filtered to it and everything below
    await page.keyboard.press('ArrowDown')
    const total = Number(await treeItem(app, salesId).getByTestId('org-total').getAttribute('data-count'))
    await page.keyboard.press('Enter')
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(total + 1), { timeout: 30_000 })
    await expect.poll(() => appUrl(page)).toContain(`dept=${salesId}`)
  })
})
