import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { createPeopleView } from '@/stores/collection/people-view'
import { toPerson, type Person } from '@/domain/people/person'
import type { Department } from '@/domain/org/departments'
import { NO_FACETS } from '@/domain/people/facets'

const built = vi.hoisted(() => ({ index: [] as number[], pairs: [] as number[], facts: 0, counted: [] as number[], fail: false }))
/** the page's clock, in ms: each index step moves it on by `stepMs` */
const clock = vi.hoisted(() => ({ now: 0 }))
let stepMs = 3
vi.mock('@/domain/search/search-index', async (original) => {
  const real = await original<typeof import('@/domain/search/search-index')>()
  return {
    ...real,
    buildSearchIndex: (...args: Parameters<typeof real.buildSearchIndex>) => {
      if (built.fail) throw new Error('index step failed')
      // how far the list is indexed by this call
      built.index.push(Math.min(args[3] ?? args[0].length, args[0].length))
      clock.now += stepMs
      return real.buildSearchIndex(...args)
    },
    growPairLists: (...args: Parameters<typeof real.growPairLists>) => {
      clock.now += stepMs
      const covered = real.growPairLists(...args)
      built.pairs.push(covered)
      return covered
    },
  }
})
vi.mock('@/domain/people/facets', async (original) => {
  const real = await original<typeof import('@/domain/people/facets')>()
  return {
    ...real,
    buildFacetIndex: (...args: Parameters<typeof real.buildFacetIndex>) => {
      built.facts++
      return real.buildFacetIndex(...args)
    },
    countFacets: (...args: Parameters<typeof real.countFacets>) => {
      built.counted.push(args[0].length)
      return real.countFacets(...args)
    },
  }
})

const NAMES = ['Anna', 'Boris', 'Clara', 'Dmitry', 'Elena']
function people(count: number): Person[] {
  return Array.from({ length: count }, (_, i) =>
    toPerson({ ID: String(i + 1), NAME: NAMES[i % NAMES.length], LAST_NAME: `Doe${String(i).padStart(5, '0')}`, UF_DEPARTMENT: [1] })!,
  )
}
const departments: Department[] = [{ id: 1, name: 'Company', parentId: null, headId: null, sort: 1 }]

function view(list: Person[]) {
  const scope = effectScope()
  // as in the app: the view exists before anybody is loaded
  const state = shallowRef<readonly Person[]>([])
  const structure = shallowRef<readonly Department[]>(departments)
  const v = scope.run(() => createPeopleView(state, structure, () => 'en', ['name']))!
  // what the empty list cost is not counted
  built.index = []
  built.pairs = []
  built.facts = 0
  built.counted = []
  state.value = list
  return { v, state, structure, stop: () => scope.stop() }
}

/** A view of `list` whose rows have been drawn: what starts the index behind them. */
async function shown(list: Person[]) {
  const opened = view(list)
  void opened.v.visible.value
  await nextTick()
  return opened
}

