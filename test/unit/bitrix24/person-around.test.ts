import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchPersonAround } from '@/bitrix24/person-around'
import type { PeopleQuery } from '@/bitrix24/people-batch'
import type { RestClient, RestParams } from '@/bitrix24/rest-client'
import { toDepartment, type Department } from '@/domain/org/departments'

/** One command's scripted answer: rows (and a total), or an error code. */
type Answer = { result: unknown; total?: number } | { error: string }

/**
 * A portal that answers `batch` from a script, one request after another, and keeps each command decoded
 * (`user.get?filter[ID]=2&…`) for the assertions. A command the script does not answer is skipped.
 */
function scriptedPortal(...script: Record<string, Answer>[]): RestClient & { batches: Record<string, string>[] } {
  const batches: Record<string, string>[] = []
  return {
    batches,
    async call<T>(method: string, params: RestParams = {}) {
      expect(method).toBe('batch')
      const cmd = params.cmd as Record<string, string>
      batches.push(Object.fromEntries(Object.entries(cmd).map(([k, v]) => [k, decodeURIComponent(v)])))
      const answers = script.shift() ?? {}
      const result: Record<string, unknown> = {}
      const errors: Record<string, unknown> = {}
      const totals: Record<string, unknown> = {}
      for (const key of Object.keys(cmd)) {
        const answer = answers[key]
        if (!answer) continue
        if ('error' in answer) errors[key] = { error: answer.error, error_description: '' }
        else {
          result[key] = answer.result
          if (answer.total !== undefined) totals[key] = answer.total
        }
      }
      return { result: { result, result_error: errors, result_total: totals } as T }
    },
  }
}

const working: PeopleQuery = { activeOnly: true, adminMode: false, select: ['ID', 'NAME', 'UF_DEPARTMENT'] }
const admin: PeopleQuery = { activeOnly: false, adminMode: true, select: ['ID', 'NAME', 'UF_DEPARTMENT'] }

// 1 Company (head 1) → 2 Sales (head 2) → 3 Key accounts (head 3) ; 2 → 4 Inside sales (head 40)
const rawDepartments: Record<string, unknown>[] = [
  { ID: '1', NAME: 'Company', UF_HEAD: '1' },
  { ID: '2', NAME: 'Sales', PARENT: '1', UF_HEAD: '2' },
  { ID: '3', NAME: 'Key accounts', PARENT: '2', UF_HEAD: '3' },
  { ID: '4', NAME: 'Inside sales', PARENT: '2', UF_HEAD: '40' },
]
const departments = rawDepartments.map(toDepartment).filter((d): d is Department => d !== null)
const user = (id: number, departmentIds: number[]) => ({ ID: String(id), NAME: `P${id}`, UF_DEPARTMENT: departmentIds })
const ids = (rows: Record<string, unknown>[]) => rows.map((r) => Number(r.ID))
const userGets = (client: { batches: Record<string, string>[] }) =>
  client.batches.flatMap((b) => Object.values(b)).filter((c) => c.startsWith('user.get'))

