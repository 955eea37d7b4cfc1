import { describe, expect, it } from 'vitest'
import { fetchViewer, parseAppId } from '@/bitrix24/users'
import { clientAnswering } from './answering-client'

describe('fetchViewer', () => {
  it('learns the user, the admin flag, the scopes and the app\'s ID in one request', async () => {
    const client = clientAnswering({
      result: { me: { ID: '7', NAME: 'Ann' }, admin: false, scope: ['user_basic', 'department'], app: { ID: 12, CODE: 'local.x' } },
      result_error: [],
    })
    const viewer = await fetchViewer(client, [])
    expect(client.sent).toHaveLength(1)
    expect(Object.keys(client.sent[0]?.cmd as object)).toEqual(['me', 'admin', 'scope', 'app'])
    expect(viewer).toMatchObject({ user: { ID: '7' }, isAdmin: false, granted: false, scopes: ['user_basic', 'department'], appId: 12 })
  })

  it('reads the app\'s ID as a number or digits, and nothing else', () => {
    expect(parseAppId({ ID: '12' })).toBe(12)
    expect(parseAppId({ ID: 3 })).toBe(3)
    // a webhook's app.info names the scopes and the licence, no app
    expect(parseAppId({ SCOPE: ['user'], LICENSE: 'ru_project' })).toBeNull()
    expect(parseAppId({ ID: '-1' })).toBeNull()
    expect(parseAppId({ ID: '1e3' })).toBeNull()
    expect(parseAppId(null)).toBeNull()
  })

  it('asks user.access only when an admin granted the admin views to someone', async () => {
    const client = clientAnswering({ result: { me: { ID: '7' }, admin: false, scope: [], access: true }, result_error: [] })
    const viewer = await fetchViewer(client, ['DR3', 'U9'])
    expect((client.sent[0]?.cmd as Record<string, string>).access).toContain('user.access')
    expect(viewer.granted).toBe(true)
  })

  it('keeps going without scopes when the portal refuses to list them', async () => {
    const client = clientAnswering({
      result: { me: { ID: '7' }, admin: true },
      result_error: { scope: { error: 'ERROR_METHOD_NOT_FOUND', error_description: '' } },
    })
    expect(await fetchViewer(client, [])).toMatchObject({ isAdmin: true, scopes: null, appId: null })
  })

  it('fails when user.current fails', async () => {
    const client = clientAnswering({
      result: {},
      result_error: { me: { error: 'insufficient_scope', error_description: '' } },
    })
    await expect(fetchViewer(client, [])).rejects.toMatchObject({ code: 'insufficient_scope' })
  })
})
