import type { RawUser } from '@/domain/people/person'
import type { BatchCommand, BatchOutcome } from './batch'
import { isOperatingLimit, RestError } from './rest-error'
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

/**
 * Which way a chain of pages runs over the ID order: `up` from the lower end of the range (`>ID` cursor, ID
 * ascending), `down` from its upper end (`<ID` cursor, ID descending). A walk reads both at once, in two
 * requests side by side, so a large portal is read in half the rounds.
 */
export type Direction = 'up' | 'down'

/** The stretch of the ID order still to read: IDs above `afterId` and, when known, below `beforeId`. */
export interface IdRange {
  afterId: number
  /** null: no upper end yet (the top of the ID order) */
  beforeId: number | null
}

export interface BatchPlan {
  commands: Record<string, BatchCommand>
  /** page command keys in chain order */
  pageKeys: string[]
  /** the key of the command that counts the whole set, when asked for */
  countKey: string | null
  range: IdRange
  direction: Direction
}

export interface BatchReading extends IdRange {
  /** rows in chain order, each inside the range asked for; `afterId` and `beforeId` are the range still to read */
  rows: RawUser[]
  /** nothing more to read in the range asked for (a short page) */
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
 * One HTTP request that reads up to 50 pages of the range: each page's cursor (`>ID` going up, `<ID` going
 * down) is the last ID of the page before it, resolved by the portal through `$result[...]` references, so
 * 2,500 people arrive per request; the other end of the range bounds every page, so a chain that reaches it
 * ends on a short page. `start: -1` skips the COUNT on every page but the first page of a load, whose
 * `start: 0` also counts the set. Sources: user.get (filter prefixes, SORT/ORDER, start), batch (`$result`).
 */
export function planPeopleBatch(
  query: PeopleQuery,
  range: IdRange,
  withCount: boolean,
  maxPages: number = MAX_COMMANDS,
  direction: Direction = 'up',
): BatchPlan {
  const { filter, extra } = baseParams(query)
  const select = [...query.select]
  const commands: Record<string, BatchCommand> = {}
  const pageKeys: string[] = []
  const pages = Math.max(1, Math.min(maxPages, MAX_COMMANDS))
  const up = direction === 'up'
  for (let i = 0; i < pages; i++) {
    const key = `p${i}`
    const previous = i === 0 ? null : `$result[p${i - 1}][${PAGE_SIZE - 1}][ID]`
    // the chain's own end moves with each page; the other end stays where the round found it
    const above = up ? (previous ?? range.afterId) : range.afterId
    const below = up ? range.beforeId : (previous ?? range.beforeId)
    const bounds: Record<string, unknown> = {}
    // IDs start at 1: going down, no lower end is needed until the chain going up has moved
    if (up || range.afterId > 0) bounds['>ID'] = above
    if (below !== null) bounds['<ID'] = below
    // the first page of a load counts (start 0); every other page skips the COUNT (start -1)
    const start = i === 0 && withCount ? 0 : -1
    commands[key] = {
      method: 'user.get',
      // SORT and ORDER only work together; older portals have no default order, and the cursor needs ID order
      params: { filter: { ...filter, ...bounds }, ...extra, sort: 'ID', order: up ? 'ASC' : 'DESC', select, start },
    }
    pageKeys.push(key)
  }
  return { commands, pageKeys, countKey: withCount ? 'p0' : null, range: { ...range }, direction }
}

/** Below this many pages left, one chain reads the rest: a second request would not save a round. */
const SPLIT_FROM_PAGES = MAX_COMMANDS + 1
/** A chain going down met a row out of ID order: the portal ignored the descending order (or `<ID`). */
export const ID_ORDER_ERROR = 'ERROR_ID_ORDER'
/** Pages asked for when the count is reached but a stretch between the two chains is still unread. */
const CLOSING_PAGES = 2

/**
 * How many pages each chain asks for in the next round, `roundPages` being the most the budget allows for
 * the round. With the count known: what is left plus one page of slack per chain for people who joined
 * since, as pages past the end of a chain cost the portal work for nothing. A second chain (down from the
 * top) only when the rest needs more than one request and the budget allows more than one request's pages
 * (a slowed walk reads one short request per round), so a load never takes more requests than one chain;
 * never when `bothEnds` is false (a portal that does not walk down in order).
 */
