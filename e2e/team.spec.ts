import { expect, test, type Page } from '@playwright/test'
import { allDepartments, controlPost, logPosition, openPortal, persona, portalLog, rest, settledCommands, userGetCommands } from './portal'

/** The user.get pages the profile menu may cost the portal, as for any card in a profile placement. */
const MAX_PAGES = 5
const SHORT_LIST = 12

interface RawUser {
  ID: string
  IS_ONLINE?: string
  UF_DEPARTMENT?: number[]
}

function expectWithinBudget(commands: string[]) {
  expect(commands.length).toBeGreaterThan(0)
  expect(commands.length, commands.join('\n')).toBeLessThanOrEqual(MAX_PAGES)
  // no walk over the directory: no page follows an ID cursor
  for (const command of commands) expect(command).not.toMatch(/filter\[>ID\]/)
}

/** Working people of some departments, by the portal's own user.get (every page). */
async function workingIn(page: Page, departmentIds: number[]): Promise<RawUser[]> {
  const users: RawUser[] = []
  for (let start = 0; ; start += 50) {
    const { result } = await rest<RawUser[]>(page, 'user.get', { filter: { UF_DEPARTMENT: departmentIds, ACTIVE: true }, start })
    users.push(...result)
    if (result.length < 50) return users
  }
}

test.describe('the team in the viewer\'s profile menu', () => {
  test('an employee sees their manager and colleagues, each once, marked online or not, from a few user.get pages', async ({ page, request }) => {
    const viewer = await persona(request, 'employee')
    const since = await logPosition(request)
    const app = await openPortal(page, { persona: 'employee', placement: 'USER_PROFILE_MENU' })
    const team = app.getByTestId('person-team')
    await expect(team.getByTestId('person-name')).toContainText(viewer.name.split(' ')[0]!, { timeout: 30_000 })
    await expect(team.getByTestId('person-colleagues').getByTestId('team-member').first()).toBeVisible()
    expectWithinBudget(await settledCommands(request, since, viewer.userId))

    // the portal's own answer: the viewer's department, its head and its people
    const { result: [me] } = await rest<RawUser[]>(page, 'user.get', { filter: { ID: viewer.userId } })
    const [departmentId] = me!.UF_DEPARTMENT!
    const department = (await allDepartments(page)).find((d) => Number(d.ID) === departmentId)!
    const headId = Number(department.UF_HEAD)
    const colleagues = (await workingIn(page, [departmentId!])).filter((u) => ![viewer.userId, headId].includes(Number(u.ID)))

    const managers = team.getByTestId('person-managers').getByTestId('team-member')
    await expect(managers.first()).toBeVisible()
    const rows = team.getByTestId('person-colleagues').getByTestId('team-member')
    await expect(rows).toHaveCount(Math.min(colleagues.length, SHORT_LIST))
    // the head of their department is their manager, not also a colleague
    const managerName = (await managers.first().getByTestId('person-link').locator('span span').first().textContent())!
    await expect(team.getByTestId('person-colleagues')).not.toContainText(managerName)

    // who is online now, as the portal says, first in the list and counted beside the title
    const online = colleagues.filter((u) => u.IS_ONLINE === 'Y').length
    expect(online, 'the demo department has someone online').toBeGreaterThan(0)
    await expect(rows.and(app.locator('[data-online="yes"]'))).toHaveCount(Math.min(online, SHORT_LIST))
    await expect(rows.first()).toHaveAttribute('data-online', 'yes')
    await expect(rows.first().getByTestId('presence')).toHaveText('Online')
    await expect(rows.last().getByTestId('presence')).toHaveText(online >= Math.min(colleagues.length, SHORT_LIST) ? 'Online' : 'Offline')
    await expect(team.getByRole('heading', { name: /Colleagues/ })).toContainText(`${online} online`)

    // someone's card, and back to the team without asking the portal again
    await managers.first().getByTestId('person-link').click()
    await expect(app.getByTestId('person-card').getByTestId('person-name')).toHaveText(managerName)
    const beforeBack = await logPosition(request)
    await app.getByTestId('team-back').click()
    await expect(app.getByTestId('person-team')).toBeVisible()
    expect(userGetCommands(await portalLog(request, beforeBack), viewer.userId)).toEqual([])
  })

  test('a department head sees their reports and does not see them again as colleagues, within the same budget', async ({ page, request }) => {
    const viewer = await persona(request, 'head')
    const since = await logPosition(request)
    const app = await openPortal(page, { persona: 'head', placement: 'USER_PROFILE_MENU' })
    const team = app.getByTestId('person-team')
    await expect(team.getByTestId('person-reports').getByTestId('team-member').first()).toBeVisible({ timeout: 30_000 })
    expectWithinBudget(await settledCommands(request, since, viewer.userId))

    const reports = team.getByTestId('person-reports').getByTestId('team-member')
    await expect(reports).toHaveCount(SHORT_LIST)
    const reportNames = await reports.getByTestId('person-link').locator('span span:first-child').allTextContents()
    // the head sits only in the department they head: everyone there reports to them
    const colleagues = team.getByTestId('person-colleagues').getByTestId('team-member')
    for (const name of await colleagues.getByTestId('person-link').locator('span span:first-child').allTextContents()) {
      expect(reportNames).not.toContain(name)
    }
    await expect(colleagues).toHaveCount(0)
    await expect(reports.locator('[data-testid="presence"]')).toHaveCount(SHORT_LIST)
  })

  test('"and N more" opens the directory on the whole list, in the portal\'s slider', async ({ page, request }) => {
    const viewer = await persona(request, 'head')
    const app = await openPortal(page, { persona: 'head', placement: 'USER_PROFILE_MENU' })
    const more = app.getByTestId('person-team').getByTestId('person-reports-more')
    await expect(more).toBeVisible({ timeout: 30_000 })

    // the portal's own count of direct reports: the members of the department they head and the heads below
    const departments = await allDepartments(page)
    const headed = departments.filter((d) => Number(d.UF_HEAD) === viewer.userId).map((d) => Number(d.ID))
    const members = (await workingIn(page, headed)).map((u) => Number(u.ID)).filter((id) => id !== viewer.userId)
    const childHeads = new Set(
      departments.filter((d) => headed.includes(Number(d.PARENT)) && d.UF_HEAD).map((d) => Number(d.UF_HEAD)).filter((id) => id !== viewer.userId && !members.includes(id)),
    )
    const { result: workingHeads } = await rest<RawUser[]>(page, 'user.get', { filter: { ID: [...childHeads], ACTIVE: true } })
    await expect(more).toHaveText(`and ${members.length + workingHeads.length - SHORT_LIST} more`)

    // with heads below reporting too, the list is the departments they head and everything below them
    const below = new Set(headed)
    for (let grew = true; grew; ) {
      grew = false
      for (const d of departments) {
        if (below.has(Number(d.PARENT)) && !below.has(Number(d.ID))) {
          below.add(Number(d.ID))
          grew = true
        }
      }
    }
    const everyoneBelow = (await workingIn(page, [...below])).length

    const since = await logPosition(request)
    await more.click()
    const directory = page.frameLocator('.pd-slider--app iframe').frameLocator('iframe[id^="appframe_"]')
    await expect(directory.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 })
    // once the directory is read whole, the filter counts everyone in those departments
    await expect(directory.getByTestId('load-progress')).toHaveCount(0, { timeout: 30_000 })
    await expect(directory.getByTestId('people-count')).toHaveText(new RegExp(`^${new Intl.NumberFormat('en').format(everyoneBelow)} of `))
    // the view lands in the directory's own URL, where a reload or a copied link keeps it
    const inner = page.frames().find((f) => f.url().includes(':4173/') && f.url().includes('dept='))
    expect(inner?.url()).toMatch(new RegExp(`dept=${headed.join('%2C')}(&|$)`))

    // closing the slider comes back to the team; the view travelled as the page's PLACEMENT_OPTIONS
    await page.locator('.pd-slider--app .pd-slider__close').click()
    await expect(page.locator('.pd-slider--app')).toHaveCount(0)
    await expect(app.getByTestId('person-team')).toBeVisible()
    const opened = (await portalLog(request, since)).find((e) => e.kind === 'frame' && e.name === 'openApplication')
    expect(opened?.params).toEqual({ VIEW: `dept=${headed.join('%2C')}` })
  })
})

