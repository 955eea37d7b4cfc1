/**
 * What an app needs to sync a directory cheaply: TIMESTAMP_X on every person (output as `{}` by user.get, as
 * the docs show), ISO 8601 filters on TIMESTAMP_X / DATE_REGISTER / LAST_LOGIN, every change made through the
 * control API moving TIMESTAMP_X to now, and `time.date_start` as the watermark for the next `>=TIMESTAMP_X`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isoServer } from '../rest/dates'
import type { FixtureUser } from '../types'
import { ids, startPortal, type TestPortal } from './helpers'

let p: TestPortal
let admin: string
const real = (): FixtureUser[] => p.store.fixtures.users.filter((u) => u.EXTERNAL_AUTH_ID === null).sort((a, b) => a.ID - b.ID)
beforeAll(async () => {
  p = await startPortal({ people: 120 })
  admin = p.token('admin')
})
afterAll(() => p.close())

/** every ID a filter returns to the admin in ADMIN_MODE, through start paging; also asserts HTTP 200 */
async function matching(filter: Record<string, unknown>): Promise<number[]> {
  const out: number[] = []
  for (let start = 0; ; start += 50) {
    const { status, body } = await p.call('user.get', { ADMIN_MODE: true, filter, start }, admin)
    expect(status, JSON.stringify(body)).toBe(200)
    out.push(...ids(body.result))
    if (body.next === undefined) return out
  }
}
const update = (id: number, fields: Record<string, unknown>) => p.control('people/update', { id, fields })
const second = (ms: number): number => Math.floor(ms / 1000) * 1000

describe('TIMESTAMP_X in the fixtures and in user.get', () => {
  it('every person has one, between registration and now; user.get sends {}, user.current a site-format string', async () => {
    for (const u of p.store.fixtures.users) {
      const at = Date.parse(u.TIMESTAMP_X)
      expect(Number.isNaN(at), `user ${u.ID}`).toBe(false)
      expect(at).toBeGreaterThanOrEqual(Date.parse(u.DATE_REGISTER))
      expect(at).toBeLessThanOrEqual(Date.now())
    }
    const { body } = await p.call('user.get', { ADMIN_MODE: true }, admin)
    for (const u of body.result) expect(u.TIMESTAMP_X).toEqual({})
    expect((await p.call('user.current', {}, admin)).body.result.TIMESTAMP_X).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d:\d\d$/)
  })
})

