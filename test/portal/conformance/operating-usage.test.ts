/**
 * The operating limit as the cloud books it (portal-budget.md, portal-protocol.md §5): per app and METHOD,
 * summed over every viewer, in a sliding ten minutes; a configurable per-execution cost; `time.operating` on
 * every success and per batch command; 429 for a direct call and a per-command error inside a batch (the outer
 * batch not booked); and the usage endpoint tests and the benchmark read executions and seconds from.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { startPortal, type Json, type TestPortal } from './helpers'

let p: TestPortal
beforeAll(async () => {
  p = await startPortal({ people: 120 })
})
afterAll(() => p.close())
afterEach(async () => {
  await p.control('config', { operatingLimit: { enabled: false, limitSec: 480, costSec: 0 } })
  await p.control('usage/reset', {})
})

const BLOCKED = { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' }
const usage = async (): Promise<Json> => (await p.control('usage')).body
const limit = (patch: Record<string, unknown>) => p.control('config', { operatingLimit: patch })
/**
 * What the answers say was booked: each execution books its measured `processing` plus the configured cost.
 * Summing the answers' own figures keeps the checks exact on a loaded machine, where processing can be long.
 */
const booked = (times: Json[], cost: number): number => times.reduce((sum, t) => sum + t.processing + cost, 0)

describe('operating limit', () => {
  it('the config endpoint sets it at run time, field by field; costSec is booked even with the limit off', async () => {
    const cfg = (await limit({ enabled: true, costSec: 0.2 })).body
    expect(cfg.operatingLimit).toEqual({ enabled: true, limitSec: 480, costSec: 0.2 })
    expect((await limit({ costSec: -1 })).status).toBe(400)
    await limit({ enabled: false, limitSec: 0.1 })
    const token = p.token('admin')
    const one = await p.call('user.get', {}, token)
    const two = await p.call('user.get', {}, token)
    expect(two.status).toBe(200) // over limitSec, but the limit is off
    expect(one.body.time.operating).toBeCloseTo(booked([one.body.time], 0.2), 4)
    expect(two.body.time.operating).toBeCloseTo(booked([one.body.time, two.body.time], 0.2), 4)
    expect(two.body.time.operating_reset_at).toBeGreaterThan(Date.now() / 1000 + 590)
    expect(two.body.time.operating_reset_at).toBeLessThanOrEqual(Date.now() / 1000 + 600)
  })

  it('is shared by every viewer of the app, per method: one viewer\'s walk blocks user.get for the others', async () => {
    await limit({ enabled: true, limitSec: 1.5, costSec: 0.6 })
    const [admin, employee, head] = [p.token('admin'), p.token('employee'), p.token('head')]
    const times: Json[] = []
    for (const token of [admin, employee]) {
      const { body } = await p.call('user.get', {}, token)
      times.push(body.time)
      expect(body.time.operating).toBeCloseTo(booked(times, 0.6), 4)
    }
    // the call that crosses the limit still completes; the next one, whoever makes it, is refused
    const crossing = await p.call('user.get', { start: 50 }, head)
    expect(crossing.status).toBe(200)
    expect(crossing.body.time.operating).toBeCloseTo(booked([...times, crossing.body.time], 0.6), 4)
    expect(crossing.body.time.operating).toBeGreaterThanOrEqual(1.5)
    for (const token of [admin, employee, head, p.token('admin')]) {
      const refused = await p.call('user.get', {}, token)
      expect(refused.status).toBe(429)
      expect(refused.body).toEqual(BLOCKED)
    }
    // other methods have their own budget
    const current = await p.call('user.current', {}, employee)
    expect(current.status).toBe(200)
    expect(current.body.time.operating).toBeCloseTo(booked([current.body.time], 0.6), 4)
    expect((await usage()).methods['user.get']).toMatchObject({ executions: 3, refused: 4, blocked: true })
  })

  it('inside a batch: each command books its own method; a blocked one is in result_error; the batch is not booked', async () => {
    await limit({ enabled: true, limitSec: 1.75, costSec: 0.5 })
    const token = p.token('employee')
    const cmd = { a: 'user.get', b: 'user.get?start=50', t: 'server.time', c: 'user.get?start=100', d: 'user.get', e: 'user.get' }
    const batch = await p.call('batch', { halt: 0, cmd }, token)
    expect(batch.status).toBe(200)
    const r = batch.body.result
    expect(Object.keys(r.result)).toEqual(['a', 'b', 't', 'c', 'd'])
    expect(r.result_error).toEqual({ e: BLOCKED })
    expect(Object.keys(r.result_time)).toEqual(['a', 'b', 't', 'c', 'd'])
    // each command's own time object, with its method's running total
    const pages = [r.result_time.a, r.result_time.b, r.result_time.c, r.result_time.d] as Json[]
    pages.forEach((t, i) => expect(t.operating).toBeCloseTo(booked(pages.slice(0, i + 1), 0.5), 4))
    expect(r.result_time.t.operating).toBeCloseTo(booked([r.result_time.t], 0.5), 4)
    for (const t of Object.values(r.result_time) as Json[]) {
      expect(t.date_start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/)
      expect(t.operating_reset_at).toBeGreaterThan(Date.now() / 1000)
    }
    // the outer batch books nothing and is never blocked itself
    expect(batch.body.time.operating).toBe(0)
    const again = await p.call('batch', { halt: 1, cmd: { x: 'user.get', y: 'server.time' } }, p.token('admin'))
    expect(again.status).toBe(200)
    expect(again.body.result.result_error).toEqual({ x: BLOCKED })
    expect(again.body.result.result).toEqual([]) // halt stops after the refused command
    expect((await p.call('user.get', {}, token)).status).toBe(429)

    const u = await usage()
    expect(u.methods['user.get']).toMatchObject({ executions: 4, refused: 3, blocked: true })
    expect(u.methods['user.get'].operatingSec).toBeCloseTo(booked(pages, 0.5), 4)
    expect(u.methods.batch).toMatchObject({ executions: 2, operatingSec: 0, refused: 0, operating: 0, blocked: false })
    expect(u.methods['server.time'].executions).toBe(1)
  })

  it('frees a method when the window is reset (usage/reset), and on POST reset', async () => {
    await limit({ enabled: true, limitSec: 0.5, costSec: 0.5 })
    const token = p.token('admin')
    await p.call('user.get', {}, token)
    expect((await p.call('user.get', {}, token)).status).toBe(429)
    const cleared = await p.control('usage/reset', {})
    expect(cleared.body.methods).toEqual({})
    expect((await p.call('user.get', {}, token)).status).toBe(200)
    expect((await p.call('user.get', {}, token)).status).toBe(429)
    await p.control('reset', { people: 120, seed: 1 })
    expect((await usage()).methods).toEqual({})
    expect((await p.call('user.get', {}, p.token('admin'))).status).toBe(200)
  })
})

