import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createPeopleLoader } from '@/stores/collection/people-loader'
import { usePortalBudgetStore } from '@/stores/portal-budget'
import type { BatchReading, Direction, IdRange } from '@/bitrix24/people-batch'
import type { RestClient } from '@/bitrix24/rest-client'
import { RestError } from '@/bitrix24/rest-error'
import { OPERATING_LIMIT_SEC, SLOW_DELAY_MS, SLOW_SHARE, UNKNOWN_RESET_MS, WALK_SHARE, type OperatingReading } from '@/domain/portal/portal-budget'
import type { Person } from '@/domain/people/person'

type Reading = BatchReading & { operating: OperatingReading | null; dateStart: string | null }

const fetchPeopleBatch = vi.fn<(...args: unknown[]) => Promise<Reading>>()
vi.mock('@/bitrix24/people', () => ({ fetchPeopleBatch: (...args: unknown[]) => fetchPeopleBatch(...args) }))

const query = { activeOnly: true, adminMode: false, select: ['ID', 'NAME'] }

function reading(from: number, count: number, done: boolean, extra: Partial<Reading> = {}): Reading {
  const rows = Array.from({ length: count }, (_, i) => ({ ID: String(from + i), NAME: `Person ${from + i}` }))
  return { rows, afterId: from + count - 1, beforeId: null, done, total: null, error: null, operating: null, dateStart: '2026-12-01T09:00:00+00:00', ...extra }
}

/** seconds of user.get the app has used, at a given share of the limit */
const usedAt = (share: number) => share * OPERATING_LIMIT_SEC

function setUp() {
  const budget = usePortalBudgetStore()
  const client: RestClient = { call: vi.fn() }
  const loader = createPeopleLoader({ client: () => client, query: () => query, allowed: () => true, budget })
  loader.replaceRetryDelays([1, 1])
  const people: Person[] = []
  const add = (batch: Person[]) => people.push(...batch)
  const onBlocked = vi.fn<(until: number) => void>()
  return { budget, client, loader, people, add, onBlocked }
}

/** the maxPages each request asked for */
const pagesAsked = () => fetchPeopleBatch.mock.calls.map((call) => call[4])
/** where each request's range began */
const afterIds = () => fetchPeopleBatch.mock.calls.map((call) => (call[2] as IdRange).afterId)

/**
 * A portal of people with IDs 1..n answering each request as user.get chains do: the range asked for, from
 * the end the direction names, up to 50 per page; `inFlight` counts the requests on their way at once.
 */
function portalOf(n: number, inFlight = { now: 0, most: 0 }, downInOrder = true) {
  return async (...args: unknown[]): Promise<Reading> => {
    const [, , range, withCount, pages, direction] = args as [unknown, unknown, IdRange, boolean, number, Direction]
    inFlight.now++
    inFlight.most = Math.max(inFlight.most, inFlight.now)
    await new Promise((resolve) => setTimeout(resolve, 1))
    inFlight.now--
    const top = range.beforeId ?? n + 1
    const want = pages * 50
    const common = { total: withCount ? n : null, error: null, operating: null, dateStart: '2026-12-01T09:00:00+00:00' }
    if (direction === 'down' && !downInOrder) {
      // a portal that ignores ORDER DESC: the lowest IDs of the range, ascending
      const rows = Array.from({ length: Math.min(want, top - 1 - range.afterId) }, (_, i) => ({ ID: String(range.afterId + 1 + i) }))
      return { rows: [], afterId: range.afterId, beforeId: range.beforeId, done: false, ...common, error: rows.length > 1 ? new RestError('ERROR_ID_ORDER', 0, '', 'user.get') : null }
    }
    if (direction === 'down') {
      const lowest = Math.max(range.afterId + 1, top - want)
      const rows = Array.from({ length: top - lowest }, (_, i) => ({ ID: String(top - 1 - i), NAME: `Person ${top - 1 - i}` }))
      return { rows, afterId: range.afterId, beforeId: rows.length ? lowest : range.beforeId, done: rows.length < want, ...common }
    }
    const highest = Math.min(top - 1, range.afterId + want)
    const rows = Array.from({ length: highest - range.afterId }, (_, i) => ({ ID: String(range.afterId + 1 + i), NAME: `Person ${range.afterId + 1 + i}` }))
    return { rows, afterId: highest, beforeId: range.beforeId, done: rows.length < want, ...common }
  }
}

