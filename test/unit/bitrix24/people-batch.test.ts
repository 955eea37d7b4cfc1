import { describe, expect, it } from 'vitest'
import { ID_ORDER_ERROR, joinChains, planPeopleBatch, planRound, readPeopleBatch, PAGE_SIZE, type BatchReading } from '@/bitrix24/people-batch'
import type { BatchOutcome } from '@/bitrix24/batch'
import { RestError } from '@/bitrix24/rest-error'

const query = { activeOnly: true, adminMode: false, select: ['ID', 'NAME'] }

function page(fromId: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ ID: String(fromId + i), NAME: `P${fromId + i}` }))
}

/** a page going down the ID order, from `topId` */
function pageDown(topId: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ ID: String(topId - i), NAME: `P${topId - i}` }))
}

/** everything above `afterId`, no upper end */
const from = (afterId: number) => ({ afterId, beforeId: null })

describe('planPeopleBatch', () => {
  it('chains 50 pages on the ID cursor through $result references, without counting', () => {
    const plan = planPeopleBatch(query, from(120), false)
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
    const plan = planPeopleBatch(query, from(0), true)
    expect(Object.keys(plan.commands)).toHaveLength(50)
    expect(plan.countKey).toBe('p0')
    expect(plan.commands.p0?.params).toMatchObject({ start: 0, select: ['ID', 'NAME'], filter: { ACTIVE: true, '>ID': 0 } })
    expect(plan.commands.p1?.params).toMatchObject({ start: -1 })
  })

  it('asks for dismissed people with ADMIN_MODE only in an admin query', () => {
    const plan = planPeopleBatch({ activeOnly: false, adminMode: true, select: ['ID'] }, from(0), false)
    expect(plan.commands.p0?.params).toMatchObject({ ADMIN_MODE: true, filter: { '>ID': 0 } })
    expect((plan.commands.p0?.params as { filter: object }).filter).not.toHaveProperty('ACTIVE')
  })
})

describe('readPeopleBatch', () => {
  it('reads pages in chain order and stops at the first short page', () => {
    const plan = planPeopleBatch(query, from(0), true)
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
    const plan = planPeopleBatch(query, from(0), false)
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
    const plan = planPeopleBatch(query, from(0), false)
    const outcomes = Object.fromEntries(
      plan.pageKeys.map((key, i) => [key, { ok: true, result: page(1 + i * PAGE_SIZE, PAGE_SIZE) } as BatchOutcome]),
    )
    const reading = readPeopleBatch(plan, outcomes)
    expect(reading).toMatchObject({ done: false, afterId: 2500, error: null })
    expect(new Set(reading.rows.map((r) => r.ID)).size).toBe(2500)
  })

  it('drops rows that do not advance the cursor, and stops a portal that ignores it', () => {
    const plan = planPeopleBatch(query, from(40), false)
    const outcomes: Record<string, BatchOutcome> = {
      p0: { ok: true, result: page(1, 50) }, // the portal ignored >40: rows 1..40 are repeats
      p1: { ok: true, result: page(1, 50) }, // and the next page brings nothing new at all
    }
    const reading = readPeopleBatch(plan, outcomes)
    expect(reading.rows.map((r) => Number(r.ID))).toEqual(Array.from({ length: 10 }, (_, i) => 41 + i))
    expect(reading.error?.code).toBe('CURSOR_STUCK')
  })

  it('never takes an answer that is not a list for the end of the walk', () => {
    const plan = planPeopleBatch(query, from(0), false)
    const reading = readPeopleBatch(plan, {
      p0: { ok: true, result: page(1, 50) },
      p1: { ok: true, result: { error: 'ERROR_CORE', error_description: 'oops' } },
    })
    expect(reading).toMatchObject({ done: false, afterId: 50 })
    expect(reading.error?.code).toBe('ERROR_UNEXPECTED_ANSWER')
  })

  it('reads a page that arrived as an object with keys 0..n-1', () => {
    const plan = planPeopleBatch(query, from(0), false)
    const asObject = Object.fromEntries(page(1, 3).map((row, i) => [String(i), row]))
    expect(readPeopleBatch(plan, { p0: { ok: true, result: asObject } })).toMatchObject({ done: true, afterId: 3 })
  })

  it('ends on an empty first page', () => {
    const plan = planPeopleBatch(query, from(500), false)
    expect(readPeopleBatch(plan, { p0: { ok: true, result: [] } })).toMatchObject({ done: true, rows: [] })
  })
})