test.describe('the admin views for a person granted them', () => {
  test.afterEach(async ({ request }) => {
    // grants made by a test must not leak into the next one
    await controlPost(request, 'reset', {})
  })

  test('say that the lists follow their own Bitrix24 rights; an admin reads no such line', async ({ page, request }) => {
    const employee = await persona(request, 'employee')
    const app = await openPortal(page, { persona: 'admin' })
    await app.getByTestId('nav-admin').click()
    await expect(app.getByTestId('admin-view')).toBeVisible({ timeout: 30_000 })
    await expect(app.getByTestId('nav-admin-people')).toBeVisible()
    await expect(app.getByTestId('admin-own-rights')).toHaveCount(0)

    await app.getByTestId('nav-admin-settings').click()
    await app.getByTestId('access-add').click()
    const dialog = page.locator('[data-picker="access"]')
    await dialog.getByRole('searchbox').fill(employee.name.split(' ')[0]!)
    await dialog.locator(`[data-code="U${employee.userId}"]`).click()
    await dialog.locator('[data-action="select"]').click()
    await app.getByTestId('access-save').click()
    await expect(app.getByTestId('access-saved')).toBeVisible()

    const granted = await openPortal(page, { persona: 'employee' })
    await granted.getByTestId('nav-admin').click({ timeout: 30_000 })
    const line = granted.getByTestId('admin-own-rights')
    await expect(line).toHaveText(/follows your own Bitrix24 rights/)
    // it stays with every admin section
    await granted.getByTestId('nav-admin-lists').click()
    await expect(line).toBeVisible()
  })
})
