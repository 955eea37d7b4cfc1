/**
 * Searching on the portal instead of walking it: user.get `NAME_SEARCH` and user.search `FIND` (word prefixes
 * over names, position and department names, all words required, case-insensitive, combined with the other
 * filter keys, paged with start/total), and the cheap selective and counting queries a sync uses
 * (UF_DEPARTMENT, a list of IDs, IS_ONLINE with `start: 0` for a total).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FixtureUser } from '../types'
import { ids, startPortal, type TestPortal } from './helpers'

let p: TestPortal
let admin: string
const real = (): FixtureUser[] => p.store.fixtures.users.filter((u) => u.EXTERNAL_AUTH_ID === null).sort((a, b) => a.ID - b.ID)
/** planted people: Z1 and Z3 in one department, Z2 in another; Z3 dismissed */
let z1: FixtureUser, z2: FixtureUser, z3: FixtureUser
let dept1: { ID: number; NAME: string }

beforeAll(async () => {
  p = await startPortal({ people: 400 })
  admin = p.token('admin')
  const depts = p.store.fixtures.departments.filter((d) => d.PARENT !== null && /^\S+ \S+/.test(d.NAME))
  dept1 = depts[0] as { ID: number; NAME: string }
  const dept2 = depts.find((d) => d.NAME.split(' ')[1] !== dept1.NAME.split(' ')[1]) as { ID: number }
  ;[z1, z2, z3] = real().filter((u) => u.ACTIVE && !u.isAdmin && u.USER_TYPE === 'employee').slice(50, 53) as [FixtureUser, FixtureUser, FixtureUser]
  const plant = async (u: FixtureUser, fields: Record<string, unknown>): Promise<void> => {
    expect((await p.control('people/update', { id: u.ID, fields })).status).toBe(200)
  }
  await plant(z1, { NAME: 'Zebulon', SECOND_NAME: '', LAST_NAME: 'Quartermaine', WORK_POSITION: 'Senior Xylophone Engineer', UF_DEPARTMENT: [dept1.ID] })
  await plant(z2, { NAME: 'Zebedee', SECOND_NAME: '', LAST_NAME: "O'Quist-Hartley", WORK_POSITION: 'Xylophone Tuner', UF_DEPARTMENT: [dept2.ID] })
  await plant(z3, { NAME: 'Zeb', SECOND_NAME: 'Yevgenyevich', LAST_NAME: 'Quartz', WORK_POSITION: 'Archivist', UF_DEPARTMENT: [dept1.ID], ACTIVE: false })
})
afterAll(() => p.close())

/** an independent oracle: the words of a person's names, position and departments */
const wordsOf = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []
function oracle(query: string, also: (u: FixtureUser) => boolean = () => true): number[] {
  const q = wordsOf(query)
  return real().filter((u) => {
    const depts = u.UF_DEPARTMENT.map((d) => p.store.departmentById(d)?.NAME ?? '')
    const own = wordsOf([u.NAME, u.SECOND_NAME, u.LAST_NAME, u.WORK_POSITION, ...depts].join(' '))
    return also(u) && q.every((w) => String(u.ID) === w || own.some((x) => x.startsWith(w)))
  }).map((u) => u.ID)
}

/** every ID a user.get / user.search returns, through start paging */
async function all(method: string, params: Record<string, unknown>, token = admin): Promise<number[]> {
  const out: number[] = []
  for (let start = 0; ; start += 50) {
    const { status, body } = await p.call(method, { ADMIN_MODE: true, ...params, start }, token)
    expect(status).toBe(200)
    out.push(...ids(body.result))
    if (body.next === undefined) return out
  }
}
const search = (q: string, filter: Record<string, unknown> = {}) => all('user.get', { filter: { ...filter, NAME_SEARCH: q } })

