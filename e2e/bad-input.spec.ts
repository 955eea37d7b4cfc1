import { expect, test, type FrameLocator, type Page } from '@playwright/test'
import { expectedCount, grid, type LogEntry, logPosition, openPortal, peopleCount, persona, portalLog, storedDirectory } from './portal'

/** Text people type by mistake or on purpose: operators, wildcards, markup, scripts, odd scripts and sizes. */
const HOSTILE = [
  '%', '_', '!', '%_%', '<', '>', '=', '>=ID', '!ID', '@', '"', "'", '\\', '\\%', "' OR 1=1 --",
  '<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>', 'javascript:alert(1)',
  '😀👩‍💻', 'مرحبا بالعالم', '\u202Eevil\u202C', 'a\u0000b\u0007c\u001b', '{{ 7*7 }}', '${7*7}', '__proto__',
  'x'.repeat(10_000),
]

/** The number of people a search shows, from "1,234 of 4,599 people". */
async function shown(app: FrameLocator): Promise<number> {
  const text = await app.getByTestId('people-count').innerText()
  return Number(text.split(' of ')[0]!.replace(/\D/g, ''))
}

/** Fails the test on any alert, confirm or prompt: a script that ran. */
function forbidDialogs(page: Page): string[] {
  const dialogs: string[] = []
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message())
    void dialog.dismiss()
  })
  return dialogs
}

/** Markup from the inputs would show up as these elements if it ever became HTML. */
async function injected(app: FrameLocator): Promise<number> {
  return app.locator('img[src="x"], script:not([src]), svg[onload], [onerror], [onload]').count()
}

/** The filter keys of every user.get the app sent: only its own, never text a person typed. */
function userGetFilterKeys(entries: LogEntry[]): string[] {
  const keys = new Set<string>()
  for (const entry of entries) {
    if (entry.kind !== 'rest') continue
    const commands =
      entry.name === 'batch'
        ? Object.values((entry.params.cmd ?? {}) as Record<string, unknown>).map((c) => decodeURIComponent(String(c)))
        : entry.name === 'user.get'
          ? [decodeURIComponent(new URLSearchParams(entry.params as Record<string, string>).toString())]
          : []
    for (const command of commands.filter((c) => c.startsWith('user.get'))) {
      for (const match of command.matchAll(/filter\[([^\]]+)\]/gi)) keys.add(match[1]!)
    }
    if (entry.name === 'user.get' && entry.params.filter && typeof entry.params.filter === 'object') {
      Object.keys(entry.params.filter as object).forEach((k) => keys.add(k))
    }
  }
  return [...keys]
}

async function loaded(page: Page, request: Parameters<typeof persona>[0]) {
  const viewer = await persona(request, 'employee')
  const count = await expectedCount(request, viewer.userId)
  const app = await openPortal(page, { persona: 'employee' })
  await expect(grid(app)).toHaveAttribute('aria-rowcount', String(count + 1), { timeout: 30_000 })
  return { app, count }
}

// a frame of about 1,320 px, where the filters sit beside the list
test.use({ viewport: { width: 2000, height: 1000 } })

test('hostile search text stays text: no script, no markup, no freeze, no operator sent to Bitrix24', async ({ page, request }) => {
  const dialogs = forbidDialogs(page)
  const { app, count } = await loaded(page, request)
  const since = await logPosition(request)
  const search = app.getByRole('searchbox')
  for (const text of HOSTILE) {
    const started = Date.now()
    await search.fill(text)
    // the list answers (a result or the empty state), never a wildcard that matches everyone
    await expect(app.getByTestId('people-count')).toContainText(' of ')
    expect(await shown(app), `"${text.slice(0, 20)}" is no wildcard`).toBeLessThan(count)
    expect(Date.now() - started, `"${text.slice(0, 20)}" keeps the page responsive`).toBeLessThan(5_000)
  }
  // names with markup are found, and shown as the text they are
  await search.fill('Bold')
  await expect(app.getByTestId('person-row').first()).toContainText('<b>Bold</b>')
  await search.fill('')
  await expect(app.getByTestId('people-count')).toHaveText(peopleCount(count))

  expect(dialogs).toEqual([])
  expect(await injected(app)).toBe(0)
  // searching happens in the browser: nothing the viewer typed went to Bitrix24
  const sent = JSON.stringify(await portalLog(request, since))
  for (const text of ['onerror', 'OR 1=1', '%_%', 'alert(1)']) expect(sent).not.toContain(text)
})

