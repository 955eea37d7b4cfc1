import { expect, test, type Page } from '@playwright/test'
import { APP_PORT } from '../playwright.config'
import { appFrame, controlPost, openPortal, rest } from './portal'

interface LogEntry {
  seq: number
  kind: string
  name: string
  detail?: string
}

async function restCallsSince(page: Page, since: number): Promise<LogEntry[]> {
  const log = (await (await page.request.get(`/_portal/api/log?since=${since}`)).json()) as LogEntry[]
  return log.filter((entry) => entry.kind === 'rest')
}

test.describe('installing the app', () => {
  test.beforeAll(async ({ request }) => {
    await controlPost(request, 'reset', { people: 5000 })
  })

  test('an admin installs it: both profile placements are bound, then the directory opens', async ({ page }) => {
    const log = (await (await page.request.get('/_portal/api/log?since=0')).json()) as LogEntry[]
    const since = log.at(-1)?.seq ?? 0
    await openPortal(page, { persona: 'admin', installed: '0' })
    // the portal reloads its page once the installer finished, and the directory opens in it
    await expect(appFrame(page).getByTestId('people-count')).toBeVisible({ timeout: 30_000 })
    const after = (await (await page.request.get(`/_portal/api/log?since=${since}`)).json()) as LogEntry[]
    expect(after.filter((e) => e.kind === 'rest' && e.name === 'placement.bind')).toHaveLength(2)
    expect(after.some((e) => e.kind === 'frame' && e.name === 'setInstallFinish')).toBe(true)
    const { result } = await rest<{ placement: string; handler: string }[]>(page, 'placement.get')
    const handler = `http://localhost:${APP_PORT}/`
    expect(result).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ placement: 'USER_PROFILE_TOOLBAR', handler }),
        expect.objectContaining({ placement: 'USER_PROFILE_MENU', handler }),
      ]),
    )
  })

  test('installing again binds nothing twice', async ({ page }) => {
    const log = (await (await page.request.get('/_portal/api/log?since=0')).json()) as LogEntry[]
    const since = log.at(-1)?.seq ?? 0
    const app = await openPortal(page, { persona: 'admin', installed: '0' })
    await expect(app.getByTestId('install-view').or(app.getByTestId('people-count'))).toBeVisible({ timeout: 30_000 })
    await expect(appFrame(page).getByTestId('people-count')).toBeVisible({ timeout: 30_000 })
    const calls = await restCallsSince(page, since)
    expect(calls.some((c) => c.name === 'placement.get')).toBe(true)
    expect(calls.some((c) => c.name === 'placement.bind')).toBe(false)
  })

  test('without the placement scope, the installer says which scope to add', async ({ page }) => {
    const app = await openPortal(page, { persona: 'admin', installed: '0', scope: 'user_basic,department' })
    await expect(app.getByTestId('install-error')).toContainText('placement scope', { timeout: 30_000 })
    await expect(app.getByTestId('install-step-USER_PROFILE_TOOLBAR')).toHaveAttribute('data-state', 'failed')
  })
})