beforeEach(() => {
  setActivePinia(createPinia())
  fetchPeopleBatch.mockReset()
})

describe('people loader: pacing by the portal’s budget', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('records each batch’s operating figures in the budget', async () => {
    const { budget, loader, people, add, onBlocked } = setUp()
    const first = { operatingSec: 12, resetAt: Date.now() + 300_000 }
    const second = { operatingSec: 24.5, resetAt: Date.now() + 290_000 }
    let seenBeforeSecond: OperatingReading | null = null
    fetchPeopleBatch
      .mockImplementationOnce(async () => reading(1, 2500, false, { total: 3000, operating: first }))
      .mockImplementationOnce(async () => {
        seenBeforeSecond = budget.reading
        return reading(2501, 500, true, { operating: second })
      })
    await loader.load(add, onBlocked)
    expect(seenBeforeSecond).toEqual(first)
    expect(budget.reading).toEqual(second)
    expect(loader.status.value).toBe('done')
    expect(people).toHaveLength(3000)
    expect(onBlocked).not.toHaveBeenCalled()
  })

  it('keeps the last figures when a batch brings none', async () => {
    const { budget, loader, add, onBlocked } = setUp()
    const figures = { operatingSec: 30, resetAt: Date.now() + 300_000 }
    fetchPeopleBatch
      .mockImplementationOnce(async () => reading(1, 2500, false, { operating: figures }))
      .mockImplementationOnce(async () => reading(2501, 10, true, { operating: null }))
    await loader.load(add, onBlocked)
    expect(budget.reading).toEqual(figures)
  })

  it('reads at full speed below the walk’s share', async () => {
    vi.useFakeTimers()
    const { loader, add, onBlocked } = setUp()
    const low = { operatingSec: usedAt(WALK_SHARE / 2), resetAt: Date.now() + 300_000 }
    fetchPeopleBatch
      .mockImplementationOnce(async () => reading(1, 2500, false, { operating: low }))
      .mockImplementationOnce(async () => reading(2501, 100, true, { operating: low }))
    const loading = loader.load(add, onBlocked)
    await vi.advanceTimersByTimeAsync(0)
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(2)
    await loading
    expect(pagesAsked()).toEqual([50, 50])
  })

  it('close to its share, reads only the pages that fit below it, at the cost its own rounds measured', async () => {
    vi.useFakeTimers()
    const { budget, loader, add, onBlocked } = setUp()
    const resetAt = Date.now() + 300_000
    const portal = portalOf(10_000)
    // the usage after each request: 20 s below the share, then a round of 100 pages costing 0.15 s each
    const usage = [usedAt(WALK_SHARE) - 20, usedAt(WALK_SHARE) - 10, usedAt(WALK_SHARE) - 5, usedAt(WALK_SHARE)]
    let answered = 0
    fetchPeopleBatch.mockImplementation(async (...args) => ({ ...(await portal(...args)), operating: { operatingSec: usage[answered++]!, resetAt } }))
    void loader.load(add, onBlocked)
    await vi.advanceTimersByTimeAsync(20)
    // 20 s left: 100 pages at the assumed 0.2 s; then 5 s left at the measured 0.15 s: 33 pages
    expect(pagesAsked()).toEqual([50, 50, 50, 33])
    expect(budget.pageSec).toBeCloseTo(0.15)
    // at the share: the walk slows down instead of reading another full round
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(4)
    loader.cancel()
  })

  it('measures a page from the usage as the round left, whatever another request recorded meanwhile', async () => {
    vi.useFakeTimers()
    const { budget, loader, add, onBlocked } = setUp()
    const resetAt = Date.now() + 300_000
    const portal = portalOf(10_000)
    budget.record({ operatingSec: 80, resetAt })
    let answered = 0
    fetchPeopleBatch.mockImplementation(async (...args) => {
      const page = await portal(...args)
      // a search answered while the round was on its way, its figure already counting part of the round
      if (answered === 0) budget.record({ operatingSec: 90, resetAt })
      return { ...page, operating: { operatingSec: [90, 100][answered++] ?? 119, resetAt } }
    })
    void loader.load(add, onBlocked)
    await vi.advanceTimersByTimeAsync(0)
    // the round of 50 pages grew the usage by 10 s from where it left (80 s): 0.2 s a page, not 0.2 over 10 s
    await vi.waitFor(() => expect(budget.pageSec).not.toBeNull())
    expect(budget.pageSec).toBeCloseTo(0.2)
    loader.cancel()
  })

  it('takes no older figures over newer ones of the same window', () => {
    const budget = usePortalBudgetStore()
    const resetAt = Date.now() + 300_000
    budget.record({ operatingSec: 50, resetAt })
    budget.record({ operatingSec: 40, resetAt })
    expect(budget.reading).toEqual({ operatingSec: 50, resetAt })
    // a moved window may well report less
    budget.record({ operatingSec: 30, resetAt: resetAt + 60_000 })
    expect(budget.reading).toEqual({ operatingSec: 30, resetAt: resetAt + 60_000 })
  })

  it('takes a lower figure when the portal sends no reset time, or the one it sent has passed', () => {
    const budget = usePortalBudgetStore()
    budget.record({ operatingSec: 250, resetAt: null })
    budget.record({ operatingSec: 10, resetAt: null })
    expect(budget.reading).toEqual({ operatingSec: 10, resetAt: null })
    const passed = Date.now() - 1
    budget.record({ operatingSec: 250, resetAt: passed })
    budget.record({ operatingSec: 10, resetAt: passed })
    expect(budget.reading).toEqual({ operatingSec: 10, resetAt: passed })
    expect(budget.pace().kind).toBe('go')
  })

  it('past the walk’s share, asks for fewer pages after a pause', async () => {
    vi.useFakeTimers()
    const { loader, people, add, onBlocked } = setUp()
    const busy = { operatingSec: usedAt(WALK_SHARE) + 30, resetAt: Date.now() + 300_000 }
    fetchPeopleBatch
      .mockImplementationOnce(async () => reading(1, 2500, false, { total: 10_000, operating: busy }))
      .mockImplementationOnce(async () => reading(2501, 500, false, { operating: busy }))
      .mockImplementationOnce(async () => reading(3001, 20, true, { operating: busy }))
    const loading = loader.load(add, onBlocked)
    await vi.advanceTimersByTimeAsync(0)
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(SLOW_DELAY_MS - 1)
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(SLOW_DELAY_MS)
    await loading
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(3)
    // one short request per slowed round, from one end
    expect(pagesAsked()).toEqual([50, 10, 10])
    // each slowed request goes on from where the last one ended
    expect(afterIds()).toEqual([0, 2500, 3000])
    expect(people).toHaveLength(3020)
    expect(loader.status.value).toBe('done')
  })

  it('starts slowly when the budget was already past the walk’s share before it began', async () => {
    vi.useFakeTimers()
    const { budget, loader, add, onBlocked } = setUp()
    budget.record({ operatingSec: usedAt(SLOW_SHARE) - 1, resetAt: null })
    fetchPeopleBatch.mockImplementationOnce(async () => reading(1, 30, true, { operating: { operatingSec: 5, resetAt: null } }))
    const loading = loader.load(add, onBlocked)
    await vi.advanceTimersByTimeAsync(SLOW_DELAY_MS - 1)
    expect(fetchPeopleBatch).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    await loading
    expect(pagesAsked()).toEqual([10])
  })

  it('past the slow share, asks nothing before the portal’s window moves', async () => {
    vi.useFakeTimers()
    const { loader, add, onBlocked } = setUp()
    const resetAt = Date.now() + 45_000
    fetchPeopleBatch
      .mockImplementationOnce(async () => reading(1, 2500, false, { total: 5000, operating: { operatingSec: usedAt(SLOW_SHARE), resetAt } }))
      .mockImplementation(async () => reading(2501, 2500, true, { operating: { operatingSec: 10, resetAt: null } }))
    void loader.load(add, onBlocked)
    await vi.advanceTimersByTimeAsync(0)
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(1)
    await vi.advanceTimersByTimeAsync(resetAt - Date.now() - 1)
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(1)
    expect(loader.status.value).toBe('loading')
    // once the window has moved, the walk carries on (and finishes): a wait always ends
    await vi.advanceTimersByTimeAsync(2)
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(2)
    await vi.advanceTimersByTimeAsync(0)
    expect(loader.status.value).toBe('done')
  })

  it('stops waiting for the window at once when the viewer stops the load', async () => {
    vi.useFakeTimers()
    const { loader, add, onBlocked } = setUp()
    fetchPeopleBatch.mockImplementationOnce(async () =>
      reading(1, 2500, false, { operating: { operatingSec: 400, resetAt: Date.now() + 300_000 } }),
    )
    const loading = loader.load(add, onBlocked)
    await vi.advanceTimersByTimeAsync(1_000)
    loader.cancel()
    await vi.advanceTimersByTimeAsync(0)
    await loading
    expect(loader.status.value).toBe('cancelled')
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(1)
  })
})