describe('planPeopleBatch going down', () => {
  it('chains pages down from the top on a <ID cursor, in ID descending order, above the lower end', () => {
    const plan = planPeopleBatch(query, { afterId: 2500, beforeId: null }, false, 3, 'down')
    expect(plan.commands.p0?.params).toMatchObject({ filter: { ACTIVE: true, '>ID': 2500 }, sort: 'ID', order: 'DESC', start: -1 })
    expect((plan.commands.p0?.params as { filter: object }).filter).not.toHaveProperty('<ID')
    expect(plan.commands.p1?.params).toMatchObject({ filter: { '>ID': 2500, '<ID': '$result[p0][49][ID]' } })
    expect(plan.pageKeys).toEqual(['p0', 'p1', 'p2'])
  })

  it('bounds the chain going up by where the chain coming down got to', () => {
    const plan = planPeopleBatch(query, { afterId: 2500, beforeId: 7000 }, false, 2)
    expect(plan.commands.p0?.params).toMatchObject({ filter: { '>ID': 2500, '<ID': 7000 }, order: 'ASC' })
    expect(plan.commands.p1?.params).toMatchObject({ filter: { '>ID': '$result[p0][49][ID]', '<ID': 7000 } })
  })

  it('reads a chain going down, keeping only rows inside the range, and ends on a short page', () => {
    const plan = planPeopleBatch(query, { afterId: 100, beforeId: 300 }, false, 50, 'down')
    const reading = readPeopleBatch(plan, {
      // the first row is outside the range: a portal that ignored <ID
      p0: { ok: true, result: [{ ID: '300' }, ...pageDown(299, 49)] },
      p1: { ok: true, result: pageDown(250, 20) },
    })
    expect(reading.rows.map((r) => Number(r.ID))).toEqual([...pageDown(299, 49), ...pageDown(250, 20)].map((r) => Number(r.ID)))
    expect(reading).toMatchObject({ afterId: 100, beforeId: 231, done: true, error: null })
  })

  it('takes nothing of a chain going down that comes back in ascending order, and says so', () => {
    const plan = planPeopleBatch(query, { afterId: 0, beforeId: null }, false, 2, 'down')
    const reading = readPeopleBatch(plan, { p0: { ok: true, result: page(1, 50) }, p1: { ok: true, result: page(1, 49) } })
    expect(reading.rows).toEqual([])
    expect(reading).toMatchObject({ afterId: 0, beforeId: null, done: false })
    expect(reading.error?.code).toBe(ID_ORDER_ERROR)
  })
})

function reading(rows: { ID: string }[], range: { afterId: number; beforeId: number | null }, done = false): BatchReading {
  return { rows, ...range, done, total: null, error: null }
}

describe('joinChains', () => {
  it('takes both chains whole when a stretch between them is left, and narrows the range to it', () => {
    const up = reading(page(1, 100), { afterId: 100, beforeId: null })
    const down = reading(pageDown(1000, 100), { afterId: 0, beforeId: 901 })
    const joined = joinChains(up, down)
    expect(joined.rows).toHaveLength(200)
    expect(joined).toMatchObject({ afterId: 100, beforeId: 901, done: false })
  })

  it('drops what the chain coming down read twice once they crossed, and is done', () => {
    const up = reading(page(1, 150), { afterId: 150, beforeId: null })
    const down = reading(pageDown(200, 100), { afterId: 0, beforeId: 101 })
    const joined = joinChains(up, down)
    expect(joined.rows.map((r) => Number(r.ID)).sort((a, b) => a - b)).toEqual(page(1, 200).map((r) => Number(r.ID)))
    expect(joined.done).toBe(true)
  })

  it('is done when the chains meet exactly, or when either reached the other end', () => {
    expect(joinChains(reading(page(1, 50), { afterId: 50, beforeId: null }), reading(pageDown(100, 50), { afterId: 0, beforeId: 51 })).done).toBe(true)
    expect(joinChains(reading(page(1, 50), { afterId: 50, beforeId: null }, true), reading([], { afterId: 0, beforeId: 900 })).done).toBe(true)
  })

  it('reports a block of the method before a passing fault of the other end', () => {
    const busy = { ...reading(page(1, 50), { afterId: 50, beforeId: null }), error: new RestError('QUERY_LIMIT_EXCEEDED', 503, '', 'user.get') }
    const blocked = { ...reading([], { afterId: 0, beforeId: null }), error: new RestError('OPERATION_TIME_LIMIT', 400, '', 'user.get') }
    expect(joinChains(busy, blocked).error?.code).toBe('OPERATION_TIME_LIMIT')
  })

  it('keeps the rows of a chain that failed part way and its error, so the walk resumes between them', () => {
    const failed = { ...reading(page(1, 50), { afterId: 50, beforeId: null }), error: new RestError('QUERY_LIMIT_EXCEEDED', 503, '', 'user.get') }
    const joined = joinChains(failed, reading(pageDown(1000, 50), { afterId: 0, beforeId: 951 }))
    expect(joined.rows).toHaveLength(100)
    expect(joined).toMatchObject({ afterId: 50, beforeId: 951, done: false })
    expect(joined.error?.code).toBe('QUERY_LIMIT_EXCEEDED')
  })
})

