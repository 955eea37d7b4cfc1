import { expect, type APIRequestContext, type FrameLocator, type Page } from '@playwright/test'

export type Persona = 'admin' | 'employee' | 'head' | 'extranet'

interface PortalState {
  personas: { key: Persona; userId: number; name: string }[]
}

/** The app's frame inside the stand-in portal page. */
export function appFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe[id^="appframe_"]')
}

/** Opens the portal page as a persona, with any other scenario switches given as query parameters. */
export async function openPortal(page: Page, query: Record<string, string> = {}): Promise<FrameLocator> {
  await page.goto(`/?${new URLSearchParams(query).toString()}`)
  return appFrame(page)
}

export async function persona(request: APIRequestContext, key: Persona) {
  const response = await request.get('/_portal/api/state')
  expect(response.ok()).toBe(true)
  const state = (await response.json()) as PortalState
  const found = state.personas.find((p) => p.key === key)
  if (!found) throw new Error(`The portal has no ${key} persona`)
  return found
}

/** How many people user.get returns to this viewer, straight from the portal's data. */
export async function expectedCount(request: APIRequestContext, viewerId: number): Promise<number> {
  const response = await request.get(`/_portal/api/expected?viewer=${viewerId}`)
  expect(response.ok()).toBe(true)
  return ((await response.json()) as { count: number }).count
}

/** "5,000 people", as the English directory writes it. */
export function peopleCount(n: number): string {
  return `${new Intl.NumberFormat('en').format(n)} ${n === 1 ? 'person' : 'people'}`
}

/**
 * Calls the portal's REST API with the token of the page's current render, as an independent oracle:
 * the answer comes from the portal's own user.get, not from the app.
 */
export async function rest<T>(page: Page, method: string, params: Record<string, unknown> = {}): Promise<{ result: T; total?: number }> {
  const token = await page.evaluate(() => {
    const config = JSON.parse(document.getElementById('portal-config')?.textContent ?? '{}')
    return config.frame?.init?.AUTH_ID as string
  })
  const response = await page.request.post(`/rest/${method}`, { data: { ...params, auth: token } })
  expect(response.ok(), `${method} answered ${response.status()}`).toBe(true)
  return response.json()
}

export async function controlPost(request: APIRequestContext, path: string, body: unknown = {}) {
  const response = await request.post(`/_portal/api/${path}`, { data: body })
  expect(response.ok(), `${path} answered ${response.status()}`).toBe(true)
  return response.json()
}

/** The people grid's row count as the app announces it to assistive technology (header row included). */
export function grid(app: FrameLocator) {
  return app.getByRole('grid')
}

/** One line of the portal's live log: a REST call or a frame message. */
export interface LogEntry {
  seq: number
  kind: 'rest' | 'frame'
  name: string
  status: number | string
  params: Record<string, unknown>
  detail?: string
}

/** The portal's log after a point (0: everything since the last reset). */
export async function portalLog(request: APIRequestContext, since = 0): Promise<LogEntry[]> {
  const response = await request.get(`/_portal/api/log?since=${since}`)
  expect(response.ok()).toBe(true)
  return (await response.json()) as LogEntry[]
}

/** Where the log stands now, to read only what follows. */
export async function logPosition(request: APIRequestContext): Promise<number> {
  return (await portalLog(request)).at(-1)?.seq ?? 0
}

/** Everything the app keeps in IndexedDB, as JSON text. */
export async function storedDirectory(page: Page): Promise<string> {
  const frame = page.frames().find((f) => f.url().includes(':4173/'))!
  return frame.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('people-directory')
        open.onerror = () => resolve('')
        open.onsuccess = () => {
          const db = open.result
          if (!db.objectStoreNames.contains('directory')) return resolve('')
          const all = db.transaction('directory').objectStore('directory').getAll()
          all.onsuccess = () => resolve(JSON.stringify(all.result))
          all.onerror = () => resolve('')
        }
      }),
  )
}

/** Each user.get the viewer's app ran since a point of the log (a batch's commands one by one), decoded. */
export function userGetCommands(entries: LogEntry[], userId: number): string[] {
  const commands: string[] = []
  for (const entry of entries) {
    if (entry.kind !== 'rest' || (entry as { userId?: number }).userId !== userId) continue
    if (entry.name === 'user.get') commands.push(JSON.stringify(entry.params))
    if (entry.name === 'batch') {
      for (const value of Object.values((entry.params.cmd ?? {}) as Record<string, unknown>)) {
        const text = decodeURIComponent(String(value))
        if (text.startsWith('user.get')) commands.push(text)
      }
    }
  }
  return commands
}

/** Waits until the app has stopped asking for people (a walk would go on for seconds), and reads what it asked. */
export async function settledCommands(request: APIRequestContext, since: number, viewerId: number): Promise<string[]> {
  let commands: string[] = []
  for (let tries = 0; tries < 10; tries++) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    const now = userGetCommands(await portalLog(request, since), viewerId)
    if (tries > 0 && now.length === commands.length) break
    commands = now
  }
  return commands
}

/** A department as the portal's own department.get sends it. */
export interface RawDepartment {
  ID: string
  PARENT?: string
  UF_HEAD?: string
}

/** Every department of the portal, by its own department.get, page by page. */
export async function allDepartments(page: Page): Promise<RawDepartment[]> {
  const departments: RawDepartment[] = []
  for (let start = 0; ; start += 50) {
    const { result, total } = await rest<RawDepartment[]>(page, 'department.get', { start })
    departments.push(...result)
    if (departments.length >= (total ?? 0) || result.length === 0) return departments
  }
}
