/** The REST envelope, routing, decoding, auth and scope (portal-protocol.md §2, §7.3, check 4). */
import { connect } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultConfig, siteOf } from '../config'
import { startPortal, type TestPortal } from './helpers'

let p: TestPortal
beforeAll(async () => {
  p = await startPortal()
})
afterAll(() => p.close())

const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers': 'origin, content-type, accept',
  'access-control-allow-methods': 'POST, GET, OPTIONS',
  'x-content-type-options': 'nosniff',
  'content-type': 'application/json; charset=utf-8',
}

function expectRestHeaders(headers: Headers): void {
  for (const [k, v] of Object.entries(CORS)) expect(headers.get(k), k).toBe(v)
  expect(headers.get('retry-after')).toBeNull()
}

const TIME_KEYS = ['start', 'finish', 'duration', 'processing', 'date_start', 'date_finish', 'operating']

describe('envelope', () => {
  it('every success has result and a complete time object', async () => {
    for (const method of ['user.current', 'user.get', 'department.get', 'server.time', 'user.access', 'batch', 'profile', 'user.fields']) {
      const { status, body, headers } = await p.call(method, method === 'batch' ? { cmd: ['server.time'] } : {})
      expect(status, method).toBe(200)
      expect(body).toHaveProperty('result')
      expect(Object.keys(body.time)).toEqual(expect.arrayContaining(TIME_KEYS))
      expect(body.time.date_start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/)
      expect(body.time.finish).toBeGreaterThanOrEqual(body.time.start)
      expectRestHeaders(headers)
    }
  })

  it('errors carry CORS headers, {error, error_description} and no time', async () => {
    const notFound = await p.call('user.nothing')
    expect(notFound.status).toBe(404)
    expect(notFound.body).toEqual({ error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' })
    expectRestHeaders(notFound.headers)

    const res = await fetch(`${p.url}/rest/user.current`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(401)
    expect(await res.json()).toEqual({ error: 'NO_AUTH_FOUND', error_description: 'Wrong authorization data' })
    expectRestHeaders(res.headers)

    const bad = await p.call('user.current', {}, 'f'.repeat(64))
    expect(bad.status).toBe(401)
    expect(bad.body.error).toBe('invalid_token')
    expect(bad.body).not.toHaveProperty('time')
  })

  it('answers the CORS preflight with 200 and the headers', async () => {
    const res = await fetch(`${p.url}/rest/user.get?bx24_request_id=1`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })
    expect(res.status).toBe(200)
    expectRestHeaders(res.headers)
    expect(await res.text()).toBe('')
  })

  it('checks the method before the credentials', async () => {
    const res = await fetch(`${p.url}/rest/no.such.method`, { method: 'POST' })
    expect(res.status).toBe(404)
  })

  it('routes case-insensitively, with .json suffixes, GET queries and form bodies', async () => {
    const token = p.token('admin')
    const get = await fetch(`${p.url}/rest/USER.Current.json?auth=${token}`)
    expect(get.status).toBe(200)
    expect((await get.json()).result.ID).toBe('1')

    const form = await fetch(`${p.url}/rest/user.get`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: `auth=${token}&filter%5BID%5D%5B%5D=1&filter%5BID%5D%5B%5D=2&select%5B%5D=ID`,
    })
    expect((await form.json()).result).toEqual([{ ID: '1' }, { ID: '2' }])

    const bearer = await fetch(`${p.url}/rest/user.current`, { method: 'POST', headers: { Authorization: `Bearer ${token}` } })
    expect(bearer.status).toBe(200)

    // the body wins over the query string
    const both = await fetch(`${p.url}/rest/user.get?auth=${token}&filter[ID]=1`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ filter: { ID: 2 } }),
    })
    expect((await both.json()).result.map((u: { ID: string }) => u.ID)).toEqual(['2'])

    // invalid JSON is an empty query, not an error
    const broken = await fetch(`${p.url}/rest/server.time?auth=${token}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{oops' })
    expect(broken.status).toBe(200)

    const webhook = await fetch(`${p.url}/rest/1/secret123/user.current`)
    expect([401, 403]).toContain(webhook.status)
    expect((await webhook.json()).error).toBe('INVALID_CREDENTIALS')
    expect((await fetch(`${p.url}/rest/api/user.current`)).status).toBe(404)
  })

  it('refuses a method outside the token scopes: 403 by the docs, 401 with the code switch', async () => {
    const brief = p.token('employee', ['user_brief'])
    const denied = await p.call('department.get', {}, brief)
    expect(denied.status).toBe(403)
    expect(denied.body).toEqual({ error: 'insufficient_scope', error_description: 'The request requires higher privileges than provided by the access token' })
    expectRestHeaders(denied.headers)
    // global methods need no scope
    expect((await p.call('user.access', { ACCESS: ['AU'] }, p.token('employee', []))).status).toBe(200)
    expect((await p.call('user.current', {}, p.token('employee', ['department']))).status).toBe(403)

    await p.control('config', { authErrorStatus: 'code' })
    expect((await p.call('department.get', {}, brief)).status).toBe(401)
    await p.control('config', { authErrorStatus: 'docs' })
  })
})

describe('tokens (check 4)', () => {
  it('an expired token answers 401 expired_token; the refreshed one works, the old one stays expired', async () => {
    const session = p.store.openFrame({ ...p.store.scenarioDefaults, persona: 'employee' })
    const oldToken = session.token.accessToken
    expect((await p.call('user.current', {}, oldToken)).status).toBe(200)

    expect((await p.control('expire-tokens', {})).body).toEqual({ ok: true })
    const expired = await p.call('user.current', {}, oldToken)
    expect(expired.status).toBe(401)
    expect(expired.body).toEqual({ error: 'expired_token', error_description: 'The access token provided has expired' })

    const refreshed = await p.control('frame/refresh', { sid: session.appSid, refreshToken: session.token.refreshToken })
    expect(refreshed.status).toBe(200)
    expect(refreshed.body.AUTH_EXPIRES).toBe('3600')
    expect(refreshed.body.AUTH_ID).toMatch(/^[0-9a-f]{64}$/)
    expect(refreshed.body.AUTH_ID).not.toBe(oldToken)
    const again = await p.call('user.current', {}, refreshed.body.AUTH_ID)
    expect(again.status).toBe(200)
    expect(again.body.result.ID).toBe(String(session.userId))
    expect(p.store.frameBySid(session.appSid)?.token.accessToken).toBe(refreshed.body.AUTH_ID)
    expect((await p.call('user.current', {}, oldToken)).status).toBe(401)
  })

  it('refuses a refresh for an unknown render or a foreign refresh token', async () => {
    const a = p.store.openFrame({ ...p.store.scenarioDefaults })
    const b = p.store.openFrame({ ...p.store.scenarioDefaults })
    expect((await p.control('frame/refresh', { sid: 'nope', refreshToken: a.token.refreshToken })).status).toBe(403)
    expect((await p.control('frame/refresh', { sid: a.appSid, refreshToken: b.token.refreshToken })).status).toBe(403)
    expect((await p.control('frame/refresh', { sid: a.appSid, refreshToken: 'x' })).status).toBe(403)
  })

  it('honours the configured token lifetime', async () => {
    await p.control('config', { tokenTtl: 1 })
    const token = p.token('admin')
    await p.control('config', { tokenTtl: 3600 })
    expect((await p.call('server.time', {}, token)).status).toBe(200)
    await new Promise((r) => setTimeout(r, 1100))
    expect((await p.call('server.time', {}, token)).body.error).toBe('expired_token')
  })

  it('a dismissed user cannot be signed in', async () => {
    const session = p.store.openFrame({ ...p.store.scenarioDefaults, persona: 'head' })
    p.store.changePeople({ dismiss: [session.userId] })
    const res = await p.call('user.current', {}, session.token.accessToken)
    expect(res.status).toBe(401)
    expect(res.body.error).toBe('authorization_error')
  })
})

/** Whether a TCP connection to host:port opens (false on a refusal, or where that address does not exist). */
function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
  })
}

describe('topology', () => {
  it('the portal is on 127.0.0.1 and the default app on localhost: the app is framed cross-site, as on a real portal', async () => {
    const portal = new URL(p.url)
    expect(portal.hostname).toBe('127.0.0.1')
    expect(p.url).toBe(`http://127.0.0.1:${portal.port}`)
    expect(new URL(defaultConfig().appUrl).hostname).toBe('localhost')
    expect(siteOf(p.url)).not.toBe(siteOf(defaultConfig().appUrl))
    // it listens on that address, not on every interface
    expect(await reachable('127.0.0.1', Number(portal.port))).toBe(true)
    expect(await reachable('::1', Number(portal.port))).toBe(false)
    expect((await p.control('state')).status).toBe(200)
  })

  it('tells sites apart by host, not by port', () => {
    expect(siteOf('http://localhost:5173/')).toBe(siteOf('http://localhost:8787'))
    expect(siteOf('http://127.0.0.1:8787')).not.toBe(siteOf('http://localhost:8787'))
    expect(siteOf('https://app.example.com/x')).toBe(siteOf('https://portal.example.com'))
    expect(siteOf('https://acme.bitrix24.de')).not.toBe(siteOf('https://app.example.com'))
    expect(siteOf('http://[::1]:1')).not.toBe(siteOf('http://127.0.0.1:1'))
  })
})
