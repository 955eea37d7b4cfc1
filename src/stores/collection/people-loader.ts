import { ref, shallowRef } from 'vue'
import { fetchPeopleBatch } from '@/bitrix24/people'
import { MAX_COMMANDS, PAGE_SIZE, pagesToAsk, type ChainDirection, type PeopleQuery } from '@/bitrix24/people-batch'
import { retryQuietly } from '@/bitrix24/quiet-retry'
import type { RestClient } from '@/bitrix24/rest-client'
import { toRestError, type RestError } from '@/bitrix24/rest-error'
import { toPerson, type Person, type RawUser } from '@/domain/person'
import { RETRY_DELAYS_MS } from '@/domain/retry-policy'
import type { usePortalBudgetStore } from '../portal-budget'

type Reading = Awaited<ReturnType<typeof fetchPeopleBatch>>

export type LoadStatus = 'idle' | 'loading' | 'done' | 'cancelled' | 'error' | 'blocked'

/**
 * How far a walk over everyone got: where to resume after a pause, an error or a block. A walk reads up from
 * the lowest IDs and, once the count says there is more than one request's worth, down from the highest at
 * the same time; it is done where the two meet.
 */
export interface Cursor {
  /** the highest ID read going up */
  afterId: number
  /** the lowest ID read going down; null while nothing was read from the top */
  beforeId: number | null
  done: boolean
  counted: boolean
  /** rows this walk has read so far */
  read: number
  /** the portal's clock when this walk began: the watermark of what it read */
  startedAt: string | null
}

export function newCursor(): Cursor {
  return { afterId: 0, beforeId: null, done: false, counted: false, read: 0, startedAt: null }
}

/** a slowed walk reads this many pages per request, so it stops sooner when the budget runs low */
const SLOW_PAGES = 10

export function toPeople(rows: readonly RawUser[]): Person[] {
  return rows.map(toPerson).filter((p): p is Person => p !== null)
}

/** The portal blocked user.get for the app: asking again before the window moves only fails again. */
export function isOperatingLimit(error: RestError): boolean {
  return error.code === 'OPERATION_TIME_LIMIT' || error.status === 429
}

export interface LoaderDeps {
  client(): RestClient | null
  query(): PeopleQuery
  allowed(): boolean
  budget: ReturnType<typeof usePortalBudgetStore>
  /** something the viewer waits for is on its way (a search on the portal): the walk lets it go first */
  busy?(): boolean
}

/** how often a walk that gave way looks again */
const YIELD_CHECK_MS = 150

/**
 * The walk over everyone the viewer may see, in batches of chained user.get pages on an ID cursor, paced by
 * the app's share of the portal's operating limit: quiet retries of passing faults, a stop when the portal
 * blocks user.get, resumable from the cursor after a Stop, an error or a block.
 */
