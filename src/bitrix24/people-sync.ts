import type { RawUser } from '@/domain/people/person'
import type { OperatingReading } from '@/domain/portal/portal-budget'
import type { PortalTime, RestClient } from './rest-client'
import { callBatchTimed, type BatchCommand, type BatchOutcome } from './batch'
import { RestError } from './rest-error'
import type { PeopleQuery } from './people-batch'

/**
 * The small, targeted user.get reads that keep a directory useful and current without reading everyone:
 * the first page by name, a search on the portal, and the changes since the last sync. Each costs the portal
 * one page execution per command (Bitrix24 charges user.get per page against the app's operating limit).
 */

/** Operating figures of a user.get answer, when the portal sent them. */
export function operatingOf(time: PortalTime | undefined): OperatingReading | null {
  if (time?.operatingSec === undefined) return null
  return { operatingSec: time.operatingSec, resetAt: time.operatingResetAt ?? null }
}

function baseFilter(query: PeopleQuery): Record<string, unknown> {
  return query.activeOnly ? { ACTIVE: true } : {}
}

function extra(query: PeopleQuery): Record<string, unknown> {
  return query.adminMode ? { ADMIN_MODE: true } : {}
}

function rowsOf(result: unknown): RawUser[] {
  if (Array.isArray(result)) return result as RawUser[]
  // a PHP list may arrive as an object keyed 0..n-1
  if (result && typeof result === 'object') return Object.values(result) as RawUser[]
  return []
}

export interface PageReading {
  rows: RawUser[]
  /** how many people the filter matches in all */
  total: number | null
  operating: OperatingReading | null
}

export interface FirstPage extends PageReading {
  /** people online now, counted by the portal */
  online: number | null
  /** the portal's clock at the start of the request: the watermark of a read that starts here */
  watermark: string | null
}

/** The command that counts who is online now (`start: 0` gives the total), never a read of everyone. */
function onlineCountCommand(query: PeopleQuery) {
  return { method: 'user.get', params: { filter: { ...baseFilter(query), IS_ONLINE: 'Y' }, ...extra(query), select: ['ID'], start: 0 } }
}

/**
 * The first page of the directory by name (surname, then first name), with the count of everyone and of
 * who is online now: one request of two page executions, and the first screen of any portal.
 */
export async function fetchFirstPageByName(client: RestClient, query: PeopleQuery): Promise<FirstPage> {
  const { outcomes, time } = await callBatchTimed(client, {
    first: {
      method: 'user.get',
      params: { filter: baseFilter(query), ...extra(query), sort: 'LAST_NAME', order: 'ASC', select: [...query.select], start: 0 },
    },
    online: onlineCountCommand(query),
  })
  const first = page(outcomes.first, 'user.get')
  const online = outcomes.online?.ok ? (outcomes.online.total ?? null) : null
  return { rows: first.rows, total: first.total, operating: operatingOf(first.time), online, watermark: time?.dateStart ?? null }
}

/**
 * Words the viewer typed, made safe for NAME_SEARCH: letters, digits and the marks names carry, never the
 * filter's own operators or wildcards; at most 8 words of 40 characters. Empty when nothing searchable is left.
 */
export function portalSearchText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\s'’.@-]+/gu, ' ')
    .split(/\s+/)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .slice(0, 8)
    .map((word) => word.slice(0, 40))
    .join(' ')
}

/**
 * People matching the typed words (user.get NAME_SEARCH: word prefixes over names, position and department)
 * and/or working in the given departments (UF_DEPARTMENT) on the portal, one page: what the viewer is looking
 * for while the whole list is not read yet. No call when there is nothing to ask.
 */
export async function searchOnPortal(
  client: RestClient,
  query: PeopleQuery,
  text: string,
  departmentIds: readonly number[] = [],
): Promise<PageReading> {
  const words = portalSearchText(text)
  if (!words && departmentIds.length === 0) return { rows: [], total: 0, operating: null }
  const filter: Record<string, unknown> = { ...baseFilter(query) }
  if (words) filter.NAME_SEARCH = words
  if (departmentIds.length) filter.UF_DEPARTMENT = departmentIds.slice(0, 50)
  const { result, total, time } = await client.call<unknown>('user.get', {
    filter,
    ...extra(query),
    select: [...query.select],
    start: 0,
  })
  return { rows: rowsOf(result), total: total ?? null, operating: operatingOf(time) }
}

