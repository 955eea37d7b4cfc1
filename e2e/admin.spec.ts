import { readFileSync } from 'node:fs'
import { expect, test, type FrameLocator, type Page } from '@playwright/test'
import Papa from 'papaparse'
import { parse as parseCsv } from 'csv-parse/sync'
import readXlsxFile from 'read-excel-file/node'
import { allDepartments, appFrame, controlPost, logPosition, openPortal, peopleCount, persona, portalLog, rest, storedDirectory, type LogEntry, type Persona } from './portal'

/** A user as the portal's own user.get sends it to an admin. */
interface RawUser {
  ID: string
  ACTIVE: boolean
  NAME?: string
  SECOND_NAME?: string
  LAST_NAME?: string
  USER_TYPE?: string
  UF_DEPARTMENT?: number[]
  LAST_LOGIN?: string
  PERSONAL_PHOTO?: string
  WORK_POSITION?: string
  EMAIL?: string
  WORK_PHONE?: string
  PERSONAL_MOBILE?: string
  UF_PHONE_INNER?: string
}

const ALL_SCOPES = { scope: 'user,department,placement' }

/** The grid's column headers without the row's contact actions, sort marks dropped. */
async function dataHeaders(app: FrameLocator): Promise<string[]> {
  const cells = app.locator('[data-testid="people-grid"] th:not([data-column="actions"])')
  return (await cells.allInnerTexts()).map((h) => h.replace(/[▲▼]/g, '').trim())
}

/** Whether `part` appears within `whole` in the same order (other entries may sit between). */
function inOrder(part: readonly string[], whole: readonly string[]): boolean {
  let next = 0
  for (const entry of whole) if (entry === part[next]) next++
  return next === part.length
}

// a frame of about 1,320 px, where the filters sit beside the list
test.use({ viewport: { width: 2000, height: 1000 } })

/** Everyone the portal has, dismissed and extranet included, read page by page with the page's admin token. */
async function everyone(page: Page): Promise<RawUser[]> {
  const users: RawUser[] = []
  for (let start = 0; ; start += 50) {
    const { result } = await rest<RawUser[]>(page, 'user.get', {
      ADMIN_MODE: true,
      start,
      select: [
        'ID', 'ACTIVE', 'NAME', 'SECOND_NAME', 'LAST_NAME', 'USER_TYPE', 'UF_DEPARTMENT', 'LAST_LOGIN', 'PERSONAL_PHOTO',
        'WORK_POSITION', 'EMAIL', 'WORK_PHONE', 'PERSONAL_MOBILE', 'UF_PHONE_INNER',
      ],
    })
    users.push(...result)
    if (result.length < 50) return users
  }
}

/** The user.get commands the app sent since a point of the log, each as its decoded query string. */
function userGetCommands(entries: LogEntry[], userId?: number): string[] {
  const commands: string[] = []
  for (const entry of entries) {
    if (entry.kind !== 'rest' || (userId !== undefined && (entry as { userId?: number }).userId !== userId)) continue
    if (entry.name === 'user.get') commands.push(JSON.stringify(entry.params))
    if (entry.name === 'batch') {
      const cmd = (entry.params.cmd ?? {}) as Record<string, unknown>
      for (const value of Object.values(cmd)) {
        const text = decodeURIComponent(String(value))
        if (text.startsWith('user.get')) commands.push(text)
      }
    }
  }
  return commands
}

async function openAdmin(page: Page, who: Persona, query: Record<string, string> = {}): Promise<FrameLocator> {
  const app = await openPortal(page, { persona: who, ...query })
  await expect(app.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 })
  return app
}

