import { describe, expect, it } from 'vitest'
import { toPerson, type Person } from '@/domain/people/person'
import { buildDepartmentTree } from '@/domain/org/departments'
import { applyFacets, buildFacetIndex, countFacets, hasFacets, NO_FACETS, type FacetSelection } from '@/domain/people/facets'
import { isBirthdayThisWeek } from '@/domain/people/calendar'

function person(id: number, fields: Record<string, unknown>): Person {
  return toPerson({ ID: String(id), NAME: `P${id}`, ...fields })!
}

// Wednesday 2026-11-18
const today = new Date(2026, 10, 18)
const tree = buildDepartmentTree([
  { id: 1, name: 'Company', parentId: null, headId: null, sort: 1 },
  { id: 2, name: 'Sales', parentId: 1, headId: null, sort: 1 },
  { id: 3, name: 'Key accounts', parentId: 2, headId: null, sort: 1 },
  { id: 4, name: 'IT', parentId: 1, headId: null, sort: 1 },
])
const context = { tree, today }
const people = [
  person(1, { UF_DEPARTMENT: [2], WORK_POSITION: 'Manager', WORK_CITY: 'Berlin', IS_ONLINE: 'Y' }),
  person(2, { UF_DEPARTMENT: [3], WORK_POSITION: 'Manager', WORK_CITY: 'Paris', PERSONAL_BIRTHDAY: '1990-11-20T00:00:00+03:00' }),
  person(3, { UF_DEPARTMENT: [4], WORK_POSITION: 'Developer', WORK_CITY: 'Berlin', UF_EMPLOYMENT_DATE: '2026-11-02' }),
  person(4, { UF_DEPARTMENT: [], USER_TYPE: 'extranet', WORK_CITY: 'Berlin', PERSONAL_BIRTHDAY: '1985-11-29' }),
  person(5, { UF_DEPARTMENT: [2, 4], WORK_POSITION: 'Developer', DATE_REGISTER: '2026-11-10T10:00:00+03:00' }),
]
const index = buildFacetIndex(people, context)
const select = (change: Partial<FacetSelection>): FacetSelection => ({ ...NO_FACETS, ...change })
const ids = (list: readonly Person[]) => list.map((p) => p.id)

describe('applyFacets', () => {
  it('filters a department with or without its sub-departments', () => {
    expect(ids(applyFacets(people, select({ departments: [2] }), index))).toEqual([1, 2, 5])
    expect(ids(applyFacets(people, select({ departments: [2], withSubdepartments: false }), index))).toEqual([1, 5])
  })

  it('combines groups with AND and values inside a group with OR', () => {
    const selection = select({ positions: ['Manager', 'Developer'], cities: ['Berlin'] })
    expect(ids(applyFacets(people, selection, index))).toEqual([1, 3])
  })

  it('knows extranet, online, new this month and birthdays', () => {
    expect(ids(applyFacets(people, select({ userTypes: ['extranet'] }), index))).toEqual([4])
    expect(ids(applyFacets(people, select({ onlineNow: true }), index))).toEqual([1])
    expect(ids(applyFacets(people, select({ newThisMonth: true }), index))).toEqual([3, 5])
    expect(ids(applyFacets(people, select({ birthday: 'week' }), index))).toEqual([2])
    expect(ids(applyFacets(people, select({ birthday: 'month' }), index))).toEqual([2, 4])
  })

  it('is a no-op without a selection', () => {
    expect(hasFacets(NO_FACETS)).toBe(false)
    expect(applyFacets(people, NO_FACETS, index)).toHaveLength(5)
  })
})