describe('time.date_start on every answer', () => {
  it('the portal clock at the start of the request, ISO with offset, on direct answers and per batch command', async () => {
    const token = p.token('head')
    const before = Math.floor(Date.now() / 1000) * 1000
    for (const method of ['user.get', 'user.search', 'user.current', 'department.get', 'server.time', 'batch']) {
      const { body } = await p.call(method, method === 'batch' ? { cmd: { a: 'user.get', b: 'department.get' } } : {}, token)
      const start = Date.parse(body.time.date_start)
      expect(start, method).toBeGreaterThanOrEqual(before)
      expect(start, method).toBeLessThanOrEqual(Date.now())
      expect(body.time.date_start).toBe(body.time.date_start.replace(/\.\d+/, ''))
      expect(Date.parse(body.time.date_finish)).toBeGreaterThanOrEqual(start)
      expect(typeof body.time.operating).toBe('number')
      if (method !== 'batch') expect(body.time.operating_reset_at).toBeGreaterThan(Date.now() / 1000)
      else for (const t of Object.values(body.result.result_time) as Json[]) expect(Date.parse(t.date_start)).toBeGreaterThanOrEqual(start)
    }
  })
})

describe('usage endpoint', () => {
  it('counts user.get executions, direct and in batches, with their operating seconds', async () => {
    await limit({ costSec: 0.2 })
    const [admin, employee] = [p.token('admin'), p.token('employee')]
    const direct = await p.call('user.get', { start: 0 }, admin)
    const batch = await p.call('batch', { cmd: { a: 'user.get', b: 'user.get?start=50', c: 'user.current', d: 'user.get?start=100' } }, employee)
    const times = [direct.body.time, ...['a', 'b', 'd'].map((k) => batch.body.result.result_time[k])]
    await p.call('user.search', { FIND: 'a' }, employee)
    await p.call('user.get', {}, 'not-a-token') // refused before it runs: not an execution
    const u = await usage()
    expect(u.methods['user.get']).toMatchObject({ executions: 4, refused: 0, blocked: false })
    expect(u.methods['user.get'].operatingSec).toBeCloseTo(booked(times, 0.2), 4)
    expect(u.methods['user.get'].operating).toBeCloseTo(booked(times, 0.2), 4)
    expect(u.methods['user.current'].executions).toBe(1)
    expect(u.methods['user.search'].executions).toBe(1)
    expect(u.methods.batch.executions).toBe(1)
    expect(u.operatingLimit).toEqual({ enabled: false, limitSec: 480, costSec: 0.2, windowSec: 600 })
    expect(u.since).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/)
    expect((await p.control('state')).body.usage.methods['user.get'].executions).toBe(4)
  })

  it('an incoming webhook is its own client, apart from the app', async () => {
    const hook = (await p.control('webhooks', { userId: 1, scopes: ['user'] })).body.url as string
    expect((await fetch(`${hook}user.get`, { method: 'POST' })).status).toBe(200)
    const u = await usage()
    expect(u.methods).toEqual({})
    expect(u.webhooks['1']['user.get'].executions).toBe(1)
  })
})