describe('people loader: when the portal blocks user.get', () => {

  it('stops, keeps what arrived, and says when to ask again, without retrying (OPERATION_TIME_LIMIT in the batch)', async () => {
    const { budget, loader, people, add, onBlocked } = setUp()
    const resetAt = Date.now() + 90_000
    const blocked = new RestError('OPERATION_TIME_LIMIT', 400, 'Method is blocked due to operation time limit.', 'user.get')
    fetchPeopleBatch.mockImplementation(async () =>
      reading(1, 150, false, { total: 9000, error: blocked, operating: { operatingSec: 479.5, resetAt } }),
    )
    await loader.load(add, onBlocked)
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(1)
    expect(loader.status.value).toBe('blocked')
    expect(loader.error.value).toBeNull()
    expect(loader.waiting.value).toBe(false)
    expect(people).toHaveLength(150)
    expect(onBlocked).toHaveBeenCalledTimes(1)
    expect(onBlocked).toHaveBeenCalledWith(budget.blockedTill)
    // a second after the portal's own reset time
    expect(budget.blockedTill).toBe(resetAt + 1_000)
    expect(budget.isBlocked()).toBe(true)
  })

  it('treats an HTTP 429 the same way', async () => {
    const { budget, loader, add, onBlocked } = setUp()
    fetchPeopleBatch.mockImplementation(async () => {
      throw new RestError('QUERY_LIMIT_EXCEEDED', 429, 'Too many requests', 'batch')
    })
    const before = Date.now()
    await loader.load(add, onBlocked)
    const after = Date.now()
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(1)
    expect(loader.status.value).toBe('blocked')
    expect(onBlocked).toHaveBeenCalledTimes(1)
    expect(onBlocked).toHaveBeenCalledWith(budget.blockedTill)
    // no figures to go by: the portal is asked again after a fixed while
    expect(budget.blockedTill).toBeGreaterThanOrEqual(before + UNKNOWN_RESET_MS)
    expect(budget.blockedTill).toBeLessThanOrEqual(after + UNKNOWN_RESET_MS)
  })

  it('still retries a busy portal that did not block the app', async () => {
    const { loader, people, add, onBlocked } = setUp()
    const busy = new RestError('QUERY_LIMIT_EXCEEDED', 503, 'Too many requests', 'batch')
    fetchPeopleBatch
      .mockImplementationOnce(async () => reading(1, 100, false, { error: busy }))
      .mockImplementationOnce(async () => reading(101, 50, true))
    await loader.load(add, onBlocked)
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(2)
    expect(loader.status.value).toBe('done')
    expect(people).toHaveLength(150)
    expect(onBlocked).not.toHaveBeenCalled()
  })
})

