import type { RestClient } from './rest-client'

/** A user as `user.get` / `user.current` send it: every field optional, values as loose as real portals make them. */
export type RawUser = Record<string, unknown>

/** The page size of user.get; it cannot be changed. */
export const USER_PAGE_SIZE = 50

/**
 * Fields the directory shows. Asking for them with `select` keeps answers small; the portal silently drops
 * whatever the granted scope does not allow.
 */
export const DIRECTORY_FIELDS = [
  'ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'EMAIL', 'PERSONAL_PHOTO', 'WORK_POSITION',
  'WORK_PHONE', 'PERSONAL_MOBILE', 'UF_PHONE_INNER', 'PERSONAL_CITY', 'WORK_CITY', 'UF_DEPARTMENT',
  'TIME_ZONE', 'IS_ONLINE', 'USER_TYPE', 'PERSONAL_BIRTHDAY', 'UF_EMPLOYMENT_DATE',
] as const

export async function fetchCurrentUser(client: RestClient): Promise<RawUser> {
  const { result } = await client.call<RawUser>('user.current')
  return result
}

/** `user.admin`: is the viewer a portal administrator. */
export async function fetchIsAdmin(client: RestClient): Promise<boolean> {
  const { result } = await client.call<unknown>('user.admin')
  return result === true
}

/** `user.access`: does the viewer hold any of these access codes (admins always do). */
export async function fetchHasAccess(client: RestClient, codes: readonly string[]): Promise<boolean> {
  if (codes.length === 0) return false
  const { result } = await client.call<unknown>('user.access', { ACCESS: [...codes] })
  return result === true
}

export interface UserPageQuery {
  /** keyset cursor: only people with a greater ID */
  afterId: number
  /** active people only (what a regular viewer sees) */
  activeOnly: boolean
}

/**
 * One page of people after a cursor, in ID order, without the COUNT query (start -1).
 * The filter goes under lower-case `filter`: the portal replaces every top-level filter key with it.
 */
export function userPageParams({ afterId, activeOnly }: UserPageQuery): Record<string, unknown> {
  const filter: Record<string, unknown> = { '>ID': afterId }
  if (activeOnly) filter.ACTIVE = true
  // SORT and ORDER only apply together; older portals have no default order, and the cursor needs ID order.
  return { filter, sort: 'ID', order: 'ASC', select: [...DIRECTORY_FIELDS], start: -1 }
}

export async function fetchUserPage(client: RestClient, query: UserPageQuery): Promise<RawUser[]> {
  const { result } = await client.call<unknown>('user.get', userPageParams(query))
  return Array.isArray(result) ? (result as RawUser[]) : []
}
