import { ref, shallowRef } from 'vue'
import { fetchPeopleBatch } from '@/bitrix24/people'
import { firstError, ID_ORDER_ERROR, joinChains, MAX_COMMANDS, planRound, type BatchReading, type PeopleQuery } from '@/bitrix24/people-batch'
import { retryQuietly } from '@/bitrix24/quiet-retry'
import type { RestClient } from '@/bitrix24/rest-client'
import { isOperatingLimit, toRestError, type RestError } from '@/bitrix24/rest-error'
import { toPerson, type Person, type RawUser } from '@/domain/people/person'
import { RETRY_DELAYS_MS } from '@/domain/portal/retry-policy'
import { newestReading } from '@/domain/portal/portal-budget'
import type { usePortalBudgetStore } from '../portal-budget'

export type LoadStatus = 'idle' | 'loading' | 'done' | 'cancelled' | 'error' | 'blocked'

/** How far a walk over everyone got: where to resume after a pause, an error or a block. */
export interface Cursor {
  /** everything at or below this ID has been read (the chain going up) */
  afterId: number
  /** everything at or above this ID has been read (the chain coming down from the top), null before it starts */
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

/** a walk reads up to two requests of 50 pages per round, side by side */
const ROUND_PAGES = 2 * MAX_COMMANDS
/** a slowed walk reads this many pages per round, so it stops sooner when the budget runs low */
const SLOW_PAGES = 10

/** The earliest of the portal's clocks (ISO 8601) that answered, null when none did. */
function earliest(dates: readonly (string | null)[]): string | null {
  let first: string | null = null
  for (const date of dates) if (date && (first === null || Date.parse(date) < Date.parse(first))) first = date
  return first
}

export function toPeople(rows: readonly RawUser[]): Person[] {
  return rows.map(toPerson).filter((p): p is Person => p !== null)
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

  /** Waits as long as the budget asks; the number of pages the next round may read. */
  async function paced(): Promise<number | null> {
    // what the viewer is waiting for goes first: a batch of 50 pages would delay it
    while (deps.busy?.() && !cancelRequested) await pause(YIELD_CHECK_MS)
    if (cancelRequested) return null
    for (;;) {
      const pace = deps.budget.pace()
      if (pace.kind === 'go') return Math.min(ROUND_PAGES, pace.pages)
      if (pace.kind === 'slow') {
        await pause(pace.delayMs)
        return cancelRequested ? null : SLOW_PAGES
      }
      await pause(Math.max(0, pace.untilMs - Date.now()))
      if (cancelRequested) return null
    }
  }

  /**
   * Walks from the cursor until done, cancelled or failed; `add` takes each round's people. Once the count
   * says more than one request is left, each round reads from both ends of what is left (up from the
   * cursor, down from the top) in two requests side by side, which halves the rounds a large portal takes.
   * The next round is asked for before this one is handed over: showing 2,500 more people (search index,
   * sort, facets, render) takes a few hundred ms, and the requests are on their way meanwhile instead of
   * after. A Stop drops at most that round's answers; the cursor still points at what it asked for.
   */
  async function walk(add: (people: Person[]) => void, state: Cursor): Promise<void> {
    const client = deps.client()
    if (!client || !deps.allowed()) return
    const query = deps.query()
    // off for the rest of the walk once the portal answers a walk down out of order
    let bothEnds = true
    const next = async () => {
      const roundPages = await paced()
      if (roundPages === null) return null
      const range = { afterId: state.afterId, beforeId: state.beforeId }
      // a resumed walk asks only for the pages still missing
      const pages = planRound(expected.value, state.read, range, roundPages, bothEnds)
      // only a range open at the top counts everyone
      const count = !state.counted && state.beforeId === null
      // the usage as the round leaves: what it grows by until the round's answer is the round's cost
      const before = deps.budget.reading
      const chains = [fetchPeopleBatch(client, query, range, count, pages.up, 'up')]
      if (pages.down > 0) chains.push(fetchPeopleBatch(client, query, range, false, pages.down, 'down'))
      return { settled: await Promise.allSettled(chains), pages: [pages.up, pages.down], before }
    }
    let asked = state.done ? null : next()
    while (asked) {
      const asking = await asked
      if (asking === null) return
      const round = asking.settled
      const [up, down] = round
      const fulfilled = round.flatMap((chain) => (chain.status === 'fulfilled' ? [chain.value] : []))
      // both requests ran against the same usage counter, whichever answered last; every page of an
      // answered request ran, so the round also tells what a page costs
      const executions = round.reduce((sum, chain, i) => sum + (chain.status === 'fulfilled' ? asking.pages[i]! : 0), 0)
      deps.budget.record(newestReading(fulfilled.map((answer) => answer.operating)), { before: asking.before, executions })
      state.startedAt ??= earliest(fulfilled.map((answer) => answer.dateStart))
      // a chain whose request failed as a whole read nothing; what the other one read is kept
      const unread: BatchReading = { afterId: state.afterId, beforeId: state.beforeId, rows: [], done: false, total: null, error: null }
      let downReading = !down ? null : down.status === 'fulfilled' ? down.value : unread
      if (downReading?.error?.code === ID_ORDER_ERROR) {
        // the chain going up reads the rest alone
        bothEnds = false
        downReading = null
      }
      const reading = joinChains(up?.status === 'fulfilled' ? up.value : unread, downReading)
      const thrown = round.flatMap((chain) => (chain.status === 'rejected' ? [toRestError(chain.reason, 'user.get')] : []))
      const failure = reading.done ? null : firstError(...thrown, reading.error)
      if (reading.total !== null) {
        state.counted = true
        expected.value = reading.total
      }
      state.read += reading.rows.length
      state.afterId = reading.afterId
      state.beforeId = reading.beforeId
      state.done = reading.done
      asked = state.done || failure || cancelRequested ? null : next()
      // a task later: the requests' first steps (all promise callbacks) have sent them by then
      if (asked) await new Promise((resolve) => setTimeout(resolve, 0))
      add(toPeople(reading.rows))
      if (failure) throw failure
      if (cancelRequested) return
    }
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
    walk, load, markDone, cancel, wake, replaceRetryDelays,
    get retryDelays() {
      return retryDelays
    },
  }
}

export type PeopleLoader = ReturnType<typeof createPeopleLoader>
