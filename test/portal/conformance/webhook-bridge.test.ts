/** Incoming webhooks of the stand-in, and the bridge that lets the local page's app read a real portal through one. */
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startPortal, type TestPortal } from './helpers'
import { parseWebhook } from '../webhook'

let remote: TestPortal
let local: TestPortal
let webhook: string
beforeAll(async () => {
  remote = await startPortal({ people: 40, seed: 7 })
  const { body } = await remote.control('webhooks', { scopes: ['user_basic', 'department'] })
  webhook = (body as { url: string }).url
  local = await startPortal({ people: 300, webhook })
})
afterAll(async () => {
  await local.close()
  await remote.close()
})

const secretOf = (url: string) => /\/rest\/\d+\/([^/]+)\//.exec(url)![1]!

describe('incoming webhooks', () => {
  it('answer as their user with their scopes, and refuse a wrong secret', async () => {
    const me = await fetch(`${webhook}user.current`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })
    expect(me.status).toBe(200)
    expect(((await me.json()) as { result: { ID: string } }).result.ID).toBe(String(remote.store.personaUserId('admin')))
    const wrong = await fetch(webhook.replace(secretOf(webhook), 'nope'.padEnd(32, '0')) + 'user.current', { method: 'POST' })
    expect(wrong.status).toBeGreaterThanOrEqual(401)
    expect(((await wrong.json()) as { error: string }).error).toBe('INVALID_CREDENTIALS')
    const outOfScope = await fetch(`${webhook}placement.get`, { method: 'POST' })
    expect(((await outOfScope.json()) as { error: string }).error).toBe('insufficient_scope')
  })
})

describe('the webhook bridge', () => {
  it('answers the local app with the real portal\'s people, batches included', async () => {
    const token = local.token('employee')
    const { status, body } = await local.call('user.get', { filter: { ACTIVE: true }, start: 0 }, token)
    expect(status).toBe(200)
    const remoteActive = remote.store.fixtures.users.filter((u) => u.ACTIVE)
    expect(body.total).toBeLessThanOrEqual(remoteActive.length)
    expect(body.total).toBeGreaterThan(20)
    expect(body.result[0].ID).toBe(String(remoteActive[0]!.ID))
    expect(body.time).toBeTruthy()

    const batch = await local.call('batch', { halt: 0, cmd: { me: 'user.current', n: 'user.get?start=-1&filter[ACTIVE]=1' } }, token)
    expect(batch.status).toBe(200)
    expect(batch.body.result.result.me.ID).toBe(String(remote.store.personaUserId('admin')))
  })

  it('serves only the app this page opened, and keeps the secret on the server', async () => {
    const stranger = await local.call('user.get', {}, 'not-a-token')
    expect(stranger.status).toBe(401)
    const secret = secretOf(webhook)
    for (const path of ['/_portal/api/state', '/_portal/api/log']) {
      const text = await (await fetch(`${local.url}${path}`)).text()
      expect(text, path).not.toContain(secret)
    }
    const config = await local.control('config', {})
    expect(JSON.stringify(config.body)).not.toContain(secret)
  })

  it('keeps placements on the local page: the real portal only ever gets reads', async () => {
    const token = local.token('admin')
    const before = remote.store.log.since(0).length
    await local.call('placement.get', {}, token)
    await local.call('batch', { cmd: { a: 'user.current', b: 'placement.bind?PLACEMENT=USER_PROFILE_MENU&HANDLER=https://x/' } }, token)
    const reached = remote.store.log.since(0).slice(before).map((e) => e.name)
    expect(reached.filter((name) => name.startsWith('placement') || name === 'batch')).toEqual([])
  })

  it('reads a pasted webhook address, and refuses anything else', () => {
    expect(parseWebhook(' https://acme.bitrix24.de/rest/1/abc123def/ ')).toBe('https://acme.bitrix24.de/rest/1/abc123def/')
    expect(parseWebhook('https://acme.bitrix24.de/rest/1/abc123def')).toBe('https://acme.bitrix24.de/rest/1/abc123def/')
    for (const bad of ['acme.bitrix24.de', 'https://acme.bitrix24.de/rest/', 'ftp://x/rest/1/a/', 'https://x/rest/a/b/']) {
      expect(() => parseWebhook(bad)).toThrow(/expected https/)
    }
  })
})

describe('the webhook bridge to a misbehaving portal', () => {
  let fake: Server
  let bridged: TestPortal
  let hook: string
  beforeAll(async () => {
    fake = createServer((req, res) => {
      const path = req.url ?? ''
      if (path.endsWith('/user.current')) {
        // an error that quotes the address it was called at, secret included
        res.writeHead(400, { 'content-type': 'application/json' })
        res.end(JSON.stringify({ error: 'ERROR_CORE', error_description: `Bad call to http://x${path}` }))
      } else if (path.endsWith('/user.get')) {
        res.writeHead(502, { 'content-type': 'text/html' })
        res.end('<html>Bad gateway</html>')
      } else {
        res.writeHead(302, { location: 'https://elsewhere.example/' })
        res.end()
      }
    })
    await new Promise<void>((resolve) => fake.listen(0, 'localhost', resolve))
    hook = `http://localhost:${(fake.address() as AddressInfo).port}/rest/1/0123456789abcdef/`
    bridged = await startPortal({ people: 30, webhook: hook })
  })
  afterAll(async () => {
    await bridged.close()
    await new Promise((resolve) => fake.close(resolve))
  })

  it('never passes the secret on, even when the real portal quotes it', async () => {
    const { body } = await bridged.call('user.current', {}, bridged.token('employee'))
    expect(JSON.stringify(body)).not.toContain('0123456789abcdef')
    expect(body.error_description).toContain('/rest/1/***/user.current')
    expect(JSON.stringify(bridged.store.log.since(0))).not.toContain('0123456789abcdef')
  })

  it('says so when the real portal answers without JSON or redirects', async () => {
    const html = await bridged.call('user.get', {}, bridged.token('employee'))
    expect(html.status).toBe(502)
    expect(html.body.error).toBe('ERROR_UNEXPECTED_ANSWER')
    const moved = await bridged.call('scope', {}, bridged.token('employee'))
    expect(moved.status).toBe(502)
    expect(moved.body.error_description).toMatch(/redirects/)
  })
})