export interface DirectoryChanges {
  /** people changed or new since the watermark, still working */
  changed: RawUser[]
  /** IDs of people dismissed since the watermark */
  left: number[]
  /** the whole delta fit in this answer (otherwise a full read follows) */
  complete: boolean
  /** everyone the viewer may see now */
  counted: number | null
  /** people online now */
  online: number | null
  /** presence of the people asked for (the first screen), by ID */
  presence: Map<number, boolean>
  /** the portal's clock at the start of this request: the next watermark */
  watermark: string | null
  operating: OperatingReading | null
}

function page(outcome: BatchOutcome | undefined, method: string): { rows: RawUser[]; total: number | null; time?: PortalTime } {
  if (!outcome) throw new RestError('ERROR_UNEXPECTED_ANSWER', 0, 'no answer for a sync command', method)
  if (!outcome.ok) throw outcome.error
  return { rows: rowsOf(outcome.result), total: outcome.total ?? null, time: outcome.time }
}

/**
 * One request that brings a kept directory up to date: who changed since `since` (ISO 8601, the portal's own
 * clock of the last sync), who left since then (their ID only: nothing else of a dismissed person reaches a
 * viewer who is not an admin), how many people there are now and how many are online, and the presence of
 * the people on the first screen: five page executions at most.
 */
export async function fetchChangesSince(
  client: RestClient,
  query: PeopleQuery,
  since: string,
  presenceOf: readonly number[] = [],
): Promise<DirectoryChanges> {
  const commands: Record<string, BatchCommand> = {}
  if (presenceOf.length) {
    commands.presence = {
      method: 'user.get',
      params: { filter: { ...baseFilter(query), ID: presenceOf.slice(0, 50) }, ...extra(query), select: ['ID', 'IS_ONLINE'], start: -1 },
    }
  }
  const { outcomes, time } = await callBatchTimed(client, {
    ...commands,
    changed: {
      method: 'user.get',
      params: { filter: { ...baseFilter(query), '>=TIMESTAMP_X': since }, ...extra(query), sort: 'ID', order: 'ASC', select: [...query.select], start: 0 },
    },
    left: {
      method: 'user.get',
      params: { filter: { ACTIVE: false, '>=TIMESTAMP_X': since }, ...extra(query), select: ['ID'], start: 0 },
    },
    count: { method: 'user.get', params: { filter: baseFilter(query), ...extra(query), select: ['ID'], start: 0 } },
    online: onlineCountCommand(query),
  })
  const changed = page(outcomes.changed, 'user.get')
  const left = page(outcomes.left, 'user.get')
  const count = page(outcomes.count, 'user.get')
  const leftIds = left.rows.map((row) => Number(row.ID)).filter((id) => Number.isInteger(id) && id > 0)
  const complete = (changed.total ?? 0) <= changed.rows.length && (left.total ?? 0) <= left.rows.length
  return {
    changed: changed.rows,
    left: leftIds,
    complete,
    counted: count.total,
    online: outcomes.online?.ok ? (outcomes.online.total ?? null) : null,
    presence: presenceMap(presenceRows(outcomes)),
    watermark: time?.dateStart ?? null,
    operating: operatingOf(count.time ?? changed.time),
  }
}

/** Presence of up to 50 people by ID (`IS_ONLINE`): one page, whatever the portal's size. */
export async function fetchPresence(client: RestClient, query: PeopleQuery, ids: readonly number[]): Promise<{ online: Map<number, boolean>; operating: OperatingReading | null }> {
  const { result, time } = await client.call<unknown>('user.get', {
    filter: { ...baseFilter(query), ID: ids.slice(0, 50) },
    ...extra(query),
    select: ['ID', 'IS_ONLINE'],
    start: -1,
  })
  return { online: presenceMap(rowsOf(result)), operating: operatingOf(time) }
}

/** The presence command's rows, when the batch had one and it answered. */
function presenceRows(outcomes: Record<string, BatchOutcome>): RawUser[] {
  const outcome = outcomes.presence
  return outcome?.ok ? rowsOf(outcome.result) : []
}

/** IS_ONLINE by ID, from rows that carry both. */
function presenceMap(rows: readonly RawUser[]): Map<number, boolean> {
  const online = new Map<number, boolean>()
  for (const row of rows) {
    const id = Number(row.ID)
    if (Number.isInteger(id)) online.set(id, row.IS_ONLINE === 'Y' || row.IS_ONLINE === true)
  }
  return online
}
