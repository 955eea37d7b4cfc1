import { expect, test } from '@playwright/test'
import { APP_PORT, SUITE_PEOPLE } from '../playwright.config'
import { appFrame, controlPost, logPosition, openPortal, portalLog, rest } from './portal'

test.describe('installing the app', () => {
  test.beforeAll(async ({ request }) => {
    await controlPost(request, 'reset', { people: SUITE_PEOPLE })
  })

  test('an admin installs it: both profile placements are bound, then the directory opens', async ({ page }) => {
    const since = await logPosition(page.request)
    await openPortal(page, { persona: 'admin', installed: '0' })
    // the portal reloads its page once the installer finished, and the directory opens in it
    await expect(appFrame(page).getByTestId('people-count')).toBeVisible({ timeout: 30_000 })
    const after = await portalLog(page.request, since)
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
    const since = await logPosition(page.request)
    const app = await openPortal(page, { persona: 'admin', installed: '0' })
    await expect(app.getByTestId('install-view').or(app.getByTestId('people-count'))).toBeVisible({ timeout: 30_000 })
    await expect(appFrame(page).getByTestId('people-count')).toBeVisible({ timeout: 30_000 })
    const calls = (await portalLog(page.request, since)).filter((entry) => entry.kind === 'rest')
    expect(calls.some((c) => c.name === 'placement.get')).toBe(true)
    expect(calls.some((c) => c.name === 'placement.bind')).toBe(false)
  })

  test('without the placement scope, the installer says which scope to add', async ({ page }) => {
    const app = await openPortal(page, { persona: 'admin', installed: '0', scope: 'user_basic,department' })
    await expect(app.getByTestId('install-error')).toContainText('placement scope', { timeout: 30_000 })
    await expect(app.getByTestId('install-step-USER_PROFILE_TOOLBAR')).toHaveAttribute('data-state', 'failed')
  })
})