describe('people loader: the next batch on its way while one is shown', () => {

  it('keeps what was shown after a Stop and goes on from there, not from the batch it dropped', async () => {
    const { loader, people, add, onBlocked } = setUp()
    const shown: number[] = []
    const addAndStop = (batch: Person[]) => {
      add(batch)
      shown.push(batch.length)
      // the viewer stops while the second batch is on its way
      if (shown.length === 1) loader.cancel()
    }
    fetchPeopleBatch
      .mockImplementationOnce(async () => reading(1, 2500, false, { total: 3000 }))
      .mockImplementationOnce(async () => reading(2501, 500, true))
    await loader.load(addAndStop, onBlocked)
    expect(loader.status.value).toBe('cancelled')
    expect(people).toHaveLength(2500)
    fetchPeopleBatch.mockImplementationOnce(async () => reading(2501, 500, true))
    await loader.load(add, onBlocked)
    expect(afterIds()).toEqual([0, 2500, 2500])
    expect(people).toHaveLength(3000)
    expect(loader.status.value).toBe('done')
  })

  it('retries a failed next batch quietly from the last batch shown, with no unhandled rejection', async () => {
    const { loader, people, add, onBlocked } = setUp()
    const unhandled = vi.fn()
    process.on('unhandledRejection', unhandled)
    fetchPeopleBatch
      .mockImplementationOnce(async () => reading(1, 2500, false, { total: 3000 }))
      .mockImplementationOnce(async () => {
        throw new RestError('NETWORK_ERROR', 0, 'Network Error', 'batch')
      })
      .mockImplementationOnce(async () => reading(2501, 500, true))
    await loader.load(add, onBlocked)
    await new Promise((resolve) => setTimeout(resolve, 10))
    process.off('unhandledRejection', unhandled)
    expect(unhandled).not.toHaveBeenCalled()
    expect(afterIds()).toEqual([0, 2500, 2500])
    expect(people).toHaveLength(3000)
    expect(loader.status.value).toBe('done')
  })
})

