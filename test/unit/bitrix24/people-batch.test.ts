import { describe, expect, it } from 'vitest'
import { pagesToAsk, planPeopleBatch, readPeopleBatch, PAGE_SIZE } from '@/bitrix24/people-batch'
import type { BatchOutcome } from '@/bitrix24/batch'
import { RestError } from '@/bitrix24/rest-error'

const query = { activeOnly: true, adminMode: false, select: ['ID', 'NAME'] }

function page(fromId: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ ID: String(fromId + i), NAME: `P${fromId + i}` }))
}

describe('planPeopleBatch', () => {
  it('chains 50 pages on the ID cursor through $result references, without counting', () => {
    const plan = planPeopleBatch(query, 120, false)
    expect(plan.pageKeys).toHaveLength(50)
    expect(plan.commands.p0?.params).toMatchObject({
      filter: { ACTIVE: true, '>ID': 120 },
      sort: 'ID',
      order: 'ASC',
      start: -1,
      select: ['ID', 'NAME'],
    })
    expect(plan.commands.p1?.params).toMatchObject({ filter: { '>ID': '$result[p0][49][ID]' } })
    expect(plan.commands.p49?.params).toMatchObject({ filter: { '>ID': '$result[p48][49][ID]' } })
    expect(plan.commands.p0?.params).not.toHaveProperty('ADMIN_MODE')
  })

  it('lets the first page of a load count the whole set, and stays within 50 commands', () => {
    const plan = planPeopleBatch(query, 0, true)
    expect(Object.keys(plan.commands)).toHaveLength(50)
    expect(plan.countKey).toBe('p0')
    expect(plan.commands.p0?.params).toMatchObject({ start: 0, select: ['ID', 'NAME'], filter: { ACTIVE: true, '>ID': 0 } })
    expect(plan.commands.p1?.params).toMatchObject({ start: -1 })
  })

  it('asks for dismissed people with ADMIN_MODE only in an admin query', () => {
    const plan = planPeopleBatch({ activeOnly: false, adminMode: true, select: ['ID'] }, 0, false)
    expect(plan.commands.p0?.params).toMatchObject({ ADMIN_MODE: true, filter: { '>ID': 0 } })
    expect((plan.commands.p0?.params as { filter: object }).filter).not.toHaveProperty('ACTIVE')
  })
})

describe('readPeopleBatch', () => {
  it('reads pages in chain order and stops at the first short page', () => {
    const plan = planPeopleBatch(query, 0, true)
    const outcomes: Record<string, BatchOutcome> = {
      p0: { ok: true, result: page(1, 50), total: 130 },
      p1: { ok: true, result: page(51, 50) },
      p2: { ok: true, result: page(101, 30) },
      // after a short page the reference points nowhere: whatever comes back is ignored
      p3: { ok: true, result: page(1, 50) },
    }
    const reading = readPeopleBatch(plan, outcomes)
    expect(reading.rows).toHaveLength(130)
    expect(reading).toMatchObject({ done: true, afterId: 130, total: 130, error: null })
  })

  it('keeps what arrived before a failed page and reports where to resume', () => {
    const plan = planPeopleBatch(query, 0, false)
    const outcomes: Record<string, BatchOutcome> = {
      p0: { ok: true, result: page(1, 50) },
      p1: { ok: false, error: new RestError('QUERY_LIMIT_EXCEEDED', 503, '', 'user.get') },
    }
    const reading = readPeopleBatch(plan, outcomes)
    expect(reading.rows).toHaveLength(50)
    expect(reading.afterId).toBe(50)
    expect(reading.done).toBe(false)
    expect(reading.error?.code).toBe('QUERY_LIMIT_EXCEEDED')
  })

  it('continues with a new batch when all 50 pages were full', () => {
    const plan = planPeopleBatch(query, 0, false)
    const outcomes = Object.fromEntries(
      plan.pageKeys.map((key, i) => [key, { ok: true, result: page(1 + i * PAGE_SIZE, PAGE_SIZE) } as BatchOutcome]),
    )
    const reading = readPeopleBatch(plan, outcomes)
    expect(reading).toMatchObject({ done: false, afterId: 2500, error: null })
    expect(new Set(reading.rows.map((r) => r.ID)).size).toBe(2500)
  })

  it('drops rows that do not advance the cursor, and stops a portal that ignores it', () => {
    const plan = planPeopleBatch(query, 40, false)
    const outcomes: Record<string, BatchOutcome> = {
      p0: { ok: true, result: page(1, 50) }, // the portal ignored >40: rows 1..40 are repeats
      p1: { ok: true, result: page(1, 50) }, // and the next page brings nothing new at all
    }
    const reading = readPeopleBatch(plan, outcomes)
    expect(reading.rows.map((r) => Number(r.ID))).toEqual(Array.from({ length: 10 }, (_, i) => 41 + i))
    expect(reading.error?.code).toBe('CURSOR_STUCK')
  })

  it('never takes an answer that is not a list for the end of the walk', () => {
    const plan = planPeopleBatch(query, 0, false)
    const reading = readPeopleBatch(plan, {
      p0: { ok: true, result: page(1, 50) },
      p1: { ok: true, result: { error: 'ERROR_CORE', error_description: 'oops' } },
    })
    expect(reading).toMatchObject({ done: false, afterId: 50 })
    expect(reading.error?.code).toBe('ERROR_UNEXPECTED_ANSWER')
  })

  it('reads a page that arrived as an object with keys 0..n-1', () => {
    const plan = planPeopleBatch(query, 0, false)
    const asObject = Object.fromEntries(page(1, 3).map((row, i) => [String(i), row]))
    expect(readPeopleBatch(plan, { p0: { ok: true, result: asObject } })).toMatchObject({ done: true, afterId: 3 })
  })

  it('ends on an empty first page', () => {
    const plan = planPeopleBatch(query, 500, false)
    expect(readPeopleBatch(plan, { p0: { ok: true, result: [] } })).toMatchObject({ done: true, rows: [] })
  })
})

describe('pagesToAsk', () => {
  it('asks only for the pages left once the count is known, plus one for newcomers', () => {
    expect(pagesToAsk(null, 0)).toBe(50)
    expect(pagesToAsk(10_000, 2450)).toBe(50)
    expect(pagesToAsk(3000, 2450)).toBe(12)
    // the count is out of date once the load has passed it: read as much as a request can
    expect(pagesToAsk(3000, 3000)).toBe(50)
    expect(pagesToAsk(100, 2600)).toBe(50)
    expect(planPeopleBatch(query, 2450, false, pagesToAsk(3000, 2450)).pageKeys).toHaveLength(12)
  })

  it('requests for N people stay within ceil(N / 2500) + 1', () => {
    for (const n of [0, 1, 49, 50, 2449, 2450, 2500, 9999, 10_000, 50_000]) {
      let loaded = 0
      let requests = 0
      let expected: number | null = null
      let done = false
      while (!done) {
        const pages = planPeopleBatch(query, loaded, expected === null, pagesToAsk(expected, loaded)).pageKeys.length
        requests++
        expected ??= n
        const fetched = Math.min(pages * PAGE_SIZE, n - loaded)
        // the walk ends on the first short page
        done = fetched < pages * PAGE_SIZE
        loaded += fetched
      }
      expect(loaded).toBe(n)
      expect(requests).toBeLessThanOrEqual(Math.ceil(n / 2500) + 1)
    }
  })
})
