/** department.get quirks (§3.7) and batch (§4, check 10). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Directory } from '../state/directory'
import { ids, startPortal, type Json, type TestPortal } from './helpers'

let p: TestPortal
let admin: string
beforeAll(async () => {
  // 1300 people → 108 departments: more than two pages
  p = await startPortal({ people: 1300 })
  admin = p.token('admin')
})
afterAll(() => p.close())

const deps = (params: Record<string, unknown>) => p.call('department.get', params, admin)

describe('department.get', () => {
  it('returns the tree in order, 50 per page by page number, total always', async () => {
    const tree = new Directory(p.store.fixtures).tree.map((d) => String(d.ID))
    const all: Json[] = []
    for (let start = 0; ; ) {
      const { body } = await deps({ start })
      expect(body.total).toBe(tree.length)
      all.push(...body.result)
      if (body.next === undefined) break
      expect(body.next % 50).toBe(0)
      start = body.next
    }
    expect(all.map((d) => d.ID)).toEqual(tree)
    expect(all[0]).toEqual({ ID: '1', NAME: 'Northwind Group', SORT: expect.any(Number), UF_HEAD: '1' })
    expect(all[0]).not.toHaveProperty('PARENT')
    expect(all.some((d) => !('UF_HEAD' in d))).toBe(true)
    expect(all.every((d) => typeof d.SORT === 'number' && typeof d.ID === 'string')).toBe(true)
    // start is rounded down to its page
    expect((await deps({ start: 73 })).body.result).toEqual((await deps({ start: 50 })).body.result)
    // nothing found: total 0
    expect((await deps({ ID: 999999 })).body).toMatchObject({ result: [], total: 0 })
  })

  it('upper-case exact keys only; operators and lower-case filter are ignored', async () => {
    const first = (await deps({})).body.result
    expect((await deps({ '>ID': 50 })).body.result).toEqual(first)
    expect((await deps({ filter: { ID: 2 } })).body.result).toEqual(first)
    expect((await deps({ id: 2 })).body.result).toEqual(first)
    expect((await deps({ ID: 2 })).body.result.map((d: Json) => d.ID)).toEqual(['2'])
    expect((await deps({ FILTER: { ID: [3, 2] } })).body.result.map((d: Json) => d.ID).sort()).toEqual(['2', '3'])
    const children = (await deps({ PARENT: 1 })).body.result as Json[]
    expect(children.length).toBeGreaterThan(3)
    expect(children.every((d) => d.PARENT === '1')).toBe(true)
    const head = children[0].UF_HEAD
    expect((await deps({ UF_HEAD: Number(head) })).body.result.map((d: Json) => d.UF_HEAD)).toContain(head)
    expect((await deps({ NAME: 'northwind group' })).body.result.map((d: Json) => d.ID)).toEqual(['1'])
  })

  it('FILTER replaces the top level, SORT/ORDER included; upper-case SORT also filters SORT=0', async () => {
    const byName = (await deps({ sort: 'name', order: 'desc' })).body.result as Json[]
    const names = byName.map((d) => d.NAME.toLowerCase())
    expect(names).toEqual([...names].sort().reverse())
    expect((await deps({ SORT: 'NAME', ORDER: 'DESC' })).body).toMatchObject({ result: [], total: 0 })
    const top = (await deps({ PARENT: 1, sort: 'NAME', order: 'DESC' })).body.result as Json[]
    expect(top.map((d) => d.NAME)).toEqual([...top.map((d) => d.NAME)].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? 1 : -1)))
    // with FILTER, the top-level sort is ignored: tree order
    const inFilter = (await deps({ FILTER: { PARENT: 1 }, sort: 'NAME', order: 'DESC' })).body.result as Json[]
    const tree = (await deps({ PARENT: 1 })).body.result as Json[]
    expect(inFilter.map((d) => d.ID)).toEqual(tree.map((d) => d.ID))
  })

  it('department.fields', async () => {
    expect(Object.keys((await p.call('department.fields', {}, admin)).body.result)).toEqual(['ID', 'NAME', 'SORT', 'PARENT', 'UF_HEAD'])
  })
})

describe('batch', () => {
  it('references between commands (check 10)', async () => {
    const { status, body } = await p.call('batch', {
      halt: 0,
      cmd: { me: 'user.current', dep: 'department.get?ID=$result[me][UF_DEPARTMENT][0]', access: 'user.access?ACCESS%5B0%5D=AU' },
    }, admin)
    expect(status).toBe(200)
    expect(body.result.result.me.ID).toBe('1')
    expect(body.result.result.dep.map((d: Json) => d.ID)).toEqual(['1'])
    expect(body.result.result.access).toBe(true)
    expect(body.result.result_error).toEqual([])
    expect(body.result.result_total).toEqual({ dep: 1 })
    expect(body.result.result_next).toEqual([])
    expect(Object.keys(body.result.result_time)).toEqual(['me', 'dep', 'access'])
    expect(body.result.result_time.me).toHaveProperty('operating')
    expect(body).toHaveProperty('time')
  })

  it('51 commands: the 51st fails with ERROR_BATCH_LENGTH_EXCEEDED, the rest run', async () => {
    const cmd = Array.from({ length: 51 }, () => 'server.time')
    const { body } = await p.call('batch', { halt: 0, cmd }, admin)
    expect(body.result.result).toHaveLength(50)
    expect(body.result.result_error).toEqual({ 50: { error: 'ERROR_BATCH_LENGTH_EXCEEDED', error_description: 'Max batch length exceeded' } })
  })

  it('halt stops after the first error; list buckets with gaps become objects', async () => {
    const cmd = ['server.time', 'no.such', 'server.time']
    const halted = (await p.call('batch', { halt: 1, cmd }, admin)).body.result
    expect(halted.result).toHaveLength(1)
    expect(halted.result_error).toEqual({ 1: { error: 'ERROR_METHOD_NOT_FOUND', error_description: 'Method not found!' } })
    const all = (await p.call('batch', { halt: 0, cmd }, admin)).body.result
    expect(all.result).toEqual({ 0: expect.any(String), 2: expect.any(String) })
    // the SDK's default halt:1 and the docs' "true"
    expect((await p.call('batch', { halt: 'true', cmd }, admin)).body.result.result).toHaveLength(1)
    expect((await p.call('batch', { halt: '0', cmd }, admin)).body.result.result).toEqual({ 0: expect.any(String), 2: expect.any(String) })
  })

  it('checks scope per command (empty description) and refuses nested batch', async () => {
    const brief = p.token('admin', ['user_brief'])
    const { status, body } = await p.call('batch', { halt: 0, cmd: { u: 'user.current', d: 'department.get', b: 'batch?cmd[0]=server.time' } }, brief)
    expect(status).toBe(200)
    expect(body.result.result.u.ID).toBe('1')
    expect(body.result.result_error.d).toEqual({ error: 'insufficient_scope', error_description: '' })
    expect(body.result.result_error.b.error).toBe('ERROR_BATCH_METHOD_NOT_ALLOWED')
  })

  it('an empty batch has empty buckets', async () => {
    const { body } = await p.call('batch', {}, admin)
    expect(body.result).toEqual({ result: [], result_error: [], result_total: [], result_next: [], result_time: [] })
  })

  it('chains user.get pages with $result[prev][49][ID]', async () => {
    const cmd: Record<string, string> = { p0: 'user.get?ADMIN_MODE=1&filter[>ID]=0&order[ID]=ASC&start=-1' }
    for (let i = 1; i < 5; i++) cmd[`p${i}`] = `user.get?ADMIN_MODE=1&filter[>ID]=$result[p${i - 1}][49][ID]&order[ID]=ASC&start=-1`
    const { body } = await p.call('batch', { halt: 1, cmd }, admin)
    const pages = [0, 1, 2, 3, 4].map((i) => ids(body.result.result[`p${i}`]))
    const flat = pages.flat()
    expect(flat).toHaveLength(250)
    expect(new Set(flat).size).toBe(250)
    expect(flat).toEqual([...flat].sort((a, b) => a - b))
    expect(body.result.result_total).toEqual({ p0: 0, p1: 0, p2: 0, p3: 0, p4: 0 })
    expect((await p.call('batch', { cmd: { a: 'user.get?start=0', n: 'user.get?start=$next[a]' } }, admin)).body.result.result_next).toEqual({ a: 50, n: 100 })
  })

  it('a reference into a shorter page resolves partially (to the whole page) and the walk restarts', async () => {
    // the 2nd page is full, the 1st has 20 rows: [49] is missing, so $result[short][49][ID] is the list itself;
    // ID normalisation turns each row into 1, ">ID" becomes ID > 1: the chained call starts over from ID 2
    const real = p.store.fixtures.users.filter((u) => u.EXTERNAL_AUTH_ID === null).sort((a, b) => a.ID - b.ID)
    const last20 = real[real.length - 21]?.ID
    const { body } = await p.call('batch', {
      halt: 1,
      cmd: {
        short: `user.get?ADMIN_MODE=1&filter[>ID]=${last20}&start=-1`,
        next: 'user.get?ADMIN_MODE=1&filter[>ID]=$result[short][49][ID]&start=-1',
        text: 'app.option.set?options[probe]=x+$result[short][49][ID]',
      },
    }, admin)
    expect(body.result.result.short).toHaveLength(20)
    expect(ids(body.result.result.next)[0]).toBe(real[1]?.ID)
    // inside a longer string the partial value (an array) is str_replace'd the PHP way: "Array"
    expect(body.result.result_error).toEqual([])
    expect(p.store.appOptions().probe).toBe('x Array')
    // upper-case bucket names match the pattern but find nothing
    const upper = await p.call('batch', { cmd: { a: 'server.time', b: 'user.get?filter[ID]=$RESULT[a]' } }, admin)
    expect(upper.body.result.result.b).toEqual([])
  })

  it('sub-commands with start and their own result_total', async () => {
    const { body } = await p.call('batch', { cmd: ['user.get?start=50', 'department.get?start=50'] }, admin)
    expect(body.result.result_next).toEqual([100, 100])
    expect(body.result.result_total[1]).toBe(p.store.fixtures.departments.length)
  })
})