describe('NAME_SEARCH (user.get)', () => {
  it('matches word prefixes in NAME, SECOND_NAME, LAST_NAME, WORK_POSITION and the department name', async () => {
    expect(await search('zeb')).toEqual(oracle('zeb'))
    expect(await search('zeb')).toEqual(expect.arrayContaining([z1.ID, z2.ID, z3.ID]))
    expect(await search('yevgen')).toContain(z3.ID) // SECOND_NAME
    expect(await search('quarterm')).toEqual([z1.ID]) // LAST_NAME
    expect(await search('xylo senior')).toEqual([z1.ID]) // two words of the position, in any order
    expect(await search('engineer xylo')).toEqual(oracle('engineer xylo'))
    // punctuation splits words: the parts of "O'Quist-Hartley"
    expect(await search('quist')).toEqual([z2.ID])
    expect(await search('hartley zebedee')).toEqual([z2.ID])
    // a later word of the department name
    const deptWord = dept1.NAME.split(' ')[1] as string
    expect(await search(`zeb ${deptWord.slice(0, 4)}`)).toEqual([z1.ID, z3.ID].sort((a, b) => a - b))
    expect(await search(deptWord)).toEqual(oracle(deptWord))
    // the ID
    expect(await search(String(z1.ID))).toContain(z1.ID)
  })

  it('needs every word (AND), case-insensitive; a piece inside a word does not match', async () => {
    expect(await search('ZEB QUART')).toEqual([z1.ID, z3.ID].sort((a, b) => a - b))
    expect(await search('zEbUlOn')).toEqual([z1.ID])
    expect(await search('zebulon tuner')).toEqual([])
    expect(await search('ulon')).not.toContain(z1.ID)
    expect(await search('zzzqqq')).toEqual([])
    // several spaces between words are one separator
    expect(await search('  zebulon   quartermaine ')).toEqual([z1.ID])
  })

  it('combines with ACTIVE, UF_DEPARTMENT and visibility', async () => {
    expect(await search('zeb', { ACTIVE: true })).toEqual(oracle('zeb', (u) => u.ACTIVE))
    expect(await search('zeb', { ACTIVE: true })).not.toContain(z3.ID)
    expect(await search('zeb', { UF_DEPARTMENT: dept1.ID })).toEqual([z1.ID, z3.ID].sort((a, b) => a - b))
    expect(await search('zeb', { UF_DEPARTMENT: dept1.ID, ACTIVE: true })).toEqual([z1.ID])
    // an employee sees only people with a department (and their workgroups), searched or not
    const employee = p.token('employee')
    const theirs = await all('user.get', { ADMIN_MODE: false, filter: { NAME_SEARCH: 'zeb' } }, employee)
    expect(theirs).toEqual(expect.arrayContaining([z1.ID, z2.ID]))
  })

  it('pages with start, next and total', async () => {
    // the most common two-letter word start: more than a page of matches
    const starts = new Map<string, number>()
    for (const u of real()) for (const w of new Set(wordsOf(`${u.NAME} ${u.LAST_NAME} ${u.WORK_POSITION}`).map((x) => x.slice(0, 2)))) starts.set(w, (starts.get(w) ?? 0) + 1)
    const q = [...starts].filter(([w]) => w.length === 2 && !/\d/.test(w)).sort((a, b) => b[1] - a[1])[0]?.[0] as string
    const expected = oracle(q)
    expect(expected.length).toBeGreaterThan(50)
    const first = await p.call('user.get', { ADMIN_MODE: true, filter: { NAME_SEARCH: q }, start: 0 }, admin)
    expect(first.body.result).toHaveLength(50)
    expect(first.body.next).toBe(50)
    expect(first.body.total).toBe(expected.length)
    const second = await p.call('user.get', { ADMIN_MODE: true, filter: { NAME_SEARCH: q }, start: 50 }, admin)
    expect(ids(second.body.result)).toEqual(expected.slice(50, 100))
    expect(second.body.total).toBe(expected.length)
    expect(await search(q)).toEqual(expected)
  })
})

describe('FIND (user.search)', () => {
  it('is the same search, combined with other keys; user.get ignores FIND', async () => {
    expect(await all('user.search', { FIND: 'zeb quart' })).toEqual([z1.ID, z3.ID].sort((a, b) => a - b))
    expect(await all('user.search', { filter: { FIND: 'xylo', ACTIVE: true } })).toEqual([z1.ID, z2.ID].sort((a, b) => a - b))
    expect(await all('user.search', { FIND: 'zeb', UF_DEPARTMENT: dept1.ID, ACTIVE: 'Y' })).toEqual([z1.ID])
    const total = (await p.call('user.get', { ADMIN_MODE: true }, admin)).body.total
    expect((await p.call('user.get', { ADMIN_MODE: true, FIND: 'zzzqqq' }, admin)).body.total).toBe(total)
    // without FIND, the name fields are per-field prefixes
    const byLast = await all('user.search', { LAST_NAME: 'quarterm' })
    expect(byLast).toEqual([z1.ID])
  })
})

describe('selective and counting queries', () => {
  it('UF_DEPARTMENT takes an id or a list; ID takes a list; start 0 gives the total', async () => {
    const some = p.store.fixtures.departments.slice(3, 6).map((d) => d.ID)
    const members = (list: number[]): number[] => real().filter((u) => u.UF_DEPARTMENT.some((d) => list.includes(d))).map((u) => u.ID)
    const one = await p.call('user.get', { ADMIN_MODE: true, filter: { UF_DEPARTMENT: some[0] }, start: 0 }, admin)
    expect(one.body.total).toBe(members([some[0] as number]).length)
    expect(await all('user.get', { filter: { UF_DEPARTMENT: some } })).toEqual(members(some))
    expect(await all('user.get', { filter: { UF_DEPARTMENT: some.map(String) } })).toEqual(members(some))

    const wanted = [z3.ID, z1.ID, real()[7]?.ID as number, 999_999]
    const byId = await p.call('user.get', { filter: { ID: wanted }, start: 0 }, admin)
    expect(ids(byId.body.result)).toEqual(wanted.slice(0, 3).sort((a, b) => a - b))
    expect(byId.body.total).toBe(3)
  })

  it('IS_ONLINE Y with start 0 is a counting query: total, and only online people', async () => {
    const online = real().filter((u) => u.IS_ONLINE)
    expect(online.length).toBeGreaterThan(0)
    const { body } = await p.call('user.get', { ADMIN_MODE: true, filter: { IS_ONLINE: 'Y' }, select: ['ID', 'IS_ONLINE'], start: 0 }, admin)
    expect(body.total).toBe(online.length)
    expect(ids(body.result)).toEqual(online.slice(0, 50).map((u) => u.ID))
    for (const u of body.result) expect(u).toEqual({ ID: expect.any(String), IS_ONLINE: 'Y' })
    const active = await p.call('user.get', { ADMIN_MODE: true, filter: { IS_ONLINE: 'Y', ACTIVE: true }, start: 0 }, admin)
    expect(active.body.total).toBe(online.filter((u) => u.ACTIVE).length)
    const offline = await p.call('user.get', { ADMIN_MODE: true, filter: { IS_ONLINE: 'N' }, start: 0 }, admin)
    expect(offline.body.total).toBe(real().length - online.length)
  })
})
