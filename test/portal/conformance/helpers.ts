/**
 * Test helpers: an in-process portal on a free port (no portal page: the page part has its own tests),
 * REST calls exactly as the SDK sends them (POST JSON, params + auth, bx24_* in the query), the control API.
 */
import { randomUUID } from 'node:crypto'
import { createPortalServer, type PortalServer } from '../server'
import type { PersonaKey, PortalConfig, PortalStore, Scenario } from '../types'

/** REST answers are checked field by field against the docs, so tests read them untyped. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

export interface RestReply<T = Json> {
  status: number
  body: T
  headers: Headers
}

export interface TestPortal {
  server: PortalServer
  store: PortalStore
  url: string
  /** a fresh access token for a persona or a user, with scopes (default: the scenario defaults) */
  token(who: PersonaKey | number, scopes?: string[]): string
  call<T = Json>(method: string, params?: Record<string, unknown>, token?: string): Promise<RestReply<T>>
  control<T = Json>(path: string, body?: unknown, method?: string): Promise<{ status: number; body: T }>
  close(): Promise<void>
}

export async function startPortal(config: Partial<PortalConfig> = {}): Promise<TestPortal> {
  const server = createPortalServer({ port: 0, people: 120, ...config }, { pageRoutes: async () => async () => false })
  await server.listen()
  const store = server.store
  const url = server.url
  let defaultToken: string | undefined

  const token = (who: PersonaKey | number, scopes?: string[]): string => {
    const scenario: Scenario = {
      ...store.scenarioDefaults,
      ...(typeof who === 'number' ? { userId: who } : { persona: who, userId: null }),
      scopes: scopes ?? [...store.scenarioDefaults.scopes],
    }
    return store.openFrame(scenario).token.accessToken
  }

  const call = async <T>(method: string, params: Record<string, unknown> = {}, auth?: string): Promise<RestReply<T>> => {
    const tok = auth ?? (defaultToken ??= token('admin'))
    const res = await fetch(`${url}/rest/${encodeURIComponent(method)}?bx24_request_id=${randomUUID()}&bx24_sdk_ver=2.2.0&bx24_sdk_type=b24-js-sdk`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ ...params, auth: tok }),
    })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T, headers: res.headers }
  }

  const control = async <T>(path: string, body?: unknown, method?: string): Promise<{ status: number; body: T }> => {
    const res = await fetch(`${url}/_portal/api/${path}`, {
      method: method ?? (body === undefined ? 'GET' : 'POST'),
      headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T }
  }

  return { server, store, url, token, call, control, close: () => server.close() }
}

/** The SDK's callList over user.get: `>ID` cursor, order ID ASC, start -1, stop on a short page. */
export async function walkUsers(p: TestPortal, filter: Record<string, unknown>, auth: string, extra: Record<string, unknown> = {}): Promise<Json[]> {
  const all: Json[] = []
  let cursor = 0
  for (let guard = 0; guard < 10_000; guard++) {
    const { status, body } = await p.call('user.get', { ...extra, filter: { ...filter, '>ID': cursor }, order: { ID: 'ASC' }, start: -1 }, auth)
    if (status !== 200) throw new Error(`user.get failed: ${status} ${JSON.stringify(body)}`)
    const page = body.result as Json[]
    all.push(...page)
    if (page.length < 50) break
    cursor = Number(page[page.length - 1].ID)
  }
  return all
}

export const ids = (users: Array<{ ID: string }>): number[] => users.map((u) => Number(u.ID))
