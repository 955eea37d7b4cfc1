import { describe, expect, it } from 'vitest'
import { toPerson, type Person } from '@/domain/people/person'
import { buildDepartmentTree, type Department } from '@/domain/org/departments'
import {
  drillPath,
  headcountByDepartment,
  joinersByMonth,
  statusShare,
  worstCompleteness,
} from '@/domain/admin/admin-charts'

function person(id: number, fields: Record<string, unknown>): Person {
  return toPerson({ ID: String(id), NAME: `P${id}`, ...fields })!
}

const department = (id: number, name: string, parentId: number | null): Department => ({
  id,
  name,
  parentId,
  headId: null,
  sort: 500,
})

const tree = buildDepartmentTree([
  department(1, 'Company', null),
  department(2, 'Sales', 1),
  department(3, 'Key accounts', 2),
  department(5, 'Retail', 2),
  department(4, 'IT', 1),
  department(6, 'Legal', 1),
])

describe('headcountByDepartment', () => {
  const people = [
    person(1, { UF_DEPARTMENT: [2] }),
    person(2, { UF_DEPARTMENT: [3] }),
    // two departments of the Sales branch: one person there
    person(3, { UF_DEPARTMENT: [3, 5] }),
    // two branches: counts in each
    person(4, { UF_DEPARTMENT: [2, 4] }),
    person(5, { UF_DEPARTMENT: [1] }),
    person(6, { UF_DEPARTMENT: [1] }),
    person(7, { UF_DEPARTMENT: [4], ACTIVE: false }),
    person(8, { UF_DEPARTMENT: [] }),
    // a department this portal does not show
    person(9, { UF_DEPARTMENT: [99] }),
  ]

  it('opens on the departments under the single root, with the people placed in the root itself', () => {
    expect(headcountByDepartment(people, tree, null)).toEqual([
      { departmentId: 2, name: 'Sales', count: 4, hasChildren: true },
      { departmentId: 1, name: 'Company', count: 2, hasChildren: false, direct: true },
      { departmentId: 4, name: 'IT', count: 1, hasChildren: false },
      { departmentId: 6, name: 'Legal', count: 0, hasChildren: false },
    ])
  })

  it('treats the single root as the top level', () => {
    expect(headcountByDepartment(people, tree, 1)).toEqual(headcountByDepartment(people, tree, null))
  })

  it('drills into a department: its children and its direct members', () => {
    expect(headcountByDepartment(people, tree, 2)).toEqual([
      { departmentId: 3, name: 'Key accounts', count: 2, hasChildren: false },
      { departmentId: 2, name: 'Sales', count: 2, hasChildren: false, direct: true },
      { departmentId: 5, name: 'Retail', count: 1, hasChildren: false },
    ])
  })

  it('counts someone in a department and in its sub-department under the sub-department only', () => {
    const both = [person(1, { UF_DEPARTMENT: [2, 3] })]
    expect(headcountByDepartment(both, tree, 2)).toEqual([
      { departmentId: 3, name: 'Key accounts', count: 1, hasChildren: false },
      { departmentId: 5, name: 'Retail', count: 0, hasChildren: false },
    ])
  })

  it('leaves the direct bar out when nobody sits in the parent itself', () => {
    expect(headcountByDepartment(people, tree, 6)).toEqual([])
    // a department without children shows one bar: the people placed in it
    expect(headcountByDepartment(people, tree, 3)).toEqual([
      { departmentId: 3, name: 'Key accounts', count: 2, hasChildren: false, direct: true },
    ])
  })

  it('shows the roots themselves when there are several', () => {
    const forest = buildDepartmentTree([department(10, 'North', null), department(11, 'Depot', 10), department(20, 'South', null)])
    const staff = [person(1, { UF_DEPARTMENT: [10] }), person(2, { UF_DEPARTMENT: [11] }), person(3, { UF_DEPARTMENT: [20] })]
    expect(headcountByDepartment(staff, forest, null)).toEqual([
      { departmentId: 10, name: 'North', count: 2, hasChildren: true },
      { departmentId: 20, name: 'South', count: 1, hasChildren: false },
    ])
  })

  it('sorts equal counts by name and answers an unknown department with nothing', () => {
    const staff = [person(1, { UF_DEPARTMENT: [6] }), person(2, { UF_DEPARTMENT: [4] })]
    expect(headcountByDepartment(staff, tree, null).map((row) => row.name)).toEqual(['IT', 'Legal', 'Sales'])
    expect(headcountByDepartment(people, tree, 404)).toEqual([])
    expect(headcountByDepartment(people, buildDepartmentTree([]), null)).toEqual([])
  })
})

