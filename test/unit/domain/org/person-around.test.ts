import { describe, expect, it } from 'vitest'
import { toPerson, type Person } from '@/domain/people/person'
import { buildDepartmentTree, type Department } from '@/domain/org/departments'
import { colleaguesOf, managerChain, reportsOf } from '@/domain/org/org-people'
import { countsAround, managerIds, NO_TOTALS, reportsPlan } from '@/domain/org/person-around'

function person(id: number, departments: number[], fields: Record<string, unknown> = {}): Person {
  return toPerson({ ID: String(id), NAME: `P${id}`, UF_DEPARTMENT: departments, ACTIVE: true, ...fields })!
}
function dept(id: number, parentId: number | null, headId: number | null): Department {
  return { id, name: `D${id}`, parentId, headId, sort: id }
}

// 1 Company (head 1) → 2 Sales (head 2) → 3 Key accounts (head 3) ; 2 → 4 Inside sales (no head) → 5 (head 50)
const tree = buildDepartmentTree([dept(1, null, 1), dept(2, 1, 2), dept(3, 2, 3), dept(4, 2, null), dept(5, 4, 50)])
const people = [person(1, [1]), person(2, [2]), person(3, [3]), person(4, [3]), person(6, [3, 4]), person(50, [5])]
const byId = new Map(people.map((p) => [p.id, p]))

describe('managerIds', () => {
  it('names the heads managerChain finds, nearest first, before anyone is loaded', () => {
    for (const p of people) {
      expect(managerIds(p.id, p.departmentIds, tree)).toEqual(managerChain(p, tree, byId).map((m) => m.id))
    }
    expect(managerIds(6, [3, 4], tree)).toEqual([3, 2, 1])
    expect(managerIds(1, [1], tree)).toEqual([])
  })
})

describe('reportsPlan', () => {
  it('lists the departments a person heads, everything below them and the heads right below', () => {
    expect(reportsPlan(2, tree)).toEqual({ headed: [2], below: [2, 3, 4, 5], childHeads: [3] })
    expect(reportsPlan(4, tree)).toEqual({ headed: [], below: [], childHeads: [] })
  })
})

describe('countsAround', () => {
  const head = byId.get(2)!
  const shown = { colleagues: colleaguesOf(head, people), reports: reportsOf(head, tree, people) }

  it('counts the loaded people when the portal said nothing more', () => {
    expect(countsAround(head, tree, shown, NO_TOTALS)).toEqual({
      colleagues: shown.colleagues.length,
      directReports: shown.reports.direct.length,
      below: shown.reports.total,
    })
  })

  it('takes the portal\'s counts beyond the first pages, without the person themselves', () => {
    // the portal counted 2 among 40 in Sales, 2 among 40 members of what 2 heads, 2 among 300 below
    const counts = countsAround(head, tree, shown, { colleagues: 40, members: 40, below: 300 })
    expect(counts.colleagues).toBe(39)
    // loaded: 3 (a head right below, not a member); 39 members not loaded
    expect(shown.reports.direct.map((p) => p.id)).toEqual([3])
    expect(counts.directReports).toBe(1 + 39)
    expect(counts.below).toBe(299)
  })

  it('never counts fewer than are shown, and leaves a dismissed person out of nothing', () => {
    expect(countsAround(head, tree, shown, { colleagues: 0, members: 0, below: 0 })).toEqual(countsAround(head, tree, shown, NO_TOTALS))
    const gone = person(2, [2], { ACTIVE: false })
    expect(countsAround(gone, tree, { colleagues: [], reports: { direct: [], total: 0 } }, { colleagues: 5, members: 5, below: 9 })).toEqual({
      colleagues: 5,
      directReports: 5,
      below: 9,
    })
  })
})
