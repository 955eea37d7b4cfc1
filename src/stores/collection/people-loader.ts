import { ref, shallowRef } from 'vue'
import { fetchPeopleBatch } from '@/bitrix24/people'
import { MAX_COMMANDS, pagesToAsk, type PeopleQuery } from '@/bitrix24/people-batch'
import { retryQuietly } from '@/bitrix24/quiet-retry'
import type { RestClient } from '@/bitrix24/rest-client'
import { toRestError, type RestError } from '@/bitrix24/rest-error'
import { toPerson, type Person, type RawUser } from '@/domain/people/person'
import { RETRY_DELAYS_MS } from '@/domain/portal/retry-policy'
import type { usePortalBudgetStore } from '../portal-budget'

export type LoadStatus = 'idle' | 'loading' | 'done' | 'cancelled' | 'error' | 'blocked'

/** How far a walk over everyone got: where to resume after a pause, an error or a block. */
export interface Cursor {
  afterId: number
  done: boolean
  counted: boolean
  /** rows this walk has read so far */
  read: number
  /** the portal's clock when this walk began: the watermark of what it read */
  startedAt: string | null
}

export function newCursor(): Cursor {
  return { afterId: 0, done: false, counted: false, read: 0, startedAt: null }
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

  /** Waits as long as the budget asks; the number of pages the next request may read. */
  async function paced(): Promise<number | null> {
    // what the viewer is waiting for goes first: a batch of 50 pages would delay it
    while (deps.busy?.() && !cancelRequested) await pause(YIELD_CHECK_MS)
    if (cancelRequested) return null
    for (;;) {
      const pace = deps.budget.pace()
      if (pace.kind === 'go') return MAX_COMMANDS
      if (pace.kind === 'slow') {
        await pause(pace.delayMs)
        return cancelRequested ? null : SLOW_PAGES
      }
      await pause(Math.max(0, pace.untilMs - Date.now()))
      if (cancelRequested) return null
    }
  }

  /**
   * Walks from the cursor until done, cancelled or failed; `add` takes each batch's people. The next batch
   * is asked for before this one is handed over: showing 2,500 more people (search index, sort, facets,
   * render) takes a few hundred ms, and the request is on its way meanwhile instead of after. A Stop
   * drops at most that one request's answer; the cursor still points at the batch it asked for.
   */
  async function walk(add: (people: Person[]) => void, state: Cursor): Promise<void> {
    const client = deps.client()
    if (!client || !deps.allowed()) return
    const query = deps.query()
    const next = async () => {
      const budgetPages = await paced()
      if (budgetPages === null) return null
      // a resumed walk asks only for the pages still missing
      const pages = Math.min(budgetPages, state.counted ? pagesToAsk(expected.value, state.read) : MAX_COMMANDS)
      return fetchPeopleBatch(client, query, state.afterId, !state.counted, pages)
    }
    let asked = state.done ? null : next()
    while (asked) {
      const reading = await asked
      if (reading === null) return
      deps.budget.record(reading.operating)
      state.startedAt ??= reading.dateStart
      if (reading.total !== null) {
        state.counted = true
        expected.value = reading.total
      }
      state.read += reading.rows.length
      state.afterId = reading.afterId
      state.done = reading.done
      asked = state.done || reading.error || cancelRequested ? null : next()
      // its failure is met by the await above, once this batch is shown; until then it is not unhandled
      asked?.catch(() => undefined)
      // a task later: the request's first steps (all promise callbacks) have sent it by then
      if (asked) await new Promise((resolve) => setTimeout(resolve, 0))
      add(toPeople(reading.rows))
      if (reading.error) throw reading.error
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
        progress: () => cursor.afterId,
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