export function createPeopleLoader(deps: LoaderDeps) {
  const status = ref<LoadStatus>('idle')
  const error = shallowRef<RestError | null>(null)
  /** how many people the portal counted, for the progress bar */
  const expected = ref<number | null>(null)
  /** a transient fault is being retried quietly: the viewer sees "waiting for Bitrix24", not an error */
  const waiting = ref(false)
  let cursor: Cursor = newCursor()
  let cancelRequested = false
  let retryDelays: readonly number[] = RETRY_DELAYS_MS
  /** ends a wait early (Stop, back online) */
  let wakeUp: (() => void) | null = null

  function pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms)
      function done() {
        clearTimeout(timer)
        wakeUp = null
        resolve()
      }
      wakeUp = done
    })
  }

  /**
   * Waits as long as the budget asks; the number of pages the next request may read, and whether the walk may
   * read at full speed (only then does it read from both ends).
   */
  async function paced(): Promise<{ pages: number; full: boolean } | null> {
    // what the viewer is waiting for goes first: a batch of 50 pages would delay it
    while (deps.busy?.() && !cancelRequested) await pause(YIELD_CHECK_MS)
    if (cancelRequested) return null
    for (;;) {
      const pace = deps.budget.pace()
      if (pace.kind === 'go') return { pages: MAX_COMMANDS, full: true }
      if (pace.kind === 'slow') {
        await pause(pace.delayMs)
        return cancelRequested ? null : { pages: SLOW_PAGES, full: false }
      }
      await pause(Math.max(0, pace.untilMs - Date.now()))
      if (cancelRequested) return null
    }
  }

  /**
   * Walks from the cursor until done, cancelled or failed; `add` takes each batch's people.
   *
   * The walk goes in rounds of requests. Once the count is known and more than one request's worth is left,
   * a round reads from both ends at once (at full speed only): up from the lowest IDs and down from the
   * highest, each bounded by what the other has read, so a 10,000-person portal takes two rounds instead of
   * four. The next round is asked for before this one is handed over: showing 2,500 more people (search
   * index, sort, facets, render) takes a few hundred ms, and the requests are on their way meanwhile. A Stop
   * drops at most the answers on their way; the cursor still points at what was asked for.
   */
  async function walk(add: (people: Person[]) => void, state: Cursor): Promise<void> {
    const client = deps.client()
    if (!client || !deps.allowed()) return
    const query = deps.query()

    /** The next round: one request going up, or one from each end; null when stopped. */
    async function nextRound(): Promise<{ readings: { direction: ChainDirection; reading: Reading }[]; failure: unknown } | null> {
      const pace = await paced()
      if (pace === null) return null
      const left = state.counted && expected.value !== null ? expected.value - state.read : null
      const ends: { direction: ChainDirection; pages: number }[] =
        pace.full && left !== null && left > MAX_COMMANDS * PAGE_SIZE
          ? // half each, with a page of slack on each side; pages past the middle come back short
            [
              { direction: 'up', pages: Math.min(MAX_COMMANDS, Math.ceil(left / 2 / PAGE_SIZE) + 1) },
              { direction: 'down', pages: Math.min(MAX_COMMANDS, Math.ceil(left / 2 / PAGE_SIZE) + 1) },
            ]
          : // a resumed walk asks only for the pages still missing
            [{ direction: 'up', pages: Math.min(pace.pages, state.counted ? pagesToAsk(expected.value, state.read) : MAX_COMMANDS) }]
      const settled = await Promise.allSettled(
        ends.map(({ direction, pages }) =>
          fetchPeopleBatch(
            client!,
            query,
            direction === 'up'
              ? { direction, cursor: state.afterId, bound: state.beforeId }
              : { direction, cursor: state.beforeId, bound: state.afterId > 0 ? state.afterId : null },
            !state.counted,
            pages,
          ),
        ),
      )
      const readings = settled.flatMap((result, i) => (result.status === 'fulfilled' ? [{ direction: ends[i]!.direction, reading: result.value }] : []))
      const failure = settled.find((result) => result.status === 'rejected')
      return { readings, failure: failure ? (failure as PromiseRejectedResult).reason : null }
    }

    let asked = state.done ? null : nextRound()
    while (asked) {
      const round = await asked
      if (round === null) return
      const fresh: RawUser[] = []
      let error: unknown = round.failure
      for (const { direction, reading } of round.readings) {
        deps.budget.record(reading.operating)
        state.startedAt ??= reading.dateStart
        if (reading.total !== null) {
          state.counted = true
          expected.value = reading.total
        }
        // what the other end read is not read twice
        for (const row of reading.rows) {
          const id = Number(row.ID)
          if (direction === 'up' ? state.beforeId === null || id < state.beforeId : id > state.afterId) fresh.push(row)
        }
        if (direction === 'up') state.afterId = Math.max(state.afterId, reading.cursor)
        else state.beforeId = Math.min(state.beforeId ?? Number.POSITIVE_INFINITY, reading.cursor)
        // a short page: this end ran into what the other had read, or into the end of the list
        if (reading.done && !reading.error) state.done = true
        error ??= reading.error
      }
      state.read += fresh.length
      if (state.beforeId !== null && state.afterId >= state.beforeId - 1) state.done = true
      asked = state.done || error || cancelRequested ? null : nextRound()
      // its failure is met by the await above, once this round is shown; until then it is not unhandled
      asked?.catch(() => undefined)
      // a task later: the requests' first steps (all promise callbacks) have sent them by then
      if (asked) await new Promise((resolve) => setTimeout(resolve, 0))
      add(toPeople(fresh))
      // an end that failed after the other had read everything left loses nothing
      if (error && !state.done) throw error
      if (cancelRequested) return
    }
  }

  /**
   * The portal counted the list already (a cold open's first page): the walk need not count again, and can
   * read from both ends from its first round.
   */
  function counted(total: number | null) {
    expected.value = total
    if (total !== null && cursor.read === 0 && !cursor.counted) cursor.counted = true
  }

  /**
   * Loads (or resumes loading) everyone into `add`, showing each batch as it arrives. Transient faults are
   * retried quietly from where the walk stopped; a block of user.get stops it until the portal's window
   * moves, then it carries on by itself. `onBlocked` hears when.
   */
  async function load(add: (people: Person[]) => void, onBlocked: (until: number) => void): Promise<void> {
    if (status.value === 'loading' || cursor.done || !deps.allowed()) return
    status.value = 'loading'
    error.value = null
    cancelRequested = false
    try {
      await retryQuietly(() => walk(add, cursor), {
        method: 'user.get',
        delays: retryDelays,
        onWait: (on) => (waiting.value = on),
        stopped: () => cancelRequested,
        // a block is not a passing fault: retrying only repeats the refused commands
        giveUp: isOperatingLimit,
        // people arrived since the last failure: the portal is answering, so a new streak starts
        progress: () => cursor.read,
        pause,
      })
      status.value = cursor.done ? 'done' : 'cancelled'
    } catch (e) {
      const failure = toRestError(e, 'user.get')
      if (isOperatingLimit(failure) && !cancelRequested) {
        status.value = 'blocked'
        onBlocked(deps.budget.block())
        return
      }
      error.value = failure
      status.value = cancelRequested ? 'cancelled' : 'error'
    }
  }

  /** The walk has nothing left to read (a list taken whole from elsewhere). */
  function markDone(count: number) {
    cursor = { ...newCursor(), done: true, counted: true, read: count }
    expected.value = count
    status.value = 'done'
  }

  function cancel() {
    cancelRequested = true
    wakeUp?.()
  }

  /** Ends a wait now (back online). */
  function wake() {
    wakeUp?.()
  }

  /** Tests shorten the quiet retries. */
  function replaceRetryDelays(delays: readonly number[]) {
    retryDelays = delays
  }

  return {
    status, error, expected, waiting,
    walk, load, counted, markDone, cancel, wake, replaceRetryDelays,
    get retryDelays() {
      return retryDelays
    },
  }
}

export type PeopleLoader = ReturnType<typeof createPeopleLoader>