beforeEach(() => {
  vi.useFakeTimers()
  vi.spyOn(performance, 'now').mockImplementation(() => clock.now)
  stepMs = 3
})
afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('the people view of a large list', () => {
  it('shows the rows in name order without waiting for the search index or the facets\' facts', async () => {
    const { v, stop } = view(people(5_000))
    expect(v.visible.value[0]!.fullName).toBe('Anna Doe00000')
    expect(v.visible.value).toHaveLength(5_000)
    expect(built.index).toEqual([])
    expect(built.facts).toBe(0)
    stop()
  })

  it('builds the index behind the rows a few hundred people at a time, and a search then answers from it', async () => {
    const { v, stop } = await shown(people(5_000))
    await vi.advanceTimersByTimeAsync(2_000)
    // each step indexes a few hundred more people, on top of the last, until everyone is in
    expect(built.index.at(-1)).toBe(5_000)
    expect(built.index.every((n, i) => n - (built.index[i - 1] ?? 0) <= 250)).toBe(true)
    const before = built.index.length
    v.query.value = 'clara doe00002'
    expect(v.visible.value.map((p) => p.fullName)).toEqual(['Clara Doe00002'])
    // the search extends what was built (nothing left to index), it does not start over
    expect(built.index.length).toBe(before + 1)
    stop()
  })

  it('then grows the lists of letter pairs a search\'s second letter reads, a few hundred people at a time', async () => {
    const { v, stop } = await shown(people(2_000))
    await vi.advanceTimersByTimeAsync(2_000)
    expect(built.index.at(-1)).toBe(2_000)
    // the pairs only once everyone is indexed, in steps, until they cover everyone
    expect(built.pairs).toEqual([250, 500, 750, 1_000, 1_250, 1_500, 1_750, 2_000])
    expect(v.searchResult.value).toBeNull()
    v.query.value = 'cl'
    expect(v.visible.value.map((p) => p.fullName)).toHaveLength(400)
    stop()
  })

  it('indexes in short tasks of its own, busy page or not, so a keystroke waits at most one task behind it', async () => {
    const { stop } = await shown(people(5_000))
    // nothing in the task that shows the rows
    expect(built.index).toEqual([])
    // a task: steps of 250 people while the last step's time still fits in its 5 ms (a step takes 2 ms here)
    stepMs = 2
    await vi.advanceTimersToNextTimerAsync()
    expect(built.index).toEqual([250, 500])
    // slower steps: one a task
    stepMs = 3
    await vi.advanceTimersToNextTimerAsync()
    expect(built.index).toEqual([250, 500, 750])
    await vi.advanceTimersToNextTimerAsync()
    expect(built.index).toEqual([250, 500, 750, 1_000])
    // no idle time is waited for: the tasks follow one another until everyone is in
    await vi.advanceTimersByTimeAsync(100)
    expect(built.index.at(-1)).toBe(5_000)
    stop()
  })

  it('asks the browser\'s task scheduler for its tasks where there is one, and asks no more once the view goes', async () => {
    const tasks: { work: () => void; signal?: AbortSignal }[] = []
    vi.stubGlobal('scheduler', {
      postTask: (work: () => void, options: { signal?: AbortSignal }) => {
        tasks.push({ work, signal: options.signal })
        return new Promise(() => undefined)
      },
    })
    try {
      const { stop } = await shown(people(5_000))
      expect(tasks).toHaveLength(1)
      tasks.shift()!.work()
      expect(built.index).toEqual([250])
      // the next step is asked for the same way, and called off when the view goes
      expect(tasks).toHaveLength(1)
      stop()
      expect(tasks[0]!.signal?.aborted).toBe(true)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('reports a failed step as a failed timer would be, and a step called off not at all', async () => {
    const reported: unknown[] = []
    const tasks: (() => void)[] = []
    vi.stubGlobal('reportError', (error: unknown) => reported.push(error))
    // as browsers do: the task's promise settles with the work's outcome, or rejects once it is called off
    vi.stubGlobal('scheduler', {
      postTask: (work: () => void, options: { signal: AbortSignal }) =>
        new Promise((resolve, reject) => {
          options.signal.addEventListener('abort', () => reject(options.signal.reason))
          tasks.push(() => {
            try {
              resolve(work())
            } catch (error) {
              reject(error)
            }
          })
        }),
    })
    try {
      const { state, stop } = await shown(people(5_000))
      built.fail = true
      tasks.shift()!()
      await Promise.resolve()
      expect(reported).toEqual([expect.objectContaining({ message: 'index step failed' })])
      built.fail = false
      state.value = people(5_001)
      await nextTick()
      expect(tasks).toHaveLength(1)
      stop()
      await Promise.resolve()
      expect(reported).toHaveLength(1)
    } finally {
      vi.unstubAllGlobals()
    }
  })

  it('answers a search typed before the index is complete', async () => {
    const { v, stop } = await shown(people(5_000))
    await vi.advanceTimersToNextTimerAsync()
    v.query.value = 'elena doe04999'
    expect(v.visible.value.map((p) => p.fullName)).toEqual(['Elena Doe04999'])
    stop()
  })

  it('works the facts out for a picked facet at once, and for the counts once changes pause', async () => {
    const { v, stop } = view(people(50))
    void v.visible.value
    expect(built.facts).toBe(0)
    // nobody here joined this month: the facts say so as soon as the facet is picked, before any count
    v.facets.value = { ...v.facets.value, newThisMonth: true }
    expect(v.visible.value).toHaveLength(0)
    expect(built.facts).toBe(1)
    v.facets.value = { ...v.facets.value, newThisMonth: false }
    await vi.advanceTimersByTimeAsync(250)
    expect(v.facetCounts.value.department.get(1)).toBe(50)
    expect(v.facetCounts.value.newThisMonth).toBe(0)
    stop()
  })

  it('brings everyone\'s counts back when the search is cleared without counting everyone again', async () => {
    const { v, state, structure, stop } = view(people(5_000))
    await vi.advanceTimersByTimeAsync(250)
    expect(built.counted).toEqual([5_000])
    v.query.value = 'clara'
    await vi.advanceTimersByTimeAsync(250)
    expect(v.facetCounts.value.department.get(1)).toBe(1_000)
    v.query.value = ''
    await vi.advanceTimersByTimeAsync(250)
    // the counts are everyone's again, and nobody was counted for them
    expect(v.facetCounts.value.department.get(1)).toBe(5_000)
    expect(built.counted).toEqual([5_000, 1_000])
    // everyone is counted anew for anything the counts depend on: a facet picked, departments counted
    // without their sub-departments, a new structure, a changed list
    v.facets.value = { ...NO_FACETS, newThisMonth: true }
    await vi.advanceTimersByTimeAsync(250)
    v.facets.value = { ...NO_FACETS, withSubdepartments: false }
    await vi.advanceTimersByTimeAsync(250)
    structure.value = [...departments]
    await vi.advanceTimersByTimeAsync(250)
    state.value = people(5_001)
    await vi.advanceTimersByTimeAsync(250)
    expect(built.counted).toEqual([5_000, 1_000, 5_000, 5_000, 5_000, 5_001])
    stop()
  })
})