describe('drillPath', () => {
  it('leaves out the single root, which the top level already stands for', () => {
    expect(drillPath(tree, null)).toEqual([])
    expect(drillPath(tree, 3)).toEqual([
      { id: 2, name: 'Sales' },
      { id: 3, name: 'Key accounts' },
    ])
  })

  it('keeps the root when there are several', () => {
    const forest = buildDepartmentTree([department(10, 'North', null), department(11, 'Depot', 10), department(20, 'South', null)])
    expect(drillPath(forest, 11)).toEqual([
      { id: 10, name: 'North' },
      { id: 11, name: 'Depot' },
    ])
  })
})

describe('joinersByMonth', () => {
  const today = new Date(2026, 0, 31)

  it('lists the last months oldest first, across the turn of the year, zero-filled', () => {
    expect(joinersByMonth([], today, 3)).toEqual([
      { month: '2025-11', count: 0 },
      { month: '2025-12', count: 0 },
      { month: '2026-01', count: 0 },
    ])
    const rows = joinersByMonth([], today)
    expect(rows).toHaveLength(24)
    expect(rows[0]?.month).toBe('2024-02')
    expect(rows.at(-1)?.month).toBe('2026-01')
  })

  it('does not skip a month when today is the 31st', () => {
    // a naive "same day, one month back" from 31 March would land on 3 March and lose February
    expect(joinersByMonth([], new Date(2026, 2, 31), 3).map((row) => row.month)).toEqual(['2026-01', '2026-02', '2026-03'])
  })

  it('counts by employment date, falling back to the registration date, dismissed people included', () => {
    const people = [
      person(1, { UF_EMPLOYMENT_DATE: '2025-12-31T00:00:00+03:00', DATE_REGISTER: '2020-01-01' }),
      person(2, { DATE_REGISTER: '2026-01-01T10:00:00+03:00' }),
      person(3, { UF_EMPLOYMENT_DATE: '2026-01-15', ACTIVE: false }),
      person(4, { USER_TYPE: 'extranet', UF_EMPLOYMENT_DATE: '2025-11-01' }),
      // no date at all, and dates outside the window
      person(5, {}),
      person(6, { UF_EMPLOYMENT_DATE: '2025-10-31' }),
      person(7, { UF_EMPLOYMENT_DATE: '2026-02-01' }),
    ]
    expect(joinersByMonth(people, today, 3)).toEqual([
      { month: '2025-11', count: 1 },
      { month: '2025-12', count: 1 },
      { month: '2026-01', count: 2 },
    ])
  })

  it('gives nothing for no months', () => {
    expect(joinersByMonth([person(1, { UF_EMPLOYMENT_DATE: '2026-01-15' })], today, 0)).toEqual([])
  })
})

describe('statusShare', () => {
  it('splits people into active, dismissed and active extranet', () => {
    const people = [
      person(1, {}),
      person(2, { USER_TYPE: 'employee', ACTIVE: 'Y' }),
      person(3, { USER_TYPE: 'email' }),
      person(4, { ACTIVE: false }),
      person(5, { USER_TYPE: 'extranet', ACTIVE: 'N' }),
      person(6, { USER_TYPE: 'extranet' }),
    ]
    expect(statusShare(people)).toEqual({ active: 3, dismissed: 2, extranet: 1 })
    expect(statusShare([])).toEqual({ active: 0, dismissed: 0, extranet: 0 })
  })
})

describe('worstCompleteness', () => {
  it('puts the least complete departments first and keeps the limit', () => {
    const rows = [
      { departmentId: 1, name: 'B', averageScore: 40, people: 3 },
      { departmentId: 2, name: 'A', averageScore: 40, people: 1 },
      { departmentId: 3, name: 'C', averageScore: 90, people: 5 },
      { departmentId: 4, name: 'D', averageScore: 10, people: 2 },
    ]
    expect(worstCompleteness(rows, 3).map((row) => row.departmentId)).toEqual([4, 2, 1])
    expect(worstCompleteness(rows)).toHaveLength(4)
  })
})