describe('planRound', () => {
  const open = { afterId: 0, beforeId: null }
  it('reads with one chain while the count is unknown, or what is left fits one request', () => {
    expect(planRound(null, 0, open, 100)).toEqual({ up: 50, down: 0 })
    expect(planRound(900, 0, open, 100)).toEqual({ up: 19, down: 0 })
    expect(planRound(3000, 550, open, 100)).toEqual({ up: 50, down: 0 })
  })

  it('reads from both ends once more than one request is left, with a page of slack each', () => {
    expect(planRound(9000, 0, open, 100)).toEqual({ up: 50, down: 50 })
    expect(planRound(3000, 450, open, 100)).toEqual({ up: 27, down: 27 })
    expect(planRound(9000, 5000, { afterId: 2600, beforeId: 6400 }, 100)).toEqual({ up: 41, down: 41 })
  })

  it('reads no more per round than the budget allows, from one end when slowed', () => {
    expect(planRound(9000, 0, open, 10)).toEqual({ up: 10, down: 0 })
    expect(planRound(null, 0, open, 10)).toEqual({ up: 10, down: 0 })
  })

  it('reads from one end when the portal does not walk down in order', () => {
    expect(planRound(9000, 0, open, 100, false)).toEqual({ up: 50, down: 0 })
  })

  it('once the count is passed: little between two chains, as much as a request can above the top', () => {
    expect(planRound(3000, 3000, { afterId: 1500, beforeId: 1502 }, 100)).toEqual({ up: 2, down: 0 })
    expect(planRound(3000, 3000, open, 100)).toEqual({ up: 50, down: 0 })
  })

  it('the walk over N people takes at most ceil(N / 2500) + 1 requests, with gaps in the IDs too', () => {
    for (const step of [1, 3]) {
      for (const n of [0, 1, 49, 50, 51, 2449, 2450, 2500, 2600, 4999, 5000, 5050, 7500, 9999, 10_000, 12_345, 49_999, 50_000]) {
        // n people whose IDs are `step` apart: the chains can end next to each other without crossing
        const ids = Array.from({ length: n }, (_, i) => 1 + i * step)
        const inRange = (r: { afterId: number; beforeId: number | null }) => ids.filter((id) => id > r.afterId && (r.beforeId === null || id < r.beforeId))
        const rowsOf = (list: number[]) => list.map((id) => ({ ID: String(id) }))
        let range: { afterId: number; beforeId: number | null } = { afterId: 0, beforeId: null }
        let read = 0
        let requests = 0
        // the first page by name brings the count, and is everyone up to 50
        let done = n <= PAGE_SIZE
        while (!done) {
          const pages = planRound(n, read, range, 100)
          const upIds = inRange(range).slice(0, pages.up * PAGE_SIZE)
          const up = reading(rowsOf(upIds), { afterId: upIds.at(-1) ?? range.afterId, beforeId: range.beforeId }, upIds.length < pages.up * PAGE_SIZE)
          requests++
          let down: BatchReading | null = null
          if (pages.down > 0) {
            const downIds = inRange(range).reverse().slice(0, pages.down * PAGE_SIZE)
            down = reading(rowsOf(downIds), { afterId: range.afterId, beforeId: downIds.at(-1) ?? range.beforeId }, downIds.length < pages.down * PAGE_SIZE)
            requests++
          }
          const joined = joinChains(up, down)
          read += joined.rows.length
          range = { afterId: joined.afterId, beforeId: joined.beforeId }
          done = joined.done
        }
        if (n > PAGE_SIZE) expect(read, `${n} people, ${step} apart`).toBe(n)
        expect(requests, `${n} people, ${step} apart`).toBeLessThanOrEqual(Math.ceil(n / 2500) + 1)
      }
    }
  })
})
