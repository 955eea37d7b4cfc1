/**
 * user.get / user.search / user.current (portal-protocol.md §3.2–3.4, checks 5–8). Date filters are in
 * sync-timestamps.test.ts, NAME_SEARCH / FIND and the counting queries in name-search.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FixtureUser } from '../types'
import { ids, startPortal, walkUsers, type Json, type TestPortal } from './helpers'

let p: TestPortal
let admin: string
let real: FixtureUser[]
beforeAll(async () => {
  p = await startPortal({ people: 120 })
  admin = p.token('admin')
  real = p.store.fixtures.users.filter((u) => u.EXTERNAL_AUTH_ID === null).sort((a, b) => a.ID - b.ID)
})
afterAll(() => p.close())

const get = (params: Record<string, unknown>, token = admin) => p.call('user.get', params, token)
const allIds = async (params: Record<string, unknown>, token = admin): Promise<number[]> => {
  const out: number[] = []
  for (let start = 0; ; start += 50) {
    const { body } = await get({ ...params, start }, token)
    out.push(...ids(body.result))
    if (body.next === undefined) return out
  }
}

describe('pagination (check 5)', () => {
  it('50 per page with next and total; a page past the end has no total; start=-1 counts nothing', async () => {
    const first = await get({ ADMIN_MODE: true, start: 0 })
    expect(first.body.result).toHaveLength(50)
    expect(first.body.next).toBe(50)
    expect(first.body.total).toBe(120)

    const last = await get({ ADMIN_MODE: true, start: 100 })
    expect(last.body.result).toHaveLength(20)
    expect(last.body).not.toHaveProperty('next')
    expect(last.body.total).toBe(120)

    const past = await get({ ADMIN_MODE: true, start: 200 })
    expect(past.body.result).toEqual([])
    expect(past.body).not.toHaveProperty('total')
    expect(past.body).not.toHaveProperty('next')
    expect(past.body).toHaveProperty('time')

    const uncounted = await get({ ADMIN_MODE: true, start: -1 })
    expect(uncounted.body.result).toHaveLength(50)
    expect(uncounted.body.total).toBe(0)
    expect(uncounted.body).not.toHaveProperty('next')

    // any offset works, not only multiples of 50
    const odd = await get({ ADMIN_MODE: true, start: 7 })
    expect(ids(odd.body.result)[0]).toBe(real[7]?.ID)
    expect(odd.body.next).toBe(57)
  })

  it('the SDK keyset walk (>ID, start -1) sees everyone once, in ID order, and matches /expected', async () => {
    for (const persona of ['admin', 'employee', 'head', 'extranet'] as const) {
      const token = p.token(persona)
      const walked = ids(await walkUsers(p, { ACTIVE: true }, token))
      expect(walked).toEqual([...walked].sort((a, b) => a - b))
      expect(new Set(walked).size).toBe(walked.length)
      const viewer = p.store.personaUserId(persona)
      const expected = await p.control(`expected?viewer=${viewer}`)
      expect(walked.length, persona).toBe(expected.body.count)
      expect(p.store.visibleActiveCount(viewer)).toBe(walked.length)
    }
  })

  it('a walk down the ID order (<ID, SORT ID, ORDER DESC, start -1) sees the same people, top first', async () => {
    const token = p.token('employee')
    const up = ids(await walkUsers(p, { ACTIVE: true }, token))
    const down: number[] = []
    let below: number | null = null
    for (;;) {
      const filter: Record<string, unknown> = below === null ? { ACTIVE: true } : { ACTIVE: true, '<ID': below }
      const { body } = await get({ filter, SORT: 'ID', ORDER: 'DESC', start: -1 }, token)
      const page = ids(body.result)
      down.push(...page)
      if (page.length < 50) break
      below = page[page.length - 1] as number
    }
    expect(down).toEqual([...up].reverse())
    // bounded from both ends, as two walks meeting in the middle ask
    const middle = await get({ filter: { ACTIVE: true, '>ID': up[10], '<ID': up[14] }, SORT: 'ID', ORDER: 'DESC', start: -1 }, token)
    expect(ids(middle.body.result)).toEqual([up[13], up[12], up[11]])
  })

  it('exact ID filters and >ID ranges', async () => {
    const { body } = await get({ filter: { ID: [real[3]?.ID, real[1]?.ID, 999999] } })
    expect(ids(body.result)).toEqual([real[1]?.ID, real[3]?.ID])
    expect(body.total).toBe(2)
    const range = await get({ ADMIN_MODE: true, filter: { '>=ID': real[10]?.ID, '<ID': real[13]?.ID } })
    expect(ids(range.body.result)).toEqual([real[10]?.ID, real[11]?.ID, real[12]?.ID])
  })
})

describe('filters', () => {
  it('FILTER replaces the top level: top-level ACTIVE is ignored (check 6)', async () => {
    const dismissed = real.filter((u) => !u.ACTIVE && u.UF_DEPARTMENT.length)
    expect(dismissed.length).toBeGreaterThan(0)
    const withTop = await allIds({ ACTIVE: true, filter: { '>ID': 0 } })
    for (const u of dismissed) expect(withTop).toContain(u.ID)
    // without FILTER the top-level keys do filter
    const top = await allIds({ ACTIVE: true })
    for (const u of dismissed) expect(top).not.toContain(u.ID)
    // and the default returns inactive people too
    expect(await allIds({})).toEqual(expect.arrayContaining(dismissed.map((u) => u.ID)))
  })

  it('the later of two keys that fold to the same upper-case key wins', async () => {
    const res = await get({ FILTER: { ID: 1 }, filter: { ID: 2 } })
    expect(ids(res.body.result)).toEqual([2])
  })

  it('ACTIVE normalisation: JSON false → N, the string "false" → Y', async () => {
    const inactive = await allIds({ ADMIN_MODE: true, filter: { ACTIVE: false } })
    expect(inactive.sort()).toEqual(real.filter((u) => !u.ACTIVE).map((u) => u.ID).sort())
    const quirk = await allIds({ ADMIN_MODE: true, filter: { ACTIVE: 'false' } })
    expect(quirk).toEqual(real.filter((u) => u.ACTIVE).map((u) => u.ID))
  })

  it('unprefixed strings are case-insensitive LIKE patterns; % is substring; !=% is dropped (check 7)', async () => {
    const target = real.find((u) => u.ACTIVE && /^[A-Za-zА-Яа-я]{3,}/.test(u.NAME) && u.UF_DEPARTMENT.length) as FixtureUser
    const prefix = target.NAME.slice(0, 2).toLowerCase()
    const found = (await get({ filter: { NAME: `${prefix}%` } })).body.result as Json[]
    expect(ids(found)).toContain(target.ID)
    for (const u of found) expect(u.NAME.toLowerCase().startsWith(prefix)).toBe(true)
    // without a wildcard it is a whole-value match, still case-insensitive
    expect(ids((await get({ filter: { NAME: target.NAME.toUpperCase() } })).body.result)).toContain(target.ID)
    expect(ids((await get({ filter: { NAME: target.NAME.slice(0, 2) } })).body.result)).not.toContain(target.ID)

    const last = real.find((u) => u.LAST_NAME.length >= 5 && u.UF_DEPARTMENT.length) as FixtureUser
    const middle = last.LAST_NAME.slice(1, 4).toLowerCase()
    const sub = (await get({ filter: { '%LAST_NAME': middle } })).body.result as Json[]
    expect(ids(sub)).toContain(last.ID)
    for (const u of sub) expect(u.LAST_NAME.toLowerCase()).toContain(middle)

    const all = (await get({})).body.total
    expect((await get({ filter: { '!=%NAME': 'A%' } })).body.total).toBe(all)
    expect((await get({ filter: { '!%=NAME': 'A%' } })).body.total).toBe(all)
    // '_' is a one-character wildcard
    const two = target.NAME.slice(0, 2)
    expect(ids((await get({ filter: { NAME: `_${two.slice(1)}%` } })).body.result)).toContain(target.ID)
  })

  it('operators: =, !, !=, <, >, @, !@, ><, =%', async () => {
    const dept = real.find((u) => u.UF_DEPARTMENT.length === 1 && u.ACTIVE)?.UF_DEPARTMENT[0] as number
    const members = real.filter((u) => u.UF_DEPARTMENT.includes(dept)).map((u) => u.ID)
    expect(await allIds({ filter: { UF_DEPARTMENT: dept } })).toEqual(members)
    expect(await allIds({ filter: { UF_DEPARTMENT: [dept] } })).toEqual(members)
    expect(await allIds({ filter: { '@UF_DEPARTMENT': [dept] } })).toEqual(members)
    const notInDept = await allIds({ filter: { '!UF_DEPARTMENT': dept } })
    for (const id of members) expect(notInDept).not.toContain(id)

    const some = [real[2]?.ID, real[5]?.ID] as number[]
    expect(await allIds({ filter: { '@ID': some } })).toEqual(some)
    expect(await allIds({ ADMIN_MODE: true, filter: { '!@ID': some } })).toHaveLength(120 - 2)
    expect(await allIds({ ADMIN_MODE: true, filter: { '><ID': [real[0]?.ID, real[2]?.ID] } })).toEqual(real.slice(0, 3).map((u) => u.ID))
    expect(await allIds({ ADMIN_MODE: true, filter: { '!=ID': real[0]?.ID, '<ID': real[3]?.ID } })).toEqual(real.slice(1, 3).map((u) => u.ID))

    const extranet = real.filter((u) => u.USER_TYPE === 'extranet').map((u) => u.ID)
    expect(await allIds({ ADMIN_MODE: true, filter: { USER_TYPE: 'extranet' } })).toEqual(extranet)
    // USER_TYPE gets an implicit "=": no LIKE wildcards
    expect(await allIds({ ADMIN_MODE: true, filter: { USER_TYPE: 'extra%' } })).toEqual([])
    expect(await allIds({ ADMIN_MODE: true, filter: { '=%EMAIL': '%@northwind.example' } })).toEqual(
      real.filter((u) => u.EMAIL.endsWith('@northwind.example')).map((u) => u.ID),
    )
  })

  it('HAS_DEPARTAMENT needs the string Y; IS_ONLINE Y/N', async () => {
    const withDept = real.filter((u) => u.UF_DEPARTMENT.length).map((u) => u.ID)
    expect(await allIds({ ADMIN_MODE: true, filter: { HAS_DEPARTAMENT: 'Y' } })).toEqual(withDept)
    expect((await allIds({ ADMIN_MODE: true, filter: { HAS_DEPARTAMENT: true } })).length).toBe(120)
    expect(await allIds({ ADMIN_MODE: true, filter: { IS_ONLINE: 'Y' } })).toEqual(real.filter((u) => u.IS_ONLINE).map((u) => u.ID))
  })

  it('fields outside the scope are not filterable (dropped silently)', async () => {
    const brief = p.token('admin', ['user_brief'])
    const all = (await get({}, brief)).body.total
    expect((await get({ filter: { EMAIL: 'nobody@nowhere' } }, brief)).body.total).toBe(all)
    expect((await get({ filter: { EMAIL: 'nobody@nowhere' } })).body.result).toEqual([])
  })
})

describe('visibility', () => {
  it('an intranet user sees people with a department plus their workgroups; ADMIN_MODE widens it for admins only', async () => {
    const employee = p.store.personaUserId('employee')
    const me = p.store.userById(employee) as FixtureUser
    const shared = new Set(real.filter((u) => u.socialGroups.some((g) => me.socialGroups.includes(g))).map((u) => u.ID))
    const expected = real.filter((u) => u.UF_DEPARTMENT.length > 0 || shared.has(u.ID)).map((u) => u.ID)
    const token = p.token('employee')
    expect(await allIds({}, token)).toEqual(expected)
    expect(await allIds({ ADMIN_MODE: true }, token)).toEqual(expected)
    expect(await allIds({ ADMIN_MODE: true })).toEqual(real.map((u) => u.ID))
    expect(await allIds({ ADMIN_MODE: 'N' })).toHaveLength(120) // PHP truthiness
    const noDept = real.find((u) => u.USER_TYPE === 'employee' && !u.UF_DEPARTMENT.length && !shared.has(u.ID)) as FixtureUser
    expect(await allIds({}, token)).not.toContain(noDept.ID)
    // an admin filtering by an exact ID is not restricted (the code checks isset($filter['ID']))
    const hidden = real.find((u) => !u.UF_DEPARTMENT.length && !u.socialGroups.includes(1)) as FixtureUser
    expect(ids((await get({ filter: { ID: hidden.ID } })).body.result)).toEqual([hidden.ID])
    expect((await get({ filter: { ID: hidden.ID } }, token)).body.result).toEqual(shared.has(hidden.ID) ? expect.anything() : [])
  })

  it('an extranet user sees only their workgroups and themselves', async () => {
    const id = p.store.personaUserId('extranet')
    const me = p.store.userById(id) as FixtureUser
    const expected = real.filter((u) => u.ID === id || u.socialGroups.some((g) => me.socialGroups.includes(g))).map((u) => u.ID)
    expect(await allIds({}, p.token('extranet'))).toEqual(expected)
    expect(expected.length).toBeLessThan(real.length / 2)
  })

  it('bots and e-mail users are never returned', async () => {
    const system = p.store.fixtures.users.filter((u) => u.EXTERNAL_AUTH_ID !== null).map((u) => u.ID)
    expect(system).toHaveLength(6)
    const everyone = await allIds({ ADMIN_MODE: true })
    for (const id of system) expect(everyone).not.toContain(id)
    expect((await get({ ADMIN_MODE: true, filter: { ID: system } })).body.result).toEqual([])
    expect((await get({ ADMIN_MODE: true, filter: { EXTERNAL_AUTH_ID: 'bot' } })).body.result).toEqual([])
  })
})

describe('order and select', () => {
  it('SORT+ORDER sorts; either alone keeps ID ASC; SORT with an object ORDER is an argument error', async () => {
    const { body } = await get({ SORT: 'last_name', ORDER: 'desc', ADMIN_MODE: true })
    const names = (body.result as Json[]).map((u) => u.LAST_NAME.toLowerCase())
    expect(names).toEqual([...names].sort().reverse())
    const plain = ids((await get({ ADMIN_MODE: true })).body.result)
    expect(ids((await get({ SORT: 'LAST_NAME', ADMIN_MODE: true })).body.result)).toEqual(plain)
    expect(ids((await get({ ORDER: 'DESC', ADMIN_MODE: true })).body.result)).toEqual(plain)
    expect(ids((await get({ order: { ID: 'DESC' }, ADMIN_MODE: true })).body.result)).toEqual(plain)
    const desc = ids((await get({ sort: 'ID', order: 'DESC', ADMIN_MODE: true })).body.result)
    expect(desc[0]).toBe(real[real.length - 1]?.ID)
    const bad = await get({ SORT: 'ID', order: { ID: 'ASC' } })
    expect(bad.status).toBe(400)
    expect(bad.body.error).toBe('ERROR_ARGUMENT')
    expect((await get({ SORT: 'NO_SUCH_FIELD', ORDER: 'ASC' })).status).toBe(400)
  })

  it('outputs the scope field list in order; user_brief has no contacts (check 8)', async () => {
    const brief = (await get({}, p.token('admin', ['user_brief']))).body.result as Json[]
    for (const u of brief) {
      expect(u).not.toHaveProperty('EMAIL')
      expect(u).not.toHaveProperty('PERSONAL_PHONE')
      expect(u).not.toHaveProperty('PERSONAL_MOBILE')
      expect(u).not.toHaveProperty('LAST_LOGIN')
    }
    const basic = (await get({}, p.token('admin', ['user_basic']))).body.result as Json[]
    expect(basic.some((u) => 'EMAIL' in u)).toBe(true)
    expect(basic.every((u) => !('LAST_LOGIN' in u))).toBe(true)
    const full = (await get({})).body.result as Json[]
    expect(Object.keys(full[0]).slice(0, 4)).toEqual(['ID', 'XML_ID', 'ACTIVE', 'NAME'])
    expect(Object.keys(full[0]).at(-1)).toBe('USER_TYPE')
    // user wins over user_brief when both are granted
    expect((await get({}, p.token('admin', ['user_brief', 'user']))).body.result[0]).toHaveProperty('LAST_LOGIN')
  })

  it('select: intersection with the scope list; nothing left encodes as [] per user', async () => {
    const briefEmail = await get({ select: ['EMAIL'] }, p.token('admin', ['user_brief']))
    expect(briefEmail.body.result.length).toBeGreaterThan(0)
    for (const u of briefEmail.body.result) expect(u).toEqual([])
    const basic = await get({ select: ['EMAIL', 'LAST_LOGIN', 'ID', 'NOPE'] }, p.token('admin', ['user_basic']))
    expect(Object.keys(basic.body.result[0])).toEqual(['ID', 'EMAIL'])
    expect(Object.keys((await get({ select: ['*'] })).body.result[0]).length).toBeGreaterThan(20)
    const uf = Object.keys((await get({ select: ['ID', 'UF_*'] })).body.result[0])
    expect(uf[0]).toBe('ID')
    expect(uf.slice(1).every((k) => k.startsWith('UF_'))).toBe(true)
  })

  it('encodes values as the portal does', async () => {
    const users = (await get({ ADMIN_MODE: true })).body.result as Json[]
    for (const u of users) {
      expect(u.ID).toMatch(/^\d+$/)
      expect(typeof u.ACTIVE).toBe('boolean')
      expect(['Y', 'N']).toContain(u.IS_ONLINE)
      expect(Array.isArray(u.UF_DEPARTMENT) && u.UF_DEPARTMENT.every((d: unknown) => Number.isInteger(d))).toBe(true)
      expect(u.DATE_REGISTER).toMatch(/^\d{4}-\d\d-\d\dT00:00:00\+03:00$/)
      expect(u.PERSONAL_BIRTHDAY).toMatch(/^(\d{4}-\d\d-\d\dT00:00:00\+03:00)?$/)
      expect(u.LAST_LOGIN).toMatch(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00)?$/)
      expect(u.TIMESTAMP_X).toEqual({})
      if ('LAST_ACTIVITY_DATE' in u) expect(u.LAST_ACTIVITY_DATE).toEqual({})
      if ('PERSONAL_PHOTO' in u) expect(u.PERSONAL_PHOTO).toBe(`${p.url}/_portal/avatar/${u.ID}.png`)
      for (const v of Object.values(u)) expect(v).not.toBeNull()
    }
    const never = real.find((u) => u.LAST_LOGIN === null) as FixtureUser
    const neverOut = users.find((u) => Number(u.ID) === never.ID)
    expect(neverOut.LAST_LOGIN).toBe('')
    expect(neverOut).not.toHaveProperty('LAST_ACTIVITY_DATE')
    const untouched = real.find((u) => u.dbNulls?.length) as FixtureUser
    const out = users.find((u) => Number(u.ID) === untouched.ID)
    for (const f of untouched.dbNulls ?? []) expect(out).not.toHaveProperty(f)
    const noPhoto = real.find((u) => !u.PERSONAL_PHOTO) as FixtureUser
    expect(users.find((u) => Number(u.ID) === noPhoto.ID)).not.toHaveProperty('PERSONAL_PHOTO')
    const small = (await get({ IMAGE_RESIZE: 'small', filter: { ID: real.find((u) => u.PERSONAL_PHOTO)?.ID } })).body.result[0]
    expect(small.PERSONAL_PHOTO).toMatch(/\?resize=150x150$/)
  })

  it('user.current: the token owner as one object, with site-format datetimes', async () => {
    const id = p.store.personaUserId('employee')
    const { body } = await p.call('user.current', {}, p.token('employee'))
    expect(body.result.ID).toBe(String(id))
    expect(Array.isArray(body.result)).toBe(false)
    expect(body.result.TIMESTAMP_X).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$/)
    expect(body.result.LAST_ACTIVITY_DATE).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/)
    expect(body.result).not.toHaveProperty('total')
    expect((await p.call('user.current', {}, p.token('employee', ['user_brief']))).body.result).not.toHaveProperty('EMAIL')
  })

  it('user.fields lists the scope fields with labels', async () => {
    const { body } = await p.call('user.fields', {}, p.token('admin', ['user_brief']))
    expect(Object.keys(body.result)[0]).toBe('ID')
    expect(body.result.USER_TYPE).toBe('USER_TYPE')
    expect(body.result.NAME).toBe('First name')
    expect(body.result).not.toHaveProperty('EMAIL')
  })
})
