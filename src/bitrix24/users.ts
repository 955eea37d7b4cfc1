import type { RawUser } from '@/domain/people/person'
import type { PeopleQuery } from './people-batch'
import type { RestClient } from './rest-client'
import { callBatch, type BatchCommand } from './batch'


export interface Viewer {
  user: RawUser
  /** `user.admin`: a portal administrator */
  isAdmin: boolean
  /** `user.access` with the codes an admin granted; false when none were granted */
  granted: boolean
  /** the scopes granted to the app, null when the portal would not say */
  scopes: string[] | null
  /** the app's own ID on the portal (`app.info` ID, the number in its page address /marketplace/app/<ID>/); null when not told */
  appId: number | null
}

/**
 * Who is looking, in one HTTP request: user.current, user.admin, the granted scopes, the app's own ID
 * (app.info), and user.access for the admin views when an admin granted them to anyone.
 */
export async function fetchViewer(client: RestClient, accessCodes: readonly string[]): Promise<Viewer> {
  const commands: Record<string, BatchCommand> = {
    me: { method: 'user.current' },
    admin: { method: 'user.admin' },
    scope: { method: 'scope' },
    app: { method: 'app.info' },
  }
  if (accessCodes.length) commands.access = { method: 'user.access', params: { ACCESS: [...accessCodes] } }
  const { me, admin, scope, app, access } = await callBatch(client, commands)
  if (!me?.ok) throw me?.error ?? new Error('user.current did not answer')
  if (!me.result || typeof me.result !== 'object') throw new Error('user.current sent no user')
  return {
    user: me.result as RawUser,
    isAdmin: admin?.ok === true && admin.result === true,
    granted: access?.ok === true && access.result === true,
    scopes: scope?.ok ? parseScopes(scope.result) : null,
    appId: app?.ok ? parseAppId(app.result) : null,
  }
}

/** The `ID` of an `app.info` answer (a number, or digits as text); a webhook's answer has none. */
export function parseAppId(result: unknown): number | null {
  const raw = result && typeof result === 'object' ? (result as { ID?: unknown }).ID : undefined
  const id = typeof raw === 'number' || (typeof raw === 'string' && /^\d{1,15}$/.test(raw)) ? Number(raw) : Number.NaN
  return Number.isSafeInteger(id) && id > 0 ? id : null
}

/** The `scope` answer: a list of scope names. */
function parseScopes(result: unknown): string[] | null {
  return Array.isArray(result) ? result.filter((s): s is string => typeof s === 'string') : null
}

/**
 * One person by ID, or null when the portal does not show them to the viewer (or, for a working-people
 * query, when they are dismissed).
 */
export async function fetchPersonById(client: RestClient, id: number, query: PeopleQuery): Promise<RawUser | null> {
  const filter: Record<string, unknown> = { ID: id }
  if (query.activeOnly) filter.ACTIVE = true
  const params: Record<string, unknown> = { filter, select: [...query.select] }
  if (query.adminMode) params.ADMIN_MODE = true
  const { result } = await client.call<unknown>('user.get', params)
  const list = Array.isArray(result) ? result : []
  const found = list.find((u) => u && typeof u === 'object' && Number((u as RawUser).ID) === id)
  return (found as RawUser | undefined) ?? null
}
