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