describe('datetime filters (ISO 8601, strtotime forms)', () => {
  // three people with planted timestamps on one morning, after every fixture date
  const planted = ['2030-01-01T08:00:00Z', '2030-01-01T10:00:00Z', '2030-01-01T12:00:00Z']
  let a: number, b: number, c: number
  beforeAll(async () => {
    ;[a, b, c] = real().slice(10, 13).map((u) => u.ID) as [number, number, number]
    for (const [i, id] of [a, b, c].entries()) expect((await update(id, { TIMESTAMP_X: planted[i] })).status).toBe(200)
  })

  it('>, >=, <, <= with an offset', async () => {
    expect(await matching({ '>TIMESTAMP_X': '2030-01-01T08:00:00+00:00' })).toEqual([b, c])
    expect(await matching({ '>=TIMESTAMP_X': '2030-01-01T08:00:00+00:00' })).toEqual([a, b, c])
    expect(await matching({ '>=TIMESTAMP_X': '2029-12-31T00:00:00+00:00', '<TIMESTAMP_X': '2030-01-01T10:00:00+00:00' })).toEqual([a])
    expect(await matching({ '>=TIMESTAMP_X': '2029-12-31T00:00:00+00:00', '<=TIMESTAMP_X': '2030-01-01T10:00:00+00:00' })).toEqual([a, b])
    // another offset names the same instant
    expect(await matching({ '>TIMESTAMP_X': '2030-01-01T13:00:00+03:00' })).toEqual([c])
  })

  it('without an offset, and as "Y-m-d H:i:s": the portal server\'s time zone (+03:00)', async () => {
    // 11:00 server time = 08:00 UTC
    expect(await matching({ '>TIMESTAMP_X': '2030-01-01T11:00:00' })).toEqual([b, c])
    expect(await matching({ '>TIMESTAMP_X': '2030-01-01 11:00:00' })).toEqual([b, c])
    expect(await matching({ '>=TIMESTAMP_X': '2030-01-01 11:00:00' })).toEqual([a, b, c])
    expect(await matching({ '>=TIMESTAMP_X': '2029-12-31', '<=TIMESTAMP_X': '2030-01-01 13:00:00' })).toEqual([a, b])
  })

  it('an unparseable value matches nothing, with no error', async () => {
    for (const value of ['not a date', '2030-13-45T99:00:00', '', 'yesterday-ish']) {
      expect(await matching({ '>TIMESTAMP_X': value }), value).toEqual([])
      expect(await matching({ '<=TIMESTAMP_X': value }), value).toEqual([])
    }
    expect(await matching({ '>DATE_REGISTER': 'soon' })).toEqual([])
    expect(await matching({ '<LAST_LOGIN': '31/12/2030' })).toEqual([])
  })

  it('DATE_REGISTER and LAST_LOGIN filter the same way; never signed in is NULL and matches no comparison', async () => {
    const people = real()
    const pivot = people.map((u) => u.DATE_REGISTER).sort()[60] as string
    const pivotMs = Date.parse(pivot)
    const expectIds = (test: (u: FixtureUser) => boolean): number[] => people.filter(test).map((u) => u.ID)
    expect(await matching({ '>DATE_REGISTER': isoServer(pivotMs) })).toEqual(expectIds((u) => Date.parse(u.DATE_REGISTER) > pivotMs))
    expect(await matching({ '>=DATE_REGISTER': isoServer(pivotMs).slice(0, 19) })).toEqual(expectIds((u) => Date.parse(u.DATE_REGISTER) >= pivotMs))
    expect(await matching({ '<DATE_REGISTER': isoServer(pivotMs).slice(0, 19).replace('T', ' ') })).toEqual(expectIds((u) => Date.parse(u.DATE_REGISTER) < pivotMs))

    const logins = people.filter((u) => u.LAST_LOGIN !== null).map((u) => Date.parse(u.LAST_LOGIN as string)).sort((x, y) => x - y)
    const mid = logins[Math.floor(logins.length / 2)] as number
    expect(await matching({ '>=LAST_LOGIN': new Date(mid).toISOString() })).toEqual(expectIds((u) => u.LAST_LOGIN !== null && Date.parse(u.LAST_LOGIN) >= mid))
    expect(await matching({ '<LAST_LOGIN': new Date(mid).toISOString() })).toEqual(expectIds((u) => u.LAST_LOGIN !== null && Date.parse(u.LAST_LOGIN) < mid))
    const never = people.filter((u) => u.LAST_LOGIN === null).map((u) => u.ID)
    expect(never.length).toBeGreaterThan(0)
    const anyLogin = await matching({ '<LAST_LOGIN': '2100-01-01T00:00:00+00:00' })
    for (const id of never) expect(anyLogin).not.toContain(id)
    // a date field takes the day
    const born = people.find((u) => u.PERSONAL_BIRTHDAY) as FixtureUser
    expect(await matching({ PERSONAL_BIRTHDAY: born.PERSONAL_BIRTHDAY })).toContain(born.ID)
  })
})

