import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, ref } from 'vue'
import { createPortalSearch } from '@/stores/collection/portal-search'
import type { RestClient } from '@/bitrix24/rest-client'
import type { PeopleQuery } from '@/bitrix24/people-batch'
import type { usePortalBudgetStore } from '@/stores/portal-budget'

const searchOnPortal = vi.fn()
vi.mock('@/bitrix24/people-sync', async (original) => ({
  ...(await original<typeof import('@/bitrix24/people-sync')>()),
  searchOnPortal: (...args: unknown[]) => searchOnPortal(...args),
}))

const QUERY: PeopleQuery = { activeOnly: true, adminMode: false, select: ['ID', 'NAME', 'LAST_NAME'] }

function portalSearch(complete = false, listed = ref(true)) {
  const query = ref('')
  const departments = ref<number[]>([])
  const budget = { isBlocked: () => false, record: vi.fn() } as unknown as ReturnType<typeof usePortalBudgetStore>
  const scope = effectScope()
  const search = scope.run(() =>
    createPortalSearch({
      query,
      departments,
      complete: () => complete,
      listed,
      client: () => ({}) as RestClient,
      peopleQuery: () => QUERY,
      budget,
    }),
  )!
  return { query, search, listed, stop: () => scope.stop() }
}

/** the words each question to the portal carried */
const asked = () => searchOnPortal.mock.calls.map((call) => call[2])

beforeEach(() => {
  vi.useFakeTimers()
  searchOnPortal.mockReset()
  searchOnPortal.mockResolvedValue({ rows: [{ ID: '42', NAME: 'Henry', LAST_NAME: 'Robinson' }], total: 1, operating: null })
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the search on the portal while the list is incomplete', () => {
  it('asks once typing pauses, for what was typed last', async () => {
    const { query, search, stop } = portalSearch()
    const name = 'Henry Robinson'
    for (let i = 1; i <= name.length; i++) {
      query.value = name.slice(0, i)
      await nextTick()
      await vi.advanceTimersByTimeAsync(150)
    }
    // a space typed between the words is a keystroke like any other, not a name arriving whole
    expect(asked()).toEqual([])
    await vi.advanceTimersByTimeAsync(250)
    expect(asked()).toEqual(['Henry Robinson'])
    expect(search.found.value.map((p) => p.fullName)).toEqual(['Henry Robinson'])
    expect(search.answered.value).toBe('Henry Robinson')
    stop()
  })

  it('asks at once for a name that arrives whole (pasted, filled in, committed by an input method)', async () => {
    const { query, search, stop } = portalSearch()
    query.value = 'Henry Robinson'
    await nextTick()
    await vi.advanceTimersByTimeAsync(0)
    expect(asked()).toEqual(['Henry Robinson'])
    expect(search.status.value).toBe('done')
    // and letter by letter after that, at the pause again
    query.value = 'Henry Robinso'
    await nextTick()
    await vi.advanceTimersByTimeAsync(100)
    expect(asked()).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(300)
    expect(asked()).toEqual(['Henry Robinson', 'Henry Robinso'])
    stop()
  })

  it('asks nothing once the whole list is in, and drops a question still waiting when the box is cleared', async () => {
    const done = portalSearch(true)
    done.query.value = 'Henry Robinson'
    await nextTick()
    await vi.advanceTimersByTimeAsync(1000)
    expect(asked()).toEqual([])
    done.stop()

    const { query, search, stop } = portalSearch()
    query.value = 'H'
    await nextTick()
    query.value = ''
    await nextTick()
    await vi.advanceTimersByTimeAsync(1000)
    expect(asked()).toEqual([])
    expect(search.status.value).toBe('idle')
    stop()
  })

  it('asks nothing before the open has put anybody on screen, and then only what is still missing', async () => {
    // a reload whose address carries a search: the kept copy will answer it
    const reopen = portalSearch(false, ref(false))
    reopen.query.value = 'Henry Robinson'
    await nextTick()
    await vi.advanceTimersByTimeAsync(1000)
    expect(asked()).toEqual([])
    expect(reopen.search.status.value).toBe('idle')
    reopen.stop()

    // a cold open: its first page shows, and the list is not complete
    const cold = portalSearch(false, ref(false))
    cold.query.value = 'Henry Robinson'
    await nextTick()
    await vi.advanceTimersByTimeAsync(1000)
    cold.listed.value = true
    await nextTick()
    await vi.advanceTimersByTimeAsync(0)
    expect(asked()).toEqual(['Henry Robinson'])
    cold.stop()
  })
})
