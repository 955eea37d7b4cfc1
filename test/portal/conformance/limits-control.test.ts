/** Rate and operating limits (§5, check 11), faults, people changes, the log and the rest of the control API. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LogEntry } from '../types'
import { ids, startPortal, walkUsers, type TestPortal } from './helpers'

let p: TestPortal
beforeAll(async () => {
  p = await startPortal({ people: 400 })
})
afterAll(() => p.close())

describe('rate limit (check 11)', () => {
  it('a burst over the bucket gets 503 QUERY_LIMIT_EXCEEDED; it drains; a batch counts once', async () => {
    const token = p.token('admin')
    // drain 1/s: a burst that takes under a second drains less than one slot
    await p.control('config', { rateLimit: { enabled: true, burst: 10, drainPerSec: 1 } })
    try {
      const replies = await Promise.all(Array.from({ length: 15 }, () => p.call('server.time', {}, token)))
      const limited = replies.filter((r) => r.status === 503)
      expect(replies.filter((r) => r.status === 200)).toHaveLength(10)
      expect(limited).toHaveLength(5)
      expect(limited[0]?.body).toEqual({ error: 'QUERY_LIMIT_EXCEEDED', error_description: 'Too many requests' })
      expect(limited[0]?.headers.get('access-control-allow-origin')).toBe('*')
      expect(limited[0]?.headers.get('retry-after')).toBeNull()
      await new Promise((r) => setTimeout(r, 1100))
      // about one slot drained: a batch of 50 commands takes it as ONE request, the next call finds the bucket full
      const batch = await p.call('batch', { cmd: Array(50).fill('server.time') }, token)
      expect(batch.status).toBe(200)
      expect(Object.keys(batch.body.result.result)).toHaveLength(50)
      expect((await p.call('server.time', {}, token)).status).toBe(503)
    } finally {
      await p.control('config', { rateLimit: { enabled: false, burst: 50, drainPerSec: 2 } })
    }
    expect((await p.call('server.time', {}, token)).status).toBe(200)
  })
})

describe('operating limit', () => {
  it('reports usage; the call after crossing the limit gets 429 OPERATION_TIME_LIMIT, per method', async () => {
    const token = p.token('admin')
    const first = await p.call('user.fields', {}, token)
    expect(first.body.time.operating).toBeGreaterThanOrEqual(0)
    expect(first.body.time.operating_reset_at).toBeGreaterThan(Date.now() / 1000)
    await p.control('config', { operatingLimit: { enabled: true, limitSec: 1, costSec: 0.6 } })
    try {
      expect((await p.call('profile', {}, token)).status).toBe(200)
      const crossing = await p.call('profile', {}, token)
      expect(crossing.status).toBe(200)
      expect(crossing.body.time.operating).toBeGreaterThanOrEqual(1.2)
      const blocked = await p.call('profile', {}, token)
      expect(blocked.status).toBe(429)
      expect(blocked.body).toEqual({ error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' })
      expect((await p.call('server.time', {}, token)).status).toBe(200)
    } finally {
      await p.control('config', { operatingLimit: { enabled: false, costSec: 0 } })
    }
    expect((await p.call('profile', {}, token)).status).toBe(200)
  })
})

describe('faults', () => {
  it('the next N calls fail with a code, then calls succeed again', async () => {
    const token = p.token('admin')
    expect((await p.control('faults', { code: 'INTERNAL_SERVER_ERROR', count: 2 })).body).toEqual({ ok: true })
    expect((await p.control('state')).body.faults).toHaveLength(1)
    const a = await p.call('server.time', {}, token)
    expect(a.status).toBe(500)
    expect(a.body.error).toBe('INTERNAL_SERVER_ERROR')
    expect((await p.call('server.time', {}, token)).status).toBe(500)
    expect((await p.call('server.time', {}, token)).status).toBe(200)
  })

  it('faults run after the method check and before auth; method lists and custom statuses', async () => {
    await p.control('faults', { code: 'QUERY_LIMIT_EXCEEDED', count: 1, methods: ['user.get'] })
    expect((await p.call('nothing.here')).status).toBe(404)
    expect((await p.call('server.time')).status).toBe(200)
    const limited = await p.call('user.get', {}, 'not-a-token')
    expect(limited.status).toBe(503)
    await p.control('faults', { code: 'MY_ERROR', count: 1, status: 418 })
    expect((await p.call('server.time')).body).toEqual({ error: 'MY_ERROR', error_description: 'MY_ERROR' })
  })

  it('a fault naming a method hits it inside a batch; a catch-all fault hits the batch itself', async () => {
    await p.control('faults', { code: 'ERROR_CORE', count: 1, methods: ['user.current'] })
    const { body } = await p.call('batch', { halt: 0, cmd: { a: 'user.current', b: 'user.current' } })
    expect(body.result.result_error.a.error).toBe('ERROR_CORE')
    expect(body.result.result.b.ID).toBe('1')
    await p.control('faults', { code: 'INTERNAL_SERVER_ERROR', count: 1 })
    expect((await p.call('batch', { cmd: ['server.time'] })).status).toBe(500)
  })

  it('DROP destroys the connection; DELETE clears pending faults', async () => {
    await p.control('faults', { code: 'DROP', count: 1 })
    await expect(p.call('server.time')).rejects.toThrow()
    expect((await p.call('server.time')).status).toBe(200)
    await p.control('faults', { code: 'ERROR_CORE', count: 5 })
    expect((await p.control('faults', undefined, 'DELETE')).body).toEqual({ ok: true })
    expect((await p.call('server.time')).status).toBe(200)
    expect((await p.control('faults', { code: '', count: 1 })).status).toBe(400)
  })
})

describe('people changes', () => {
  it('people join, leave and are dismissed while the app walks the list', async () => {
    const token = p.token('admin')
    const before = ids(await walkUsers(p, {}, token))
    // first page read, then the portal changes, then the walk goes on
    const page1 = await p.call('user.get', { filter: { '>ID': 0 }, order: { ID: 'ASC' }, start: -1 }, token)
    const cursor = Number(page1.body.result[49].ID)
    const gone = before.filter((id) => id > cursor)[3] as number
    const dismissed = before.filter((id) => id > cursor)[5] as number
    const change = await p.control('people', { add: 3, remove: [gone], dismiss: [dismissed] })
    expect(change.body.added).toHaveLength(3)
    expect(Math.min(...change.body.added)).toBeGreaterThan(Math.max(...p.store.fixtures.users.filter((u) => !change.body.added.includes(u.ID)).map((u) => u.ID)))
    const rest = ids(await walkUsers(p, {}, token).then((all) => all.filter((u) => Number(u.ID) > cursor)))
    expect(rest).not.toContain(gone)
    expect(rest).toContain(dismissed)
    expect(rest.slice(-3)).toEqual(change.body.added)
    const active = ids(await walkUsers(p, { ACTIVE: true }, token))
    expect(active).not.toContain(dismissed)
    expect(active.length).toBe((await p.control('expected?viewer=1')).body.count)
    const newcomer = p.store.userById(change.body.added[0])
    expect(newcomer).toMatchObject({ ACTIVE: true, USER_TYPE: 'employee' })
  })
})

describe('control API', () => {
  it('state, scenario and config', async () => {
    const state = (await p.control('state')).body
    expect(state.personas.map((x: { key: string }) => x.key)).toEqual(['admin', 'employee', 'head', 'extranet'])
    expect(state.personas[0]).toMatchObject({ key: 'admin', userId: 1 })
    expect(state).toMatchObject({ installed: true, config: { people: 400 }, faults: [] })
    expect(typeof state.people).toBe('number')
    expect(typeof state.departments).toBe('number')
    const scenario = (await p.control('scenario', { persona: 'head', placement: 'user_profile_toolbar', scopes: ['user_brief'] })).body
    expect(scenario).toMatchObject({ persona: 'head', placement: 'USER_PROFILE_TOOLBAR', scopes: ['user_brief'] })
    expect((await p.control('scenario', { persona: 'boss' })).status).toBe(400)
    expect((await p.control('scenario', { installed: false })).body.installed).toBe(false)
    expect(p.store.isInstalled()).toBe(false)
    await p.control('scenario', { persona: 'admin', placement: 'DEFAULT', scopes: ['user', 'department', 'placement'], installed: true })
    const cfg = (await p.control('config', { latencyMs: 30, rateLimit: { burst: 7 } })).body
    expect(cfg).toMatchObject({ latencyMs: 30, rateLimit: { enabled: false, burst: 7, drainPerSec: 2 } })
    const t = Date.now()
    await p.call('server.time')
    expect(Date.now() - t).toBeGreaterThanOrEqual(25)
    await p.control('config', { latencyMs: 0, rateLimit: { burst: 50 } })
    expect((await p.control('config', { latencyMs: -1 })).status).toBe(400)
    expect((await p.control('nope')).status).toBe(404)
    const res = await fetch(`${p.url}/_portal/api/state`, { method: 'OPTIONS' })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
  })

  it('frame options, install and install-finish', async () => {
    const admin = p.store.openFrame({ ...p.store.scenarioDefaults, persona: 'admin' })
    const emp = p.store.openFrame({ ...p.store.scenarioDefaults, persona: 'employee' })
    expect((await p.control('frame/option', { sid: admin.appSid, kind: 'app', name: 'a', value: 1 })).body).toMatchObject({ a: 1 })
    expect((await p.control('frame/option', { sid: emp.appSid, kind: 'app', name: 'a', value: 2 })).status).toBe(403)
    expect((await p.control('frame/option', { sid: emp.appSid, kind: 'user', name: 'u', value: [1] })).body).toEqual({ name: 'u', value: [1] })
    expect(p.store.userOptions(emp.userId)).toEqual({ u: [1] })
    expect((await p.control('frame/option', { sid: 'unknown', kind: 'user', name: 'u', value: 1 })).status).toBe(403)

    expect(emp.firstRun).toBe(true)
    expect((await p.control('frame/install', { sid: emp.appSid })).status).toBe(200)
    expect(p.store.openFrame({ ...p.store.scenarioDefaults, persona: 'employee' }).firstRun).toBe(false)

    p.store.setInstalled(false)
    const installer = p.store.openFrame({ ...p.store.scenarioDefaults, persona: 'admin' })
    expect(installer.install).toBe(true)
    expect(p.store.openFrame({ ...p.store.scenarioDefaults, persona: 'employee' }).install).toBe(false)
    expect((await p.control('frame/install-finish', { sid: emp.appSid })).status).toBe(403)
    expect((await p.control('frame/install-finish', { sid: installer.appSid })).body).toEqual({ installed: true })
    expect(p.store.isInstalled()).toBe(true)
    expect(p.store.openFrame({ ...p.store.scenarioDefaults, persona: 'admin' }).install).toBe(false)
  })

  it('placement options of a render', () => {
    const d = p.store.scenarioDefaults
    const viewer = p.store.personaUserId('employee')
    expect(p.store.openFrame({ ...d, persona: 'employee', placement: 'DEFAULT' }).placementOptions).toEqual([])
    expect(p.store.openFrame({ ...d, persona: 'employee', placement: 'LEFT_MENU' }).placementOptions).toEqual({ URI: '/' })
    expect(p.store.openFrame({ ...d, persona: 'employee', placement: 'USER_PROFILE_MENU' }).placementOptions).toEqual({
      USER_ID: String(viewer), URI: `/company/personal/user/${viewer}/`,
    })
    expect(p.store.openFrame({ ...d, persona: 'employee', placement: 'USER_PROFILE_TOOLBAR', placementUserId: 5 }).placementOptions).toEqual({
      USER_ID: '5', URI: '/company/personal/user/5/',
    })
    const s = p.store.openFrame({ ...d, userId: 7 })
    expect(s.userId).toBe(7)
    expect(s.appSid).toMatch(/^[0-9a-f]{32}$/)
    expect(s.token.accessToken).toMatch(/^[0-9a-f]{64}$/)
    expect(p.store.frameBySid(s.appSid)).toBe(s)
  })

  it('logs REST calls without auth, batch details, frame records; streams them as SSE', async () => {
    await p.control('log', undefined, 'DELETE')
    const token = p.token('admin')
    await p.call('user.get', { filter: { ACTIVE: true }, start: 50 }, token)
    await p.call('batch', { cmd: { a: 'user.current', b: 'user.get', c: 'user.get' } }, token)
    await p.call('no.such', {}, token)
    await p.control('log', { kind: 'frame', name: 'getInitData', params: [], status: 'reply' })
    const log = (await p.control<LogEntry[]>('log?since=0')).body
    expect(log.map((e) => e.name)).toEqual(['user.get', 'batch', 'no.such', 'getInitData'])
    expect(log[0]).toMatchObject({ kind: 'rest', status: 200, userId: 1, params: { filter: { ACTIVE: true }, start: 50 } })
    expect(JSON.stringify(log)).not.toContain(token)
    expect(log[1]?.detail).toContain('user.get×2')
    expect(log[2]).toMatchObject({ status: 404, error: 'ERROR_METHOD_NOT_FOUND' })
    expect(log[3]).toMatchObject({ kind: 'frame', status: 'reply' })
    expect((await p.control<LogEntry[]>(`log?since=${log[1]?.seq}`)).body).toHaveLength(2)

    const controller = new AbortController()
    const stream = await fetch(`${p.url}/_portal/api/log/stream?since=${log[3]?.seq}`, { signal: controller.signal })
    expect(stream.headers.get('content-type')).toContain('text/event-stream')
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader()
    await p.call('server.time', {}, token)
    let text = ''
    while (!text.includes('server.time')) text += new TextDecoder().decode((await reader.read()).value)
    expect(text).toMatch(/event: log\ndata: \{.*"name":"server.time"/)
    controller.abort()
  })

  it('reset regenerates the portal and forgets tokens, options and faults', async () => {
    const token = p.token('admin')
    await p.call('app.option.set', { options: { x: 1 } }, token)
    await p.control('faults', { code: 'ERROR_CORE', count: 3 })
    const res = await p.control('reset', { people: 150, seed: 3 })
    expect(res.body).toEqual({ ok: true, people: 150, seed: 3 })
    expect((await p.call('server.time', {}, token)).body.error).toBe('invalid_token')
    expect(p.store.appOptions()).toEqual({})
    expect((await p.control('state')).body.faults).toEqual([])
    expect(p.store.fixtures.users.filter((u) => u.EXTERNAL_AUTH_ID === null)).toHaveLength(150)
    expect((await p.call('user.get', { ADMIN_MODE: true }, p.token('admin'))).body.total).toBe(150)
  })
})