describe('changes through the control API move TIMESTAMP_X to now', () => {
  it('an edit of a field (position, name, departments) stamps now; the answer names the changed fields', async () => {
    const u = real()[20] as FixtureUser
    const before = second(Date.now())
    const res = await update(u.ID, { WORK_POSITION: 'Chief Sync Officer', UF_DEPARTMENT: [1] })
    expect(res.status).toBe(200)
    expect(res.body).toEqual({ id: u.ID, changed: ['WORK_POSITION', 'UF_DEPARTMENT'], TIMESTAMP_X: p.store.userById(u.ID)?.TIMESTAMP_X })
    const stamped = Date.parse(res.body.TIMESTAMP_X)
    expect(stamped).toBeGreaterThanOrEqual(before)
    expect(stamped).toBeLessThanOrEqual(Date.now())
    // user.get shows the new values at once (no stale cached page)
    const { body } = await p.call('user.get', { filter: { ID: u.ID } }, admin)
    expect(body.result[0]).toMatchObject({ WORK_POSITION: 'Chief Sync Officer', UF_DEPARTMENT: [1] })
  })

  it('sign-in and activity keep it (the core writes them with TIMESTAMP_X = TIMESTAMP_X)', async () => {
    const u = real()[21] as FixtureUser
    const was = u.TIMESTAMP_X
    const res = await update(u.ID, { LAST_LOGIN: new Date().toISOString(), LAST_ACTIVITY_DATE: new Date().toISOString(), IS_ONLINE: true })
    expect(res.status).toBe(200)
    expect(res.body.TIMESTAMP_X).toBe(was)
    expect(p.store.userById(u.ID)?.IS_ONLINE).toBe(true)
  })

  it('a dismissal (people.dismiss or ACTIVE false) and a join stamp now', async () => {
    const [x, y] = real().filter((u) => u.ACTIVE && !u.isAdmin).slice(30, 32) as [FixtureUser, FixtureUser]
    const before = second(Date.now())
    const change = await p.control('people', { dismiss: [x.ID], add: 2 })
    expect((await update(y.ID, { ACTIVE: false })).status).toBe(200)
    for (const id of [x.ID, y.ID, ...change.body.added]) {
      const u = p.store.userById(id) as FixtureUser
      expect(Date.parse(u.TIMESTAMP_X), `user ${id}`).toBeGreaterThanOrEqual(before)
    }
    expect(p.store.userById(x.ID)).toMatchObject({ ACTIVE: false, IS_ONLINE: false })
    expect(p.store.userById(y.ID)).toMatchObject({ ACTIVE: false, IS_ONLINE: false })
  })

  it('bad edits are refused: 400 for a field or a value, 404 for nobody', async () => {
    const id = real()[22]?.ID as number
    const bad = async (fields: unknown): Promise<number> => (await p.control('people/update', { id, fields })).status
    expect(await bad({ NOPE: 1 })).toBe(400)
    expect(await bad({ ID: 5 })).toBe(400)
    expect(await bad({ ACTIVE: 'N' })).toBe(400)
    expect(await bad({ UF_DEPARTMENT: [999_999] })).toBe(400)
    expect(await bad({ TIMESTAMP_X: 'not a date' })).toBe(400)
    expect(await bad({})).toBe(400)
    expect((await p.control('people/update', { id: 999_999, fields: { NAME: 'X' } })).status).toBe(404)
    expect((await p.control('people/update', { fields: { NAME: 'X' } })).status).toBe(400)
  })
})

describe('the sync watermark', () => {
  it('>=TIMESTAMP_X of an earlier answer\'s date_start finds exactly what changed since, dismissals included', async () => {
    const first = await p.call('user.get', { ADMIN_MODE: true, start: 0 }, admin)
    const mark = first.body.time.date_start as string
    expect(mark).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+03:00$/)
    expect(Math.abs(Date.parse(mark) - Date.now())).toBeLessThan(5000)
    // nothing changed yet but the planted future timestamps of the filter tests
    const future = real().filter((u) => Date.parse(u.TIMESTAMP_X) >= Date.parse(mark)).map((u) => u.ID)
    expect(await matching({ '>=TIMESTAMP_X': mark })).toEqual(future)

    const [edited, dismissed] = real().filter((u) => u.ACTIVE && !u.isAdmin && !future.includes(u.ID)).slice(40, 42) as [FixtureUser, FixtureUser]
    await update(edited.ID, { LAST_NAME: 'Renamed' })
    const joined = (await p.control('people', { add: 1, dismiss: [dismissed.ID] })).body.added as number[]
    const delta = await matching({ '>=TIMESTAMP_X': mark })
    expect(delta).toEqual([...new Set([...future, edited.ID, dismissed.ID, ...joined])].sort((x, y) => x - y))
    const { body } = await p.call('user.get', { ADMIN_MODE: true, filter: { '>=TIMESTAMP_X': mark, ID: dismissed.ID } }, admin)
    expect(body.result[0].ACTIVE).toBe(false)
  })
})