export function planRound(
  expected: number | null,
  read: number,
  range: IdRange,
  roundPages: number,
  bothEnds = true,
): { up: number; down: number } {
  const cap = Math.max(1, Math.min(MAX_COMMANDS, roundPages))
  // unknown: read as much as one request can
  if (expected === null) return { up: cap, down: 0 }
  // passed, the count is out of date: between two chains little can be left, above the top anything
  if (read >= expected) return { up: range.beforeId === null ? cap : Math.min(cap, CLOSING_PAGES), down: 0 }
  const pages = Math.ceil((expected - read) / PAGE_SIZE)
  if (pages < SPLIT_FROM_PAGES || roundPages <= MAX_COMMANDS || !bothEnds) return { up: Math.min(cap, pages + 1), down: 0 }
  const each = Math.min(MAX_COMMANDS, Math.floor(roundPages / 2), Math.ceil(pages / 2) + 1)
  return { up: each, down: each }
}

/**
 * Reads a batch answer in chain order. The chain is only trustworthy up to the first short page: after it
 * the `$result` reference has nothing to point at, so later pages are ignored whatever they hold. Rows
 * outside the range are dropped, so a portal that ignores the ID filter cannot make the load loop. Going
 * down, a row inside the range that does not move the cursor down means the order was not kept: nothing of
 * the chain is taken (its cursor would claim rows it never saw), and the answer says ID_ORDER_ERROR.
 */
export function readPeopleBatch(plan: BatchPlan, outcomes: Record<string, BatchOutcome>): BatchReading {
  const rows: RawUser[] = []
  const up = plan.direction === 'up'
  let { afterId, beforeId } = plan.range
  let total: number | null = null
  if (plan.countKey) {
    const count = outcomes[plan.countKey]
    if (count?.ok && typeof count.total === 'number') total = count.total
  }
  const reading = (done: boolean, error: RestError | null): BatchReading => ({ rows, afterId, beforeId, done, total, error })
  for (const key of plan.pageKeys) {
    const outcome = outcomes[key]
    if (!outcome || !outcome.ok) return reading(false, outcome && !outcome.ok ? outcome.error : missing(key))
    const page = asPage(outcome.result)
    // not a list: never read it as "the end", or a truncated list would pass for complete
    if (!page) return reading(false, new RestError('ERROR_UNEXPECTED_ANSWER', 0, `${key} is not a list`, 'user.get'))
    let advanced = false
    for (const row of page) {
      const id = Number(row?.ID)
      if (!Number.isInteger(id) || id <= afterId || (beforeId !== null && id >= beforeId)) {
        const inRange = id > plan.range.afterId && (plan.range.beforeId === null || id < plan.range.beforeId)
        if (!up && inRange) {
          return { rows: [], ...plan.range, done: false, total, error: new RestError(ID_ORDER_ERROR, 0, '', 'user.get') }
        }
        continue
      }
      rows.push(row)
      if (up) afterId = id
      else beforeId = id
      advanced = true
    }
    if (page.length < PAGE_SIZE) return reading(true, null)
    if (!advanced) return reading(false, new RestError('CURSOR_STUCK', 0, '', 'user.get'))
  }
  return reading(false, null)
}

/**
 * One round of a walk read from both ends: the chain going up and, when there was one, the chain coming
 * down from the top, read side by side over the same range. Where they crossed, the rows the up chain read
 * are kept and the down chain's copies dropped; the range left is what lies between them, and nothing is
 * left once they met or either one reached the other end. The first error is kept (rows before it are not).
 */
export function joinChains(up: BatchReading, down: BatchReading | null): BatchReading {
  if (!down) return up
  const fromDown = down.rows.filter((row) => Number(row.ID) > up.afterId)
  const met = down.beforeId !== null && down.beforeId <= up.afterId + 1
  const done = up.done || down.done || met
  return {
    rows: [...up.rows, ...fromDown],
    afterId: up.afterId,
    beforeId: down.beforeId,
    done,
    total: up.total,
    error: done ? null : firstError(up.error, down.error),
  }
}

/** The error a round reports: a block of the method before any other, as waiting cannot pass it. */
export function firstError(...errors: (RestError | null)[]): RestError | null {
  return errors.find((e) => e && isOperatingLimit(e)) ?? errors.find((e) => e !== null) ?? null
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