describe('countFacets', () => {
  it('counts each value under every other group\'s selection', () => {
    const counts = countFacets(people, select({ cities: ['Berlin'] }), index)
    // positions among Berlin people: Manager 1, Developer 1
    expect(counts.position.get('Manager')).toBe(1)
    expect(counts.position.get('Developer')).toBe(1)
    // the city group ignores its own selection, so Paris still shows what choosing it would add
    expect(counts.city.get('Paris')).toBe(1)
    expect(counts.city.get('Berlin')).toBe(3)
    expect(counts.userType.get('extranet')).toBe(1)
  })

  it('counts everyone below a department once, also people in two departments', () => {
    const counts = countFacets(people, NO_FACETS, index)
    expect(counts.department.get(1)).toBe(4)
    expect(counts.department.get(2)).toBe(3)
    expect(counts.department.get(3)).toBe(1)
    expect(counts.department.get(4)).toBe(2)
    const direct = countFacets(people, select({ withSubdepartments: false }), index)
    expect(direct.department.get(1)).toBeUndefined()
    expect(direct.department.get(2)).toBe(2)
  })

  it('counts the toggles', () => {
    const counts = countFacets(people, NO_FACETS, index)
    expect(counts).toMatchObject({ online: 1, newThisMonth: 2, birthdayWeek: 1, birthdayMonth: 2 })
  })
})

describe('the status facet (admin lists hold dismissed people)', () => {
  const withDismissed = [...people, person(6, { ACTIVE: false, UF_DEPARTMENT: [2] }), person(7, { ACTIVE: 'N', USER_TYPE: 'extranet' })]
  const adminIndex = buildFacetIndex(withDismissed, context)

  it('filters working or dismissed people, and combines with the other groups', () => {
    expect(ids(applyFacets(withDismissed, select({ statuses: ['dismissed'] }), adminIndex))).toEqual([6, 7])
    expect(ids(applyFacets(withDismissed, select({ statuses: ['dismissed'], departments: [2] }), adminIndex))).toEqual([6])
    expect(applyFacets(withDismissed, select({ statuses: ['active', 'dismissed'] }), adminIndex)).toHaveLength(7)
  })

  it('counts each status under the other groups', () => {
    const counts = countFacets(withDismissed, select({ userTypes: ['extranet'] }), adminIndex)
    expect(counts.status.get('dismissed')).toBe(1)
    expect(counts.status.get('active')).toBe(1)
    expect(hasFacets(select({ statuses: ['active'] }))).toBe(true)
  })
})

describe('birthday this week', () => {
  it('spans New Year', () => {
    const monday = new Date(2026, 11, 28) // Mon 28 Dec 2026: the week runs to Sun 3 Jan
    expect(isBirthdayThisWeek('1990-01-02', monday)).toBe(true)
    expect(isBirthdayThisWeek('1990-01-05', monday)).toBe(false)
  })
})

describe('facets over a department loop', () => {
  it('count exactly what choosing the department shows', () => {
    const loop = buildDepartmentTree([
      { id: 1, name: 'A', parentId: 2, headId: null, sort: 1 },
      { id: 2, name: 'B', parentId: 1, headId: null, sort: 1 },
    ])
    const someone = [person(9, { UF_DEPARTMENT: [1] })]
    const loopIndex = buildFacetIndex(someone, { tree: loop, today })
    const counts = countFacets(someone, NO_FACETS, loopIndex)
    for (const id of [1, 2]) {
      const shown = applyFacets(someone, select({ departments: [id] }), loopIndex).length
      expect(counts.department.get(id) ?? 0, `department ${id}`).toBe(shown)
    }
  })

  it('celebrates 29 February on the 28th in other years', () => {
    expect(isBirthdayThisWeek('2000-02-29', new Date(2027, 1, 26))).toBe(true)
    // in a leap year on the day itself: Tue 29 Feb 2028, in the week from Mon 28 Feb
    expect(isBirthdayThisWeek('2000-02-29', new Date(2028, 1, 29))).toBe(true)
    expect(isBirthdayThisWeek('2000-02-29', new Date(2028, 1, 27))).toBe(false)
  })

  it('moves on to the next week when the day changes', () => {
    expect(isBirthdayThisWeek('1990-01-02', new Date(2026, 11, 31))).toBe(true)
    expect(isBirthdayThisWeek('1990-01-02', new Date(2027, 0, 4))).toBe(false)
    expect(isBirthdayThisWeek('1990-01-05', new Date(2027, 0, 4))).toBe(true)
  })
})
