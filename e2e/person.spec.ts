import { expect, test, type Page } from '@playwright/test'
import { appFrame, logPosition, openPortal, persona, portalLog, rest } from './portal'

/** Frame messages the portal received since a point in its log. */
async function frameMessages(page: Page, since: number) {
  return (await portalLog(page.request, since)).filter((entry) => entry.kind === 'frame')
}

test.describe('the person card', () => {
  test('opens from a row as a side panel that a link can reopen', async ({ page, request }) => {
    const viewer = await persona(request, 'employee')
    const app = await openPortal(page, { persona: 'employee' })
    await app.getByRole('searchbox').fill(viewer.name.split(' ').at(-1)!)
    await app.getByTestId('person-row').filter({ hasText: viewer.name.split(' ')[0]! }).first().click()
    const card = app.getByTestId('person-card')
    await expect(card).toBeVisible()
    await expect(card.getByTestId('person-name')).toContainText(viewer.name.split(' ')[0]!)
    await expect(card.getByTestId('person-departments')).toBeVisible()

    // the URL carries the open card: a fresh load of the frame opens it again
    const frame = page.frames().find((f) => f.url().includes('person='))
    expect(frame, 'the frame URL names the open person').toBeTruthy()
    await frame!.evaluate((url) => window.location.assign(url), frame!.url().replace('?', '?again=1&'))
    await expect(appFrame(page).getByTestId('person-card')).toBeVisible({ timeout: 30_000 })
  })

  test('its actions ask the portal for the messenger, calls and the native profile', async ({ page, request }) => {
    const viewer = await persona(request, 'employee')
    const app = await openPortal(page, { persona: 'head' })
    await expect(app.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 })
    const frame = page.frames().find((f) => f.url().includes(':4173/'))!
    await frame.evaluate((id) => window.location.assign(window.location.href.replace(/#.*$/, '') + `#/?person=${id}`), viewer.userId)
    const card = appFrame(page).getByTestId('person-card')
    await expect(card).toBeVisible({ timeout: 30_000 })
    const since = await logPosition(page.request)
    const actions = card.getByTestId('person-actions')
    await actions.getByRole('button', { name: 'Message' }).click()
    await actions.getByRole('button', { name: 'Video call' }).click()
    await actions.getByRole('button', { name: 'Call', exact: true }).click()
    // video first, then audio, as clicked
    await expect
      .poll(async () => (await frameMessages(page, since)).filter((m) => m.name === 'imCallTo').map((m) => m.params.video))
      .toEqual([true, false])
    const messages = await frameMessages(page, since)
    expect(messages.find((m) => m.name === 'imOpenMessenger')?.params).toMatchObject({ dialogId: viewer.userId })

    await actions.getByRole('button', { name: 'Profile in Bitrix24' }).click()
    await expect(page.locator(`iframe[src*="/company/personal/user/${viewer.userId}/"]`)).toBeVisible()
  })

  test('downloads a vCard of the person', async ({ page, request }) => {
    const viewer = await persona(request, 'employee')
    const app = await openPortal(page, { persona: 'employee' })
    await expect(app.getByTestId('person-row').first()).toBeVisible({ timeout: 30_000 })
    const frame = page.frames().find((f) => f.url().includes(':4173/'))!
    await frame.evaluate((id) => window.location.assign(window.location.href.replace(/#.*$/, '') + `#/?person=${id}`), viewer.userId)
    const download = page.waitForEvent('download')
    await appFrame(page).getByTestId('vcard').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/\.vcf$/)
    const text = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8')
    expect(text).toContain('BEGIN:VCARD')
    expect(text).toContain(`FN:${viewer.name.split(' ')[0]}`)
  })
})

test.describe('profile placements', () => {
  test('the profile toolbar shows the card of the profile owner', async ({ page, request }) => {
    const owner = await persona(request, 'head')
    const since = await logPosition(page.request)
    const app = await openPortal(page, {
      persona: 'employee',
      placement: 'USER_PROFILE_TOOLBAR',
      placementUserId: String(owner.userId),
    })
    await expect(app.getByTestId('person-placement')).toBeVisible({ timeout: 30_000 })
    await expect(app.getByTestId('person-name')).toContainText(owner.name.split(' ')[0]!)
    // a department head's card lists who reports to them
    await expect(app.getByTestId('person-reports')).toBeVisible({ timeout: 30_000 })
    // the frame grows to the card, and settles: no resize loop
    const resizes = async () => (await frameMessages(page, since)).filter((m) => m.name === 'resizeWindow').length
    await expect.poll(resizes).toBeGreaterThan(0)
    // once the card and the team have arrived, the count stops moving
    let settled = await resizes()
    for (let tries = 0; tries < 10; tries++) {
      await page.waitForTimeout(1000)
      const now = await resizes()
      if (now === settled) break
      settled = now
    }
    await page.waitForTimeout(1500)
    expect(await resizes()).toBe(settled)
    expect(settled).toBeLessThan(8)
  })

  test('the profile menu shows the viewer with their managers and colleagues', async ({ page, request }) => {
    const viewer = await persona(request, 'employee')
    const app = await openPortal(page, { persona: 'employee', placement: 'USER_PROFILE_MENU' })
    await expect(app.getByTestId('person-name')).toContainText(viewer.name.split(' ')[0]!, { timeout: 30_000 })
    await expect(app.getByTestId('person-managers').getByTestId('person-link').first()).toBeVisible({ timeout: 30_000 })
    await expect(app.getByTestId('person-colleagues')).toBeVisible()
    // a manager's name opens their own card
    const manager = app.getByTestId('person-managers').getByTestId('person-link').first()
    const managerName = (await manager.locator('span span').first().textContent())!
    await manager.click()
    await expect(app.getByTestId('person-name')).toHaveText(managerName)
  })

  test('a person the viewer may not see gets a clear message', async ({ page, request }) => {
    // an extranet user who shares no group with an employee is invisible to them (user.get finds nobody)
    const outsider = await persona(request, 'extranet')
    const app = await openPortal(page, {
      persona: 'employee',
      placement: 'USER_PROFILE_TOOLBAR',
      placementUserId: String(outsider.userId),
    })
    const { result } = await rest<unknown[]>(page, 'user.get', { filter: { ID: outsider.userId } })
    expect(result, 'the demo portal gives these two personas no shared group').toHaveLength(0)
    await expect(app.getByTestId('person-missing')).toBeVisible({ timeout: 30_000 })
  })

  test('the portal title stays untouched outside the app\'s own page', async ({ page }) => {
    const since = await logPosition(page.request)
    const app = await openPortal(page, { persona: 'employee', placement: 'USER_PROFILE_MENU' })
    await expect(app.getByTestId('person-team')).toBeVisible({ timeout: 30_000 })
    const sent = (await frameMessages(page, since)).map((m) => m.name)
    expect(sent).toContain('getInitData')
    expect(sent).not.toContain('setTitle')
  })
})
