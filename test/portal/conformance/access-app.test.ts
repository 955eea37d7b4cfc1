/** user.access / access.name / user.admin / profile (§3.6, check 9) and the app methods (options, placements). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FixtureUser } from '../types'
import { startPortal, type TestPortal } from './helpers'

let p: TestPortal
beforeAll(async () => {
  p = await startPortal({ people: 300 })
})
afterAll(() => p.close())

const access = async (codes: unknown, token: string, key = 'ACCESS'): Promise<boolean> => {
  const { status, body } = await p.call('user.access', { [key]: codes }, token)
  expect(status).toBe(200)
  return body.result
}

describe('user.access (check 9)', () => {
  it('AU and G2 are true for anyone; an empty list is false except for an admin', async () => {
    const emp = p.token('employee')
    expect(await access(['AU'], emp)).toBe(true)
    expect(await access(['G2'], emp)).toBe(true)
    expect(await access([], emp)).toBe(false)
    expect(await access([''], emp)).toBe(false)
    expect(await access([], p.token('admin'))).toBe(true)
    expect(await access(['CR'], emp)).toBe(false)
    expect(await access(['CR'], p.token('admin'))).toBe(true)
  })

  it('U, G, D, DR and IU codes of an employee; scalar ACCESS and a lower-case key work', async () => {
    const id = p.store.personaUserId('employee')
    const me = p.store.userById(id) as FixtureUser
    const emp = p.token('employee')
    const dept = me.UF_DEPARTMENT[0] as number
    const other = p.store.fixtures.departments.find((d) => d.ID !== dept && d.PARENT !== null && !p.store.accessCodes(id).has(`DR${d.ID}`))
    expect(await access([`U${id}`], emp)).toBe(true)
    expect(await access(`U${id}`, emp)).toBe(true)
    expect(await access([`U${id}`], emp, 'access')).toBe(true)
    expect(await access(['U1'], emp)).toBe(false)
    expect(await access(['G3'], emp)).toBe(true)
    expect(await access(['G1'], emp)).toBe(false)
    expect(await access([`D${dept}`], emp)).toBe(true)
    expect(await access([`D${other?.ID}`], emp)).toBe(false)
    expect(await access(['DR1'], emp)).toBe(true)
    expect(await access([`DR${dept}`], emp)).toBe(true)
    expect(await access([`DR${other?.ID}`, `IU${id}`], emp)).toBe(true)
    const codes = p.store.accessCodes(id)
    expect([...codes].filter((c) => c.startsWith('IU'))).toEqual([`IU${id}`])
  })

  it('DR<root> holds for members of any sub-department; a head holds IU of the subordinates', async () => {
    const head = p.store.personaUserId('head')
    const headed = p.store.fixtures.departments.find((d) => d.UF_HEAD === head)
    const sub = p.store.fixtures.users.find((u) => u.ACTIVE && u.ID !== head && u.UF_DEPARTMENT.includes(headed?.ID as number)) as FixtureUser
    const headToken = p.token('head')
    expect(await access([`IU${sub.ID}`], headToken)).toBe(true)
    expect(await access([`IU${head}`], p.token(sub.ID))).toBe(false)
    expect(await access([`D${headed?.ID}`], headToken)).toBe(true)
    const deep = p.store.fixtures.departments.find((d) => d.PARENT !== null && d.PARENT !== 1)
    const deepMember = p.store.fixtures.users.find((u) => u.ACTIVE && u.UF_DEPARTMENT.includes(deep?.ID as number)) as FixtureUser
    expect(await access(['DR1'], p.token(deepMember.ID))).toBe(true)
    expect(await access([`DR${deep?.PARENT}`], p.token(deepMember.ID))).toBe(true)
    expect(await access(['DR1'], p.token('extranet'))).toBe(false)
  })

  it('user.admin, access.name, profile', async () => {
    expect((await p.call('user.admin', {}, p.token('admin'))).body.result).toBe(true)
    expect((await p.call('user.admin', {}, p.token('employee'))).body.result).toBe(false)
    const names = (await p.call('access.name', { ACCESS: ['G2', 'U1', 'D1', 'DR1', 'XYZ'] }, p.token('employee'))).body.result
    expect(names.G2).toEqual({ provider: '', name: 'All visitors', provider_id: 'other' })
    expect(names.U1.provider_id).toBe('user')
    expect(names.D1.name).toBe('Northwind Group')
    expect(names).not.toHaveProperty('XYZ')
    expect((await p.call('access.name', {}, p.token('employee'))).body.result).toBe(false)
    const profile = (await p.call('profile', {}, p.token('employee'))).body.result
    expect(profile).toMatchObject({ ID: String(p.store.personaUserId('employee')), ADMIN: false })
    expect(typeof profile.TIME_ZONE_OFFSET).toBe('number')
  })
})

describe('app methods', () => {
  it('server.time, app.info, scope, methods, method.get', async () => {
    const admin = p.token('admin', ['user_brief', 'placement'])
    expect((await p.call('server.time', {}, admin)).body.result).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/)
    expect((await p.call('app.info', {}, admin)).body.result).toMatchObject({ VERSION: 1, INSTALLED: true, STATUS: 'L' })
    expect((await p.call('scope', {}, admin)).body.result).toEqual(['user_brief', 'placement'])
    const methods = (await p.call('methods', {}, admin)).body.result as string[]
    expect(methods).toEqual(expect.arrayContaining(['user.get', 'placement.bind', 'batch', 'server.time']))
    expect(methods).not.toContain('department.get')
    expect((await p.call('method.get', { name: 'department.get' }, admin)).body.result).toEqual({ isExisting: true, isAvailable: false })
  })

  it('app options: admins set them, everyone reads them; user options are per user', async () => {
    const admin = p.token('admin')
    const emp = p.token('employee')
    expect((await p.call('app.option.get', {}, emp)).body.result).toEqual([])
    expect((await p.call('app.option.set', { options: { theme: 'dark', limit: 5 } }, admin)).body.result).toBe(true)
    expect((await p.call('app.option.get', {}, emp)).body.result).toEqual({ theme: 'dark', limit: 5 })
    expect((await p.call('app.option.get', { option: 'theme' }, emp)).body.result).toBe('dark')
    expect((await p.call('app.option.get', { option: 'none' }, emp)).body.result).toBeNull()
    const denied = await p.call('app.option.set', { options: { theme: 'light' } }, emp)
    expect(denied.status).toBe(403)
    expect(denied.body.error).toBe('ACCESS_DENIED')
    expect((await p.call('app.option.set', { options: {} }, admin)).status).toBe(400)
    expect(p.store.appOptions()).toEqual({ theme: 'dark', limit: 5 })

    expect((await p.call('user.option.set', { options: { view: 'grid' } }, emp)).body.result).toBe(true)
    expect((await p.call('user.option.get', {}, emp)).body.result).toEqual({ view: 'grid' })
    expect((await p.call('user.option.get', {}, admin)).body.result).toEqual([])
    expect(p.store.userOptions(p.store.personaUserId('employee'))).toEqual({ view: 'grid' })
  })

  it('placement.bind/get/unbind: admins only, a domain handler (localhost allowed), a bound handler is refused', async () => {
    const admin = p.token('admin')
    const bind = (params: Record<string, unknown>, token = admin) => p.call('placement.bind', params, token)
    expect((await bind({ PLACEMENT: 'USER_PROFILE_TOOLBAR', HANDLER: 'https://app.example.com/profile', TITLE: 'Directory' })).body.result).toBe(true)
    // binding the same placement and handler again: a real portal answers 400 ERROR_CORE and keeps the one binding
    const again = await bind({ PLACEMENT: 'USER_PROFILE_TOOLBAR', HANDLER: 'https://app.example.com/profile', TITLE: 'Directory again' })
    expect(again.status).toBe(400)
    expect(again.body).toEqual({ error: 'ERROR_CORE', error_description: 'Unable to set placement handler: Handler already binded' })
    const bound = (await p.call('placement.get', {}, admin)).body.result
    expect(bound).toHaveLength(1)
    expect(bound[0]).toMatchObject({ placement: 'USER_PROFILE_TOOLBAR', handler: 'https://app.example.com/profile', title: 'Directory' })
    // the placement code is case-insensitive, so lower case is the same binding
    expect((await bind({ placement: 'user_profile_toolbar', handler: 'https://app.example.com/profile' })).body.error).toBe('ERROR_CORE')
    expect((await bind({ placement: 'left_menu', handler: 'http://localhost:5173/' })).body.result).toBe(true)
    expect((await bind({ PLACEMENT: 'LEFT_MENU', HANDLER: 'http://intranet/app' })).body.error).toBe('ERROR_WRONG_HANDLER_URL')
    expect((await bind({ PLACEMENT: 'LEFT_MENU', HANDLER: 'ftp://files.example.com/' })).body.error).toBe('ERROR_UNSUPPORTED_PROTOCOL')
    expect((await bind({ PLACEMENT: 'NO_SUCH_PLACE', HANDLER: 'https://app.example.com/' })).body.error).toBe('ERROR_PLACEMENT_NOT_FOUND')
    expect((await bind({ HANDLER: 'https://app.example.com/' })).body.error).toBe('ERROR_ARGUMENT')
    const denied = await bind({ PLACEMENT: 'LEFT_MENU', HANDLER: 'https://app.example.com/' }, p.token('employee'))
    expect(denied.status).toBe(403)
    expect((await bind({ PLACEMENT: 'LEFT_MENU', HANDLER: 'https://app.example.com/' }, p.token('admin', ['user']))).body.error).toBe('insufficient_scope')

    const list = (await p.call('placement.get', {}, admin)).body.result
    expect(list).toHaveLength(2)
    expect(list[0]).toMatchObject({ placement: 'USER_PROFILE_TOOLBAR', handler: 'https://app.example.com/profile', title: 'Directory', options: [] })
    expect((await p.call('placement.unbind', { PLACEMENT: 'USER_PROFILE_TOOLBAR' }, admin)).body.result).toEqual({ count: 1 })
    expect((await p.call('placement.get', {}, admin)).body.result.map((b: { placement: string }) => b.placement)).toEqual(['LEFT_MENU'])
    expect((await p.call('placement.list', {}, admin)).body.result).toEqual(expect.arrayContaining(['LEFT_MENU', 'USER_PROFILE_MENU']))
  })
})