describe('fetchPersonAround', () => {
  beforeEach(() => vi.spyOn(console, 'warn').mockImplementation(() => undefined))
  afterEach(() => vi.restoreAllMocks())

  it('knowing nothing, reads the person, a page of colleagues and the tree in one batch, then the rest in a second', async () => {
    const portal = scriptedPortal(
      {
        person: { result: [user(2, [2])] },
        colleagues: { result: [user(2, [2]), user(6, [2])], total: 120 },
        departments: { result: rawDepartments, total: 4 },
      },
      {
        below: { result: [{ ID: '2' }, { ID: '6' }], total: 300 },
        heads: { result: [user(1, [1]), user(3, [3]), user(40, [4])] },
      },
    )
    const around = await fetchPersonAround(portal, 2, working)

    // 2 sits in the department they head: their colleagues are their members, asked once
    expect(portal.batches.map((b) => Object.keys(b))).toEqual([['person', 'colleagues', 'departments'], ['below', 'heads']])
    const [first, second] = portal.batches as [Record<string, string>, Record<string, string>]
    expect(first.person).toMatch(/^user\.get\?filter\[ID\]=2&filter\[ACTIVE\]=1&select\[0\]=ID.*&start=-1$/)
    // colleagues before the person's departments are known: the portal resolves the reference
    expect(first.colleagues).toContain('filter[UF_DEPARTMENT]=$result[person][0][UF_DEPARTMENT]&filter[ACTIVE]=1')
    expect(first.colleagues).toContain('start=0')
    expect(first.departments).toBe('department.get?start=0')
    // everyone below is only counted: one field, its rows never read
    expect(second.below).toContain('filter[UF_DEPARTMENT][0]=2&filter[UF_DEPARTMENT][1]=3&filter[UF_DEPARTMENT][2]=4&filter[ACTIVE]=1&select[0]=ID&start=0')
    // the managers up the tree (1) and the heads right below (3, 40), by ID in one page
    expect(second.heads).toContain('filter[ID][0]=1&filter[ID][1]=3&filter[ID][2]=40&filter[ACTIVE]=1')
    for (const command of userGets(portal)) expect(command).not.toContain('ADMIN_MODE')
    expect(userGets(portal)).toHaveLength(4)

    expect(around.person).toMatchObject({ ID: '2' })
    expect(ids(around.colleagues)).toEqual([2, 6])
    expect(ids(around.managers)).toEqual([1])
    expect(ids(around.reports)).toEqual([2, 6, 3, 40])
    expect(around.departments).toEqual({ status: 'done', list: departments })
    expect(around.totals).toEqual({ colleagues: 120, members: 120, below: 300 })
  })

  it('knowing the tree and the person\'s departments, asks everything in one batch', async () => {
    const portal = scriptedPortal({
      person: { result: [user(5, [3])] },
      colleagues: { result: [user(5, [3]), user(8, [3])], total: 2 },
      heads: { result: [user(3, [3]), user(2, [2]), user(1, [1])] },
    })
    const around = await fetchPersonAround(portal, 5, working, { departments, departmentIds: [3] })
    expect(portal.batches.map((b) => Object.keys(b))).toEqual([['person', 'colleagues', 'heads']])
    expect(portal.batches[0]!.colleagues).toContain('filter[UF_DEPARTMENT][0]=3&filter[ACTIVE]=1')
    // nearest first, as the card lists them
    expect(portal.batches[0]!.heads).toContain('filter[ID][0]=3&filter[ID][1]=2&filter[ID][2]=1')
    expect(ids(around.managers)).toEqual([3, 2, 1])
    expect(around.reports).toEqual([])
    expect(around.departments).toBeNull()
    expect(around.totals).toEqual({ colleagues: 2, members: null, below: null })
  })

  it('knowing the tree only, asks for reports at once and for the managers once the person\'s departments are known', async () => {
    const portal = scriptedPortal(
      {
        person: { result: [user(2, [2])] },
        colleagues: { result: [user(2, [2])], total: 1 },
        members: { result: [user(2, [2])], total: 1 },
        below: { result: [{ ID: '2' }], total: 1 },
      },
      { heads: { result: [user(1, [1]), user(3, [3])] } },
    )
    const around = await fetchPersonAround(portal, 2, working, { departments })
    // the person's departments are not known yet, so the members are asked for on their own
    expect(portal.batches.map((b) => Object.keys(b))).toEqual([['person', 'colleagues', 'members', 'below'], ['heads']])
    expect(portal.batches[0]!.members).toContain('filter[UF_DEPARTMENT][0]=2&filter[ACTIVE]=1')
    expect(userGets(portal)).toHaveLength(5)
    expect(ids(around.managers)).toEqual([1])
    expect(ids(around.reports)).toEqual([2, 3])
  })

  it('gives null for a person the viewer may not see, and asks nothing more', async () => {
    const portal = scriptedPortal({
      person: { result: [] },
      colleagues: { result: [], total: 0 },
      departments: { result: rawDepartments, total: 4 },
    })
    const around = await fetchPersonAround(portal, 99, working)
    expect(portal.batches).toHaveLength(1)
    expect(around).toEqual({ person: null, colleagues: [], managers: [], reports: [], departments: null, totals: { colleagues: null, members: null, below: null } })
  })

  it('asks as the admin views do: ADMIN_MODE on every command, the dismissed person too, colleagues working only', async () => {
    const portal = scriptedPortal({
      person: { result: { 0: { ...user(5, [3]), ACTIVE: false } } },
      colleagues: { result: [user(8, [3])], total: 1 },
      heads: { result: [user(3, [3])] },
    })
    const around = await fetchPersonAround(portal, 5, admin, { departments, departmentIds: [3] })
    const batch = portal.batches[0]!
    expect(batch.person).toContain('filter[ID]=5&select')
    expect(batch.person).not.toContain('ACTIVE')
    expect(batch.colleagues).toContain('filter[ACTIVE]=1')
    expect(batch.heads).not.toContain('ACTIVE')
    for (const command of userGets(portal)) expect(command).toContain('ADMIN_MODE=1')
    // a PHP list that arrived as an object is read as a list
    expect(around.person).toMatchObject({ ID: '5', ACTIVE: false })
  })

  it('without the department scope, shows the person and colleagues, and asks for nothing that needs the tree', async () => {
    const portal = scriptedPortal({
      person: { result: [user(5, [3])] },
      colleagues: { result: [user(5, [3])], total: 1 },
      departments: { error: 'insufficient_scope' },
    })
    const around = await fetchPersonAround(portal, 5, working)
    expect(portal.batches).toHaveLength(1)
    expect(around.departments).toEqual({ status: 'unavailable', list: [] })
    expect(around.managers).toEqual([])

    const known = scriptedPortal({ person: { result: [user(5, [3])] }, colleagues: { result: [], total: 0 } })
    await fetchPersonAround(known, 5, working, { departments: null })
    expect(Object.keys(known.batches[0]!)).toEqual(['person', 'colleagues'])
  })

  it('reads the tree\'s later pages when it has more than 50 departments', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ ID: String(i + 1), NAME: `D${i + 1}`, ...(i ? { PARENT: '1' } : {}) }))
    const portal = scriptedPortal(
      {
        person: { result: [user(5, [70])] },
        colleagues: { result: [user(5, [70])], total: 1 },
        departments: { result: many.slice(0, 50), total: 120 },
      },
      { d50: { result: many.slice(50, 100), total: 120 }, d100: { result: many.slice(100), total: 120 } },
    )
    const around = await fetchPersonAround(portal, 5, working)
    expect(portal.batches[1]).toEqual({ d50: 'department.get?start=50', d100: 'department.get?start=100' })
    expect(around.departments?.list).toHaveLength(120)
    // nobody heads anything here: no managers, no reports, no further request
    expect(portal.batches).toHaveLength(2)
  })

  it('fails when the person cannot be read, and leaves a part empty when only that part failed', async () => {
    const down = scriptedPortal({ person: { error: 'OPERATION_TIME_LIMIT' }, departments: { result: [], total: 0 } })
    await expect(fetchPersonAround(down, 5, working)).rejects.toMatchObject({ code: 'OPERATION_TIME_LIMIT' })

    const partly = scriptedPortal({ person: { result: [user(5, [3])] }, colleagues: { error: 'ERROR_CORE' }, heads: { result: [user(3, [3])] } })
    const around = await fetchPersonAround(partly, 5, working, { departments, departmentIds: [3] })
    expect(around.colleagues).toEqual([])
    expect(ids(around.managers)).toEqual([3])
  })

  it('drops whatever the colleagues\' reference found for a person in no department', async () => {
    const portal = scriptedPortal({
      person: { result: [user(5, [])] },
      colleagues: { result: [user(1, [1])], total: 4000 },
      departments: { result: rawDepartments, total: 4 },
    })
    const around = await fetchPersonAround(portal, 5, working)
    expect(around.colleagues).toEqual([])
    expect(around.totals.colleagues).toBeNull()
  })
})