/** Sends the app's frame to a hash route, the way a pasted link would open it. */
async function goTo(page: Page, hash: string) {
  const frame = page.frames().find((f) => f.url().includes(':4173/'))!
  await frame.evaluate((target) => window.location.assign(window.location.href.replace(/#.*$/, '') + target), hash)
}

/** Saves the current view through one entry of the export menu and hands back the file. */
async function saveExport(page: Page, app: FrameLocator, item: string) {
  await app.getByTestId('export-menu').click()
  const download = page.waitForEvent('download')
  await app.getByTestId(item).click()
  const file = await download
  return { name: file.suggestedFilename(), path: (await file.path())! }
}

test.describe('the admin gate', () => {
  test.afterEach(async ({ request }) => {
    // grants and options made by a test must not leak into the next one
    await controlPost(request, 'reset', {})
  })

  const outsiders = { employee: 'an employee', head: 'a department head', extranet: 'an extranet user' } as const
  for (const [who, label] of Object.entries(outsiders) as [keyof typeof outsiders, string][]) {
    test(`keeps ${label} out: no admin navigation, a clear page at admin addresses, and no admin request`, async ({ page, request }) => {
      const viewer = await persona(request, who)
      const since = await logPosition(request)
      const app = await openAdmin(page, who)
      await expect(app.getByTestId('nav-people')).toBeVisible()
      await expect(app.getByTestId('nav-admin')).toHaveCount(0)

      for (const hash of ['#/admin', '#/admin/lists/dismissed', '#/admin/charts', '#/admin/settings']) {
        await goTo(page, hash)
        await expect(appFrame(page).getByTestId('admin-not-allowed')).toBeVisible()
        await expect(appFrame(page).getByTestId('person-row')).toHaveCount(0)
      }

      const commands = userGetCommands(await portalLog(request, since), viewer.userId)
      expect(commands.length).toBeGreaterThan(0)
      for (const command of commands) {
        expect(command, 'no ADMIN_MODE for a viewer outside the gate').not.toMatch(/ADMIN_MODE/i)
        // every list request asks for working people only; a lookup by ID is the card's, never a list
        if (!/filter\[ID\]|"ID":/.test(command)) expect(command, 'only working people are listed').toMatch(/filter\[ACTIVE\]=(1|true)|"ACTIVE":true/)
      }
    })
  }

  test('lets an admin in, with ADMIN_MODE, everyone counted, and nothing of it kept on the device', async ({ page, request }) => {
    const admin = await persona(request, 'admin')
    const app = await openAdmin(page, 'admin', ALL_SCOPES)
    const users = await everyone(page)
    const since = await logPosition(request)

    await app.getByTestId('nav-admin').click()
    await expect(app.getByTestId('people-count')).toHaveText(peopleCount(users.length), { timeout: 30_000 })
    // the status facet appears with the dismissed people
    const dismissed = users.filter((u) => !u.ACTIVE).length
    await expect(app.getByTestId('filter-status')).toContainText(`(${dismissed})`)

    const commands = userGetCommands(await portalLog(request, since), admin.userId)
    expect(commands.some((c) => /ADMIN_MODE=(1|true)/.test(c))).toBe(true)

    // the directory is cached for the next visit; the admin list never is
    const stored = await storedDirectory(page)
    expect(stored).not.toMatch(/"active":false/)
  })

  test('an admin grants a non-admin through the access dialog, who then gets in without ADMIN_MODE or the access page', async ({ page, request }) => {
    const employee = await persona(request, 'employee')
    const app = await openAdmin(page, 'admin')
    await app.getByTestId('nav-admin').click()
    await app.getByTestId('nav-admin-settings').click()
    await expect(app.getByTestId('access-empty')).toBeVisible()

    await app.getByTestId('access-add').click()
    const dialog = page.locator('[data-picker="access"]')
    await dialog.getByRole('searchbox').fill(employee.name.split(' ')[0]!)
    await dialog.locator(`[data-code="U${employee.userId}"]`).click()
    await dialog.locator('[data-action="select"]').click()
    await expect(app.getByTestId('access-grants').locator(`[data-code="U${employee.userId}"]`)).toBeVisible()
    await app.getByTestId('access-save').click()
    await expect(app.getByTestId('access-saved')).toBeVisible()

    // the employee's next visit
    const since = await logPosition(request)
    const granted = await openAdmin(page, 'employee')
    await granted.getByTestId('nav-admin').click()
    await expect(granted.getByTestId('filter-status')).toBeVisible({ timeout: 30_000 })
    await expect(granted.getByTestId('nav-admin-settings')).toHaveCount(0)
    await goTo(page, '#/admin/settings')
    await expect(appFrame(page).getByTestId('admin-not-allowed')).toBeVisible()

    const commands = userGetCommands(await portalLog(request, since), employee.userId)
    expect(commands.some((c) => !/filter\[ACTIVE\]/.test(c)), 'the granted viewer lists dismissed people too').toBe(true)
    for (const command of commands) expect(command).not.toMatch(/ADMIN_MODE/i)
  })
})

test.describe('dismissed people', () => {
  test('have a card in the admin views, marked dismissed, and none outside them', async ({ page, request }) => {
    const app = await openAdmin(page, 'admin', ALL_SCOPES)
    const gone = (await everyone(page)).find((u) => !u.ACTIVE)!
    await app.getByTestId('nav-admin').click()
    await app.getByTestId('nav-admin-lists').click()
    await app.getByTestId('list-dismissed').click()
    await app.getByTestId('person-row').first().click()
    const card = app.getByTestId('person-card')
    await expect(card.getByTestId('person-dismissed')).toBeVisible()

    // an employee given a link to the same person sees that they cannot see them, and no dismissed data
    const employee = await persona(request, 'employee')
    const since = await logPosition(request)
    await openAdmin(page, 'employee')
    await goTo(page, `#/?person=${gone.ID}`)
    await expect(appFrame(page).getByTestId('person-missing')).toBeVisible()
    // a lookup by ID on its own, or in the batch that reads the people around them while the list loads
    const lookups = userGetCommands(await portalLog(request, since), employee.userId).filter((c) => /"ID"|filter\[ID\]/.test(c))
    expect(lookups.length).toBeGreaterThan(0)
    for (const lookup of lookups) expect(lookup).toMatch(/"ACTIVE":true|filter\[ACTIVE\]=(1|true)\b/)
  })
})

test.describe('the admin lists', () => {
  test('each list holds the people its rule names, by the portal\'s own data', async ({ page }) => {
    const app = await openAdmin(page, 'admin', ALL_SCOPES)
    const users = await everyone(page)
    const departments = await allDepartments(page)
    const byId = new Map(users.map((u) => [Number(u.ID), u]))
    const depts = (u: RawUser) => u.UF_DEPARTMENT ?? []
    const expected: Record<string, number> = {
      dismissed: users.filter((u) => !u.ACTIVE).length,
      extranet: users.filter((u) => u.USER_TYPE === 'extranet').length,
      neverLoggedIn: users.filter((u) => u.ACTIVE && !u.LAST_LOGIN).length,
      noDepartment: users.filter((u) => u.ACTIVE && u.USER_TYPE === 'employee' && depts(u).length === 0).length,
      multiDepartment: users.filter((u) => u.ACTIVE && new Set(depts(u)).size >= 2).length,
      incomplete: users.filter(
        (u) => u.ACTIVE && !(u.PERSONAL_PHOTO && u.WORK_POSITION?.trim() && u.EMAIL && (u.WORK_PHONE || u.PERSONAL_MOBILE || u.UF_PHONE_INNER)),
      ).length,
      headless: departments.filter((d) => !d.UF_HEAD || !byId.get(Number(d.UF_HEAD))?.ACTIVE).length,
    }
    // the fixtures plant every case
    for (const [list, count] of Object.entries(expected)) expect(count, list).toBeGreaterThan(0)

    await app.getByTestId('nav-admin').click()
    await app.getByTestId('nav-admin-lists').click()
    for (const [list, count] of Object.entries(expected)) {
      const unit = list === 'headless' ? (count === 1 ? 'department' : 'departments') : count === 1 ? 'person' : 'people'
      await expect(app.getByTestId(`list-${list}`).getByTestId('list-count')).toHaveText(`${new Intl.NumberFormat('en').format(count)} ${unit}`, {
        timeout: 30_000,
      })
    }

    // a list shows its rule and exactly its people
    await app.getByTestId('list-dismissed').click()
    await expect(app.getByTestId('list-rule')).toContainText('ACTIVE is false')
    await expect(app.getByRole('grid')).toHaveAttribute('aria-rowcount', String(expected.dismissed! + 1))
    await expect(app.getByTestId('person-row').first()).toBeVisible()
    const rows = await app.getByTestId('person-row').allInnerTexts()
    expect(rows.every((text) => /Dismissed/.test(text))).toBe(true)

    // the inactivity threshold is the viewer's to choose, and the list follows it
    await app.getByTestId('list-inactive').click()
    const at90 = await app.getByTestId('list-inactive').getByTestId('list-count').innerText()
    await app.getByRole('spinbutton').fill('3650')
    await app.getByRole('spinbutton').press('Enter')
    await expect(app.getByTestId('list-inactive')).toContainText('Inactive for more than 3650 days')
    await expect(app.getByTestId('list-inactive').getByTestId('list-count')).not.toHaveText(at90)
  })

  test('lists a scope cannot make say so instead of guessing', async ({ page }) => {
    const app = await openAdmin(page, 'admin', { scope: 'user_basic,placement' })
    await app.getByTestId('nav-admin').click()
    await app.getByTestId('nav-admin-lists').click()
    // no `user` scope: no last login, so neither "never logged in" nor "inactive"
    for (const list of ['neverLoggedIn', 'inactive']) {
      await app.getByTestId(`list-${list}`).click()
      await expect(app.getByTestId('list-needs-scope')).toContainText('"user" scope')
      await expect(app.getByTestId(`list-${list}`).getByTestId('list-count')).toHaveText('—')
    }
    // no `department` scope: no department lists rather than "every department has a head"
    await app.getByTestId('list-headless').click()
    await expect(app.getByTestId('list-needs-departments')).toContainText('department scope')
    await expect(app.getByTestId('list-headless').getByTestId('list-count')).toHaveText('—')
    await expect(app.getByTestId('list-dismissed').getByTestId('list-count')).toHaveText(/\d+ (person|people)/)
  })

  test('exports a list as CSV, XLSX and vCards that read back as the same rows', async ({ page }) => {
    const app = await openAdmin(page, 'admin', ALL_SCOPES)
    const users = await everyone(page)
    const dismissed = users.filter((u) => !u.ACTIVE)
    await app.getByTestId('nav-admin').click()
    await app.getByTestId('nav-admin-lists').click()
    await app.getByTestId('list-dismissed').click()
    await expect(app.getByRole('grid')).toHaveAttribute('aria-rowcount', String(dismissed.length + 1), { timeout: 30_000 })
    const headers = await dataHeaders(app)

    const csv = await saveExport(page, app, 'export-csv')
    expect(csv.name).toMatch(/^people-directory-dismissed-\d{4}-\d{2}-\d{2}\.csv$/)
    const csvText = readFileSync(csv.path, 'utf8')
    expect(csvText.charCodeAt(0), 'a BOM, so Excel reads UTF-8').toBe(0xfeff)
    const csvRows = Papa.parse<string[]>(csvText.slice(1), { skipEmptyLines: true }).data
    // every column shown, in its order, and those the frame's width leaves out too
    expect(csvRows[0]![0]).toBe('Name')
    expect(inOrder(headers, csvRows[0]!)).toBe(true)
    expect(csvRows.length - 1).toBe(dismissed.length)
    const fullName = (u: RawUser) => [u.NAME, u.SECOND_NAME, u.LAST_NAME].filter(Boolean).join(' ')
    expect(csvRows.slice(1).map((r) => r[0]).sort()).toEqual(dismissed.map(fullName).sort())

    const xlsx = await saveExport(page, app, 'export-xlsx')
    expect(xlsx.name).toMatch(/\.xlsx$/)
    const [sheet, ...more] = await readXlsxFile(readFileSync(xlsx.path))
    expect(more).toEqual([])
    expect(sheet!.data.map((row) => row.map((cell) => (cell === null ? '' : String(cell))))).toEqual(csvRows)

    const vcf = await saveExport(page, app, 'export-vcf')
    expect(vcf.name).toMatch(/\.vcf$/)
    expect(readFileSync(vcf.path, 'utf8').match(/BEGIN:VCARD/g)?.length).toBe(dismissed.length)
  })

  test('exports all people with the visible columns and the current filters', async ({ page }) => {
    const app = await openAdmin(page, 'admin', ALL_SCOPES)
    await app.getByTestId('nav-admin').click()
    await expect(app.getByTestId('filter-status')).toBeVisible({ timeout: 30_000 })
    await app.getByTestId('filter-status').getByText('Dismissed').click()
    const shown = Number((await app.getByRole('grid').getAttribute('aria-rowcount'))!) - 1
    const headers = await dataHeaders(app)
    await app.getByTestId('export-menu').click()
    const download = page.waitForEvent('download')
    await app.getByTestId('export-csv').click()
    const rows = Papa.parse<string[]>(readFileSync((await (await download).path())!, 'utf8').slice(1), { skipEmptyLines: true }).data
    expect(inOrder(headers, rows[0]!)).toBe(true)
    expect(rows.length - 1).toBe(shown)
    const status = rows[0]!.indexOf('Status')
    expect(status).toBeGreaterThan(0)
    expect(rows.slice(1).every((r) => r[status] === 'Dismissed')).toBe(true)

    // everyone as a workbook: thousands of rows, zipped in a worker the content security policy allows
    await app.getByTestId('filter-status').getByText('Dismissed').click()
    const everybody = Number((await app.getByRole('grid').getAttribute('aria-rowcount'))!) - 1
    expect(everybody).toBeGreaterThan(1000)
    await app.getByTestId('export-menu').click()
    const workbook = page.waitForEvent('download')
    await app.getByTestId('export-xlsx').click()
    const [sheet] = await readXlsxFile(readFileSync((await (await workbook).path())!))
    expect(sheet!.data.length - 1).toBe(everybody)
  })
})

test.describe('exports for Excel', () => {
  test.afterEach(async ({ request }) => {
    await controlPost(request, 'reset', {})
  })

  test('in a German portal: CSV split on semicolons with formulas neutralised, XLSX text cells without an apostrophe', async ({ page, request }) => {
    // two people whose position reads as a formula and whose phones Excel would take for numbers
    const planted = [
      { who: 'employee', fields: { WORK_POSITION: '-2+3', WORK_PHONE: '+7 495 123-45-67', PERSONAL_MOBILE: '+79161234567', UF_PHONE_INNER: '' } },
      { who: 'head', fields: { WORK_POSITION: '=HYPERLINK("https://example.com","x")', WORK_PHONE: '+49 30 1234567', PERSONAL_MOBILE: '', UF_PHONE_INNER: '0815' } },
    ] as const
    for (const { who, fields } of planted) {
      const { userId } = await persona(request, who)
      await controlPost(request, 'people/update', { id: userId, fields: { ...fields, LAST_NAME: 'Exportprobe' } })
    }
    const app = await openAdmin(page, 'admin', { ...ALL_SCOPES, lang: 'de' })
    await goTo(page, '#/admin?q=Exportprobe&cols=name,position,phones')
    await expect(app.getByRole('grid')).toHaveAttribute('aria-rowcount', '3', { timeout: 30_000 })
    const headers = await dataHeaders(app)
    expect(headers).toEqual(['Name', 'Position', 'Telefon'])

    // the CSV read by another parser than the one that wrote it, split the way German Excel splits it
    const csvText = readFileSync((await saveExport(page, app, 'export-csv')).path, 'utf8')
    expect(csvText.charCodeAt(0), 'a BOM, so Excel reads UTF-8').toBe(0xfeff)
    const csvRows = parseCsv(csvText, { bom: true, delimiter: ';' }) as string[][]
    expect(csvRows[0]).toEqual(headers)
    expect(csvRows.every((row) => row.length === 3)).toBe(true)
    const byPosition = new Map(csvRows.slice(1).map(([, position, phones]) => [position, phones]))
    expect([...byPosition.keys()].sort()).toEqual([`'-2+3`, `'=HYPERLINK("https://example.com","x")`])
    // a phone keeps every digit, space and sign behind the one apostrophe that makes it text
    expect(byPosition.get(`'-2+3`)).toBe(`'+7 495 123-45-67, +79161234567`)
    expect(byPosition.get(`'=HYPERLINK("https://example.com","x")`)).toBe(`'+49 30 1234567, 0815`)
    expect(csvRows.flat().filter((cell) => /^[=+\-@\t\r]/.test(cell)), 'nothing left for Excel to evaluate').toEqual([])

    // the workbook: the same values as text cells, none behind an apostrophe, phones as text not numbers
    const [sheet] = await readXlsxFile(readFileSync((await saveExport(page, app, 'export-xlsx')).path))
    const cells = sheet!.data.flat()
    expect(cells.every((cell) => typeof cell === 'string' && !cell.startsWith("'"))).toBe(true)
    expect(sheet!.data).toEqual(csvRows.map((row) => row.map((cell) => cell.replace(/^'(?=[=+\-@\t\r])/, ''))))
    expect(sheet!.data.slice(1).map((row) => row[2]).sort()).toEqual(['+49 30 1234567, 0815', '+7 495 123-45-67, +79161234567'])
  })
})

test('the admin charts render with their data', async ({ page }, testInfo) => {
  const app = await openAdmin(page, 'admin', ALL_SCOPES)
  await app.getByTestId('nav-admin').click()
  await app.getByTestId('nav-admin-charts').click()
  for (const chart of ['chart-headcount', 'chart-joiners', 'chart-status', 'chart-completeness']) {
    const svg = app.getByTestId(chart).locator('svg').first()
    await expect(svg).toBeVisible({ timeout: 30_000 })
    const box = await svg.boundingBox()
    expect(box!.width * box!.height, `${chart} has room`).toBeGreaterThan(10_000)
    expect(await app.getByTestId(chart).locator('svg path').count(), `${chart} draws something`).toBeGreaterThan(3)
  }
  await page.screenshot({ path: testInfo.outputPath('admin-charts.png'), fullPage: true })

  // drilling into a department shows its sub-departments
  const top = app.getByTestId('chart-headcount')
  await expect(top.getByTestId('chart-headcount-crumb')).toHaveCount(0)
  const open = top.getByTestId('chart-summary').getByRole('button').first()
  await open.focus()
  await open.press('Enter')
  await expect(top.getByTestId('chart-headcount-crumb')).toHaveText('All departments')
})
