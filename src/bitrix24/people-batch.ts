import type { RawUser } from '@/domain/people/person'
import type { BatchCommand, BatchOutcome } from './batch'
import { RestError } from './rest-error'
import { directorySelect, type ScopeAccess } from '@/domain/portal/scope-access'

/** user.get always answers pages of 50. */
export const PAGE_SIZE = 50
/** batch takes at most 50 commands. */
export const MAX_COMMANDS = 50

export interface PeopleQuery {
  /** active people only: what every viewer's directory shows */
  activeOnly: boolean
  /** ADMIN_MODE: only ever set for portal admins (admin views) */
  adminMode: boolean
  /** the fields to ask for; the portal drops whatever the granted scope does not allow */
  select: readonly string[]
}

/** Everyone's directory: the active people the viewer may see, never ADMIN_MODE, with the fields the scopes grant. */
export function directoryQuery(access: ScopeAccess): PeopleQuery {
  return { activeOnly: true, adminMode: false, select: directorySelect(access) }
}

export interface BatchPlan {
  commands: Record<string, BatchCommand>
  /** page command keys in chain order */
  pageKeys: string[]
  /** the key of the command that counts the whole set, when asked for */
  countKey: string | null
  afterId: number
}

export interface BatchReading {
  /** rows in ID order, each newer than the cursor */
  rows: RawUser[]
  /** the cursor after these rows */
  afterId: number
  /** no more pages after this batch */
  done: boolean
  /** COUNT of the whole set, when this batch counted */
  total: number | null
  /** the first page command that failed; rows before it are kept */
  error: RestError | null
}

function baseParams(query: PeopleQuery): { filter: Record<string, unknown>; extra: Record<string, unknown> } {
  const filter: Record<string, unknown> = {}
  if (query.activeOnly) filter.ACTIVE = true
  const extra: Record<string, unknown> = {}
  if (query.adminMode) extra.ADMIN_MODE = true
  return { filter, extra }
}

/**
 * One HTTP request that reads up to 50 pages: each page's `>ID` cursor is the last ID of the page before it,
 * resolved by the portal through `$result[...]` references, so 2,500 people arrive per request. `start: -1`
 * skips the COUNT on every page but the first page of a load, whose `start: 0` also counts the whole set.
 */
export function planPeopleBatch(
  query: PeopleQuery,
  afterId: number,
  withCount: boolean,
  maxPages: number = MAX_COMMANDS,
): BatchPlan {
  const { filter, extra } = baseParams(query)
  const select = [...query.select]
  const commands: Record<string, BatchCommand> = {}
  const pageKeys: string[] = []
  const pages = Math.max(1, Math.min(maxPages, MAX_COMMANDS))
  for (let i = 0; i < pages; i++) {
    const key = `p${i}`
    const cursor = i === 0 ? afterId : `$result[p${i - 1}][${PAGE_SIZE - 1}][ID]`
    // the first page of a load counts (start 0); every other page skips the COUNT (start -1)
    const start = i === 0 && withCount ? 0 : -1
    commands[key] = {
      method: 'user.get',
      // SORT and ORDER only work together; older portals have no default order, and the cursor needs ID order
      params: { filter: { ...filter, '>ID': cursor }, ...extra, sort: 'ID', order: 'ASC', select, start },
    }
    pageKeys.push(key)
  }
  return { commands, pageKeys, countKey: withCount ? 'p0' : null, afterId }
}

/**
 * How many pages the next batch needs when the portal's count is known: what is left, plus one page of
 * slack for people who joined since. Pages past the end of the chain cost the portal work for nothing.
 */
export function pagesToAsk(expected: number | null, loaded: number): number {
  // unknown, or already passed: the count is out of date, so read as much as one request can
  if (expected === null || loaded >= expected) return MAX_COMMANDS
  return Math.min(MAX_COMMANDS, Math.ceil((expected - loaded) / PAGE_SIZE) + 1)
}

/**
 * Reads a batch answer in chain order. The chain is only trustworthy up to the first short page: after it
 * the `$result` reference has nothing to point at, so later pages are ignored whatever they hold. Rows that
 * do not advance the cursor are dropped, so a portal that ignores `>ID` cannot make the load loop.
 */
export function readPeopleBatch(plan: BatchPlan, outcomes: Record<string, BatchOutcome>): BatchReading {
  const rows: RawUser[] = []
  let afterId = plan.afterId
  let total: number | null = null
  if (plan.countKey) {
    const count = outcomes[plan.countKey]
    if (count?.ok && typeof count.total === 'number') total = count.total
  }
  for (const key of plan.pageKeys) {
    const outcome = outcomes[key]
    if (!outcome || !outcome.ok) {
      return { rows, afterId, done: false, total, error: outcome && !outcome.ok ? outcome.error : missing(key) }
    }
    const page = asPage(outcome.result)
    if (!page) {
      // not a list: never read it as "the end", or a truncated list would pass for complete
      return { rows, afterId, done: false, total, error: new RestError('ERROR_UNEXPECTED_ANSWER', 0, `${key} is not a list`, 'user.get') }
    }
    let advanced = false
    for (const row of page) {
      const id = Number(row?.ID)
      if (Number.isInteger(id) && id > afterId) {
        rows.push(row)
        afterId = id
        advanced = true
      }
    }
    if (page.length < PAGE_SIZE) return { rows, afterId, done: true, total, error: null }
    if (!advanced) {
      return { rows, afterId, done: false, total, error: new RestError('CURSOR_STUCK', 0, '', 'user.get') }
    }
  }
  return { rows, afterId, done: false, total, error: null }
}

/** A page of users: a JSON array, or a PHP list that arrived as an object with keys 0..n-1. */
function asPage(result: unknown): RawUser[] | null {
  if (Array.isArray(result)) return result as RawUser[]
  if (result && typeof result === 'object') {
    const keys = Object.keys(result)
    if (keys.every((k, i) => k === String(i))) return Object.values(result) as RawUser[]
  }
  return null
}

function missing(key: string): RestError {
  return new RestError('ERROR_UNEXPECTED_ANSWER', 0, `no answer for ${key}`, 'user.get')
}