test('hostile text in a filter\'s search and in the URL is ignored safely', async ({ page, request }) => {
  const dialogs = forbidDialogs(page)
  const { app, count } = await loaded(page, request)

  const picker = app.getByTestId('filter-department')
  for (const text of ['%', '<img src=x onerror=alert(1)>', '\\', 'x'.repeat(10_000)]) {
    await picker.click()
    const box = app.getByPlaceholder('Find a department…')
    await expect(box).toBeFocused()
    await box.fill(text)
    await expect(box).toHaveValue(text)
    await page.keyboard.press('Escape')
    await expect(box).toHaveCount(0)
  }

  // a link with every part of the view broken: the app shows what it can and drops the rest
  const frame = page.frames().find((f) => f.url().includes(':4173/'))!
  const since = await logPosition(request)
  const hostileQuery = new URLSearchParams({
    q: '<img src=x onerror=alert(1)>',
    dept: '1;DROP TABLE b_user',
    sub: '<script>',
    pos: '%',
    type: 'admin',
    status: '__proto__',
    sort: 'constructor',
    cols: 'name,__proto__,<b>,email',
    online: 'javascript:alert(1)',
    bday: '${7*7}',
    person: '../../rest/user.get?ADMIN_MODE=1',
  }).toString()
  await frame.evaluate((query) => {
    window.location.hash = `#/?${query}`
    window.location.reload()
  }, hostileQuery)
  const reloaded = app
  await expect(reloaded.getByRole('searchbox')).toHaveValue('<img src=x onerror=alert(1)>', { timeout: 30_000 })
  await expect(reloaded.getByTestId('empty-results')).toBeVisible()
  await reloaded.getByTestId('empty-results').getByRole('button').click()
  await expect(reloaded.getByTestId('people-count')).toHaveText(peopleCount(count))

  expect(dialogs).toEqual([])
  expect(await injected(app)).toBe(0)
  // whatever the URL said, user.get was only ever asked with the app's own filters (the walk, the sync of the
  // kept list, the online count)
  const keys = userGetFilterKeys(await portalLog(request, since))
  expect(keys.length, 'the reload listed people again').toBeGreaterThan(0)
  for (const key of keys) expect(['ACTIVE', '>ID', 'ID', '>=TIMESTAMP_X', 'IS_ONLINE']).toContain(key)
  const sent = JSON.stringify(await portalLog(request, since))
  expect(sent).not.toContain('ADMIN_MODE')
  expect(sent).not.toContain('DROP TABLE')
})

test('stray messages from the app\'s own origin change nothing, and the token never shows up in URLs, storage or the console', async ({ page, request }) => {
  const consoleText: string[] = []
  page.on('console', (message) => consoleText.push(message.text()))
  const { app } = await loaded(page, request)
  const token = await page.evaluate(() => JSON.parse(document.getElementById('portal-config')?.textContent ?? '{}').frame?.init?.AUTH_ID as string)
  expect(token).toBeTruthy()
  const frame = page.frames().find((f) => f.url().includes(':4173/'))!

  // the app's own origin is not the portal: replies that pretend to come from the portal are dropped
  await frame.evaluate(() => {
    for (const fake of ['0:{"AUTH_ID":"stolen"}', 'getInitData:{}', '{"callback":"1","result":{}}', '<script>alert(1)</script>']) {
      window.postMessage(fake, '*')
    }
  })
  await app.getByRole('searchbox').fill('a')
  await expect(app.getByTestId('people-count')).toContainText(' of ')

  const stored = {
    ...(await frame.evaluate(() => ({
      local: JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }),
      href: window.location.href,
      cookies: document.cookie,
    }))),
    indexed: await storedDirectory(page),
  }
  expect(stored.href).not.toContain(token)
  expect(stored.local).not.toContain(token)
  expect(stored.indexed).not.toContain(token)
  expect(stored.cookies).not.toContain(token)
  expect(consoleText.join('\n')).not.toContain(token)
})
