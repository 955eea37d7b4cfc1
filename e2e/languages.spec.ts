import { expect, test, type Page } from '@playwright/test'
import { expectedCount, grid, logPosition, openPortal, persona, portalLog } from './portal'

/** The app's frame document: its language and direction. */
async function documentLanguage(page: Page) {
  const frame = page.frames().find((f) => f.url().includes(':4173/'))!
  return frame.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }))
}

/** "4 599 співробітників": the count as each complete language writes it, by its own plural rule. */
const LANGUAGES = [
  {
    lang: 'de', tag: 'de', title: 'Mitarbeiterverzeichnis',
    people: (n: number) => (n === 1 ? 'Person' : 'Personen'),
  },
  {
    lang: 'ru', tag: 'ru', title: 'Справочник сотрудников',
    people: (n: number) => slavic(n, ['сотрудник', 'сотрудника', 'сотрудников']),
  },
  {
    lang: 'ua', tag: 'uk', title: 'Довідник співробітників',
    people: (n: number) => slavic(n, ['співробітник', 'співробітники', 'співробітників']),
  },
]

function slavic(n: number, [one, few, many]: string[]): string {
  const mod10 = n % 10
  const mod100 = n % 100
  if (mod10 === 1 && mod100 !== 11) return one!
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few!
  return many!
}

for (const { lang, tag, title, people } of LANGUAGES) {
  test(`speaks ${lang}: its strings, plural forms and number format`, async ({ page, request }) => {
    const viewer = await persona(request, 'employee')
    const count = await expectedCount(request, viewer.userId)
    const app = await openPortal(page, { persona: 'employee', lang })
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 30_000 })
    await expect(app.locator('h1')).toHaveText(title)
    await expect(app.getByTestId('people-count')).toHaveText(`${new Intl.NumberFormat(tag).format(count)} ${people(count)}`)
    expect(await documentLanguage(page)).toEqual({ lang: tag, dir: 'ltr' })
  })
}

test('the portal page is named in the portal\'s language from the first title on, the same way in every view', async ({ page, request }) => {
  const since = await logPosition(request)
  const app = await openPortal(page, { persona: 'employee', lang: 'ru' })
  await expect(page.locator('#pagetitle')).toHaveText('Справочник сотрудников', { timeout: 30_000 })
  // the filter pickers are named in the portal's language too, not by the kit's built-in English
  const panel = app.getByTestId('directory-filters')
  const filtersButton = app.getByRole('button', { name: 'Фильтры', exact: true })
  await expect(panel.or(filtersButton).first()).toBeVisible()
  if (!(await panel.isVisible())) await filtersButton.click()
  for (const name of ['Отдел', 'Должность', 'Город']) await expect(app.getByRole('button', { name, exact: true })).toBeVisible()
  await app.getByRole('link', { name: 'Структура' }).click()
  await expect(page.locator('#pagetitle')).toHaveText('Структура · Справочник сотрудников')
  const titles = async () => (await portalLog(request, since)).filter((e) => e.kind === 'frame' && e.name === 'setTitle').map((e) => e.params.title)
  // never an English title first, nor the same title twice (the portal's log may lag its page by a moment)
  await expect.poll(titles).toEqual(['Справочник сотрудников', 'Структура · Справочник сотрудников'])
})

test('a Bitrix24 language without app strings reads English, with the kit in that language and the page right to left for Arabic', async ({ page, request }) => {
  const viewer = await persona(request, 'employee')
  const count = await expectedCount(request, viewer.userId)
  const app = await openPortal(page, { persona: 'employee', lang: 'ar' })
  await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 30_000 })
  await expect(app.locator('h1')).toHaveText('People Directory')
  expect(await documentLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' })
  // the English count keeps its own order inside the right-to-left page ("4,599 people", not "people 4,599")
  expect(await app.getByTestId('people-count').locator('bdi').evaluate((e) => getComputedStyle(e).direction)).toBe('ltr')
  // the search box sits on the right in a right-to-left page
  const box = await app.getByRole('searchbox').boundingBox()
  const columns = await app.getByRole('button', { name: 'Columns' }).boundingBox()
  expect(box!.x).toBeGreaterThan(columns!.x)
  // the kit's own words (the side panel's close button) are Arabic
  await app.getByTestId('person-row').first().click()
  await expect(app.getByTestId('person-card')).toBeVisible()
  await expect(app.getByRole('button', { name: 'إغلاق' })).toBeVisible()
})

test.describe('narrow frames', () => {
  /** Squeezes the app's frame to a profile slider's width and tells whether anything spills out sideways. */
  async function overflowAt(page: Page, width: number): Promise<number> {
    await page.locator('iframe[id^="appframe_"]').evaluate((frame, w) => {
      ;(frame as HTMLIFrameElement).style.width = `${w}px`
    }, width)
    const frame = page.frames().find((f) => f.url().includes(':4173/'))!
    await page.waitForTimeout(300)
    return frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
  }

  test('the directory and the profile placement fit a 360 px frame', async ({ page, request }) => {
    const viewer = await persona(request, 'employee')
    const count = await expectedCount(request, viewer.userId)
    const app = await openPortal(page, { persona: 'employee' })
    await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 30_000 })
    expect(await overflowAt(page, 360)).toBeLessThanOrEqual(0)
    await expect(app.getByRole('button', { name: 'Filters', exact: true })).toBeVisible()

    const profile = await openPortal(page, { persona: 'head', placement: 'USER_PROFILE_MENU' })
    await expect(profile.getByTestId('person-team')).toBeVisible({ timeout: 30_000 })
    expect(await overflowAt(page, 360)).toBeLessThanOrEqual(0)
  })
})