describe('people loader: a large portal read from both ends', () => {

  it('reads with two requests side by side once the count says more than one is left, everyone once', async () => {
    const { loader, people, add, onBlocked } = setUp()
    const inFlight = { now: 0, most: 0 }
    fetchPeopleBatch.mockImplementation(portalOf(9000, inFlight))
    await loader.load(add, onBlocked)
    expect(loader.status.value).toBe('done')
    expect(people).toHaveLength(9000)
    expect(new Set(people.map((p) => p.id)).size).toBe(9000)
    // the counting request alone, then both ends at once, then the rest from one end
    expect(fetchPeopleBatch.mock.calls.map((call) => call[5])).toEqual(['up', 'up', 'down', 'up'])
    // only the first request counts: a range bounded from above would count a part
    expect(fetchPeopleBatch.mock.calls.map((call) => call[3])).toEqual([true, false, false, false])
    expect(inFlight.most).toBe(2)
    expect(loader.expected.value).toBe(9000)
  })

  it('after a Stop, goes on between where both ends got to', async () => {
    const { loader, people, add, onBlocked } = setUp()
    fetchPeopleBatch.mockImplementation(portalOf(9000))
    let rounds = 0
    await loader.load((batch) => {
      add(batch)
      if (++rounds === 2) loader.cancel()
    }, onBlocked)
    expect(loader.status.value).toBe('cancelled')
    expect(people).toHaveLength(7500)
    fetchPeopleBatch.mockClear()
    await loader.load(add, onBlocked)
    expect(fetchPeopleBatch.mock.calls[0]?.[2]).toEqual({ afterId: 5000, beforeId: 6501 })
    expect(new Set(people.map((p) => p.id)).size).toBe(9000)
    expect(people).toHaveLength(9000)
    expect(loader.status.value).toBe('done')
  })

  it('keeps what one end read when the other end’s request failed, and retries only what is missing', async () => {
    const { loader, people, add, onBlocked } = setUp()
    const serve = portalOf(9000)
    let failed = false
    fetchPeopleBatch.mockImplementation(async (...args: unknown[]) => {
      if (args[5] === 'down' && !failed) {
        failed = true
        throw new RestError('NETWORK_ERROR', 0, 'Network Error', 'batch')
      }
      return serve(...args)
    })
    await loader.load(add, onBlocked)
    expect(loader.status.value).toBe('done')
    expect(new Set(people.map((p) => p.id)).size).toBe(9000)
    expect(people).toHaveLength(9000)
    // the retry began where the chain going up had got to
    expect(fetchPeopleBatch.mock.calls[3]?.[2]).toEqual({ afterId: 5000, beforeId: null })
  })

  it('keeps the higher of the two ends’ operating figures, whichever answered last', async () => {
    const { budget, loader, add, onBlocked } = setUp()
    const serve = portalOf(6000)
    const resetAt = Date.now() + 300_000
    fetchPeopleBatch.mockImplementation(async (...args: unknown[]) => {
      const answer = await serve(...args)
      const operatingSec = args[5] === 'down' ? 35 : args[3] ? 10 : 40
      // the chain coming down answers last, with the lower figure
      if (args[5] === 'down') await new Promise((resolve) => setTimeout(resolve, 5))
      return { ...answer, operating: { operatingSec, resetAt } }
    })
    await loader.load(add, onBlocked)
    expect(fetchPeopleBatch.mock.calls.map((call) => call[5])).toEqual(['up', 'up', 'down'])
    expect(budget.reading?.operatingSec).toBe(40)
  })

  it('stops as blocked when one end is refused by the operating limit, whatever the other end met', async () => {
    const { loader, people, add, onBlocked } = setUp()
    const serve = portalOf(9000)
    const blocked = new RestError('OPERATION_TIME_LIMIT', 400, 'Method is blocked due to operation time limit.', 'user.get')
    fetchPeopleBatch.mockImplementation(async (...args: unknown[]) => {
      if (fetchPeopleBatch.mock.calls.length === 1) return serve(...args)
      if (args[5] === 'up') throw new RestError('NETWORK_ERROR', 0, 'Network Error', 'batch')
      return { ...(await serve(...args)), rows: [], beforeId: null, error: blocked }
    })
    await loader.load(add, onBlocked)
    expect(loader.status.value).toBe('blocked')
    expect(onBlocked).toHaveBeenCalledTimes(1)
    // no quiet retry of refused commands
    expect(fetchPeopleBatch).toHaveBeenCalledTimes(3)
    expect(people).toHaveLength(2500)
  })

  it('reads the rest from one end when the portal answers the walk down out of order, everyone once', async () => {
    const { loader, people, add, onBlocked } = setUp()
    fetchPeopleBatch.mockImplementation(portalOf(9000, undefined, false))
    await loader.load(add, onBlocked)
    expect(loader.status.value).toBe('done')
    expect(loader.error.value).toBeNull()
    expect(people).toHaveLength(9000)
    expect(new Set(people.map((p) => p.id)).size).toBe(9000)
    const directions = fetchPeopleBatch.mock.calls.map((call) => call[5])
    expect(directions.filter((d) => d === 'down')).toHaveLength(1)
  })
})
