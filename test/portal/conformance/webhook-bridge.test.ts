/** Incoming webhooks of the stand-in, and the bridge that lets the local page's app read a real portal through one. */
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
    for (const path of ['/', '/_portal/api/state', '/_portal/api/log']) {
      const text = await (await fetch(`${local.url}${path}`)).text()
      expect(text, path).not.toContain(secret)
    }
    const config = await local.control('config', {})
    expect(JSON.stringify(config.body)).not.toContain(secret)
  })

  it('reads a pasted webhook address, and refuses anything else', () => {
    expect(parseWebhook(' https://acme.bitrix24.de/rest/1/abc123def/ ')).toBe('https://acme.bitrix24.de/rest/1/abc123def/')
    expect(parseWebhook('https://acme.bitrix24.de/rest/1/abc123def')).toBe('https://acme.bitrix24.de/rest/1/abc123def/')
    for (const bad of ['acme.bitrix24.de', 'https://acme.bitrix24.de/rest/', 'ftp://x/rest/1/a/', 'https://x/rest/a/b/']) {
      expect(() => parseWebhook(bad)).toThrow(/expected https/)
    }
  })
})
