import { describe, expect, it } from 'vitest'
import { toPerson, type Person } from '@/domain/people/person'
import { buildDepartmentTree, type Department } from '@/domain/org/departments'
import { NO_TOTALS, reportsPlan } from '@/domain/org/person-around'
import { NO_FACETS } from '@/domain/people/facets'
import { colleagueList, listView, onlineFirst, reportList, teamOf } from '@/domain/org/team'

function person(id: number, departments: number[], fields: Record<string, unknown> = {}): Person {
  return toPerson({ ID: String(id), NAME: `P${id}`, LAST_NAME: 'X', UF_DEPARTMENT: departments, ...fields })!
}
function dept(id: number, parentId: number | null, headId: number | null): Department {
  return { id, name: `D${id}`, parentId, headId, sort: id }
}
const ids = (people: readonly Person[]) => people.map((p) => p.id)

// 1 Company (head 1) → 2 Sales (head 2) → 3 Key accounts (head 3); 1 → 5 Board (head 1)
const tree = buildDepartmentTree([dept(1, null, 1), dept(2, 1, 2), dept(3, 2, 3), dept(5, 1, 1)])
const ceo = person(1, [1])
const head = person(2, [2])
const keyAccountsHead = person(3, [3])
const [ann, bob] = [person(6, [2]), person(7, [2])]

describe('teamOf', () => {
  it('lists the head of an employee\'s department as their manager, not also as a colleague', () => {
    const me = person(5, [2])
    const team = teamOf(
      me,
      reportsPlan(me.id, tree),
      { managers: [head, ceo], reports: [], colleagues: [head, ann, bob] },
      { colleagues: 19, directReports: 0, below: 0 },
      { colleagues: 20, members: null, below: null },
    )
    expect(ids(team.managers)).toEqual([2, 1])
    expect(ids(team.colleagues.people)).toEqual([6, 7])
    // the portal counted 19 besides them; their manager is one of those
    expect(team.colleagues.count).toBe(18)
    expect(team.colleagues.list).toEqual({ departmentIds: [2], withSubdepartments: false })
    expect(team.reports).toEqual({ people: [], count: 0, list: null })
  })

  it('gives a head who sits in the department they head their members as reports and no colleagues there', () => {
    const team = teamOf(
      head,
      reportsPlan(head.id, tree),
      { managers: [ceo], reports: [ann, bob, keyAccountsHead], colleagues: [ann, bob] },
      { colleagues: 19, directReports: 20, below: 39 },
      { colleagues: 20, members: 20, below: 40 },
    )
    expect(ids(team.managers)).toEqual([1])
    expect(ids(team.reports.people)).toEqual([6, 7, 3])
    expect(team.reports.count).toBe(20)
    // the heads of the departments below report to them too: their list takes in those departments
    expect(team.reports.list).toEqual({ departmentIds: [2], withSubdepartments: true })
    expect(team.colleagues).toEqual({ people: [], count: 0, list: null })
  })

  it('counts as colleagues of a head only the people of their other departments', () => {
    // the head of Sales also sits on the Board, which their own manager heads and sits in
    const boardMember = person(2, [2, 5])
    const ceoOnBoard = person(1, [1, 5])
    const peer = person(8, [5])
    const team = teamOf(
      boardMember,
      reportsPlan(boardMember.id, tree),
      { managers: [ceoOnBoard], reports: [ann, bob, keyAccountsHead], colleagues: [ann, bob, peer, ceoOnBoard] },
      { colleagues: 29, directReports: 20, below: 39 },
      // 30 working people on the Board and in Sales, 20 of them in Sales; themselves in both
      { colleagues: 30, members: 20, below: 40 },
    )
    expect(ids(team.colleagues.people)).toEqual([8])
    // 29 besides them, less 19 Sales members who report to them, less their manager
    expect(team.colleagues.count).toBe(9)
    expect(team.colleagues.list).toEqual({ departmentIds: [5], withSubdepartments: false })
  })

  it('lists nobody twice and never the person themselves, managers first, then reports, then colleagues', () => {
    const team = teamOf(
      head,
      reportsPlan(head.id, tree),
      { managers: [ceo], reports: [ceo, ann, head], colleagues: [head, ceo, ann, bob] },
      { colleagues: 3, directReports: 2, below: 2 },
      NO_TOTALS,
    )
    expect(ids(team.managers)).toEqual([1])
    expect(ids(team.reports.people)).toEqual([6])
    expect(ids(team.colleagues.people)).toEqual([7])
    const everyone = [...team.managers, ...team.reports.people, ...team.colleagues.people]
    expect(new Set(ids(everyone)).size).toBe(everyone.length)
  })

  it('counts what is listed when the loaded people are everyone (no portal counts)', () => {
    const me = person(5, [2])
    const team = teamOf(
      me,
      reportsPlan(me.id, tree),
      { managers: [head], reports: [], colleagues: [head, ann] },
      { colleagues: 2, directReports: 0, below: 0 },
      NO_TOTALS,
    )
    expect(team.colleagues.count).toBe(1)
  })

  it('never counts fewer than it shows, and takes a report who is also a manager out of the count', () => {
    const me = person(3, [3])
    const team = teamOf(
      me,
      reportsPlan(me.id, tree),
      { managers: [head], reports: [head, ann], colleagues: [ann, bob] },
      { colleagues: 0, directReports: 5, below: 5 },
      { colleagues: 1, members: 1, below: 6 },
    )
    expect(team.reports.count).toBe(4)
    expect(team.colleagues.count).toBe(team.colleagues.people.length)
  })

  it('puts who is online first within reports and colleagues, the managers in their order up the tree', () => {
    const online = person(7, [2], { IS_ONLINE: 'Y' })
    const onlineCeo = person(1, [1], { IS_ONLINE: 'Y' })
    const me = person(5, [2])
    const team = teamOf(
      me,
      reportsPlan(me.id, tree),
      { managers: [head, onlineCeo], reports: [], colleagues: [ann, online] },
      { colleagues: 2, directReports: 0, below: 0 },
      NO_TOTALS,
    )
    expect(ids(team.managers)).toEqual([2, 1])
    expect(ids(team.colleagues.people)).toEqual([7, 6])
  })
})

describe('the full lists behind "and N more"', () => {
  it('lists colleagues by their departments, without the departments below', () => {
    expect(colleagueList([2, 5])).toEqual({ departmentIds: [2, 5], withSubdepartments: false })
    expect(colleagueList([])).toBeNull()
  })

  it('lists reports by the departments headed, with those below only when their heads report too', () => {
    const flat = buildDepartmentTree([dept(1, null, 1), dept(2, 1, 2), dept(4, 2, null)])
    expect(reportList(reportsPlan(2, flat))).toEqual({ departmentIds: [2], withSubdepartments: false })
    expect(reportList(reportsPlan(2, tree))).toEqual({ departmentIds: [2], withSubdepartments: true })
    expect(reportList(reportsPlan(6, tree))).toBeNull()
  })

  it('shows a list as the directory filtered to its departments and nothing else', () => {
    const view = listView({ departmentIds: [2, 5], withSubdepartments: false })
    expect(view).toEqual({ query: '', sort: null, columns: null, facets: { ...NO_FACETS, departments: [2, 5], withSubdepartments: false } })
  })

  it('keeps the order of each side when putting online people first', () => {
    const [a, b, c] = [person(1, [], { IS_ONLINE: 'N' }), person(2, [], { IS_ONLINE: 'Y' }), person(3, [], { IS_ONLINE: 'Y' })]
    expect(ids(onlineFirst([a, b, c]))).toEqual([2, 3, 1])
  })
})
