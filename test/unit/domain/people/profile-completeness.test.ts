import { describe, expect, it } from 'vitest'
import { toPerson, type Person } from '@/domain/people/person'
import { buildDepartmentTree } from '@/domain/org/departments'
import { departmentCompleteness, profileCompleteness } from '@/domain/people/profile-completeness'

function person(id: number, fields: Record<string, unknown>): Person {
  return toPerson({ ID: String(id), NAME: `P${id}`, ...fields })!
}

const PHOTO = 'https://portal.example/photo.jpg'
const full = {
  PERSONAL_PHOTO: PHOTO,
  WORK_POSITION: 'Manager',
  WORK_PHONE: '+1 555 0100',
  EMAIL: 'p@example.com',
}
const withContacts = { contacts: true }
const brief = { contacts: false }

describe('profileCompleteness', () => {
  it('scores a full profile 100 with nothing missing', () => {
    expect(profileCompleteness(person(1, full), withContacts)).toEqual({
      score: 100,
      missing: [],
      checked: ['photo', 'position', 'phone', 'email'],
    })
  })

  it('scores an empty profile 0 and lists every check', () => {
    expect(profileCompleteness(person(1, {}), withContacts)).toEqual({
      score: 0,
      missing: ['photo', 'position', 'phone', 'email'],
      checked: ['photo', 'position', 'phone', 'email'],
    })
  })

  it('counts each check as a quarter', () => {
    const result = profileCompleteness(person(1, { ...full, PERSONAL_PHOTO: '', EMAIL: '' }), withContacts)
    expect(result.score).toBe(50)
    expect(result.missing).toEqual(['photo', 'email'])
    expect(profileCompleteness(person(1, { ...full, WORK_POSITION: '' }), withContacts).score).toBe(75)
  })

  it('accepts any of the work, mobile and internal phone', () => {
    const noPhone = { ...full, WORK_PHONE: '' }
    expect(profileCompleteness(person(1, noPhone), withContacts).missing).toEqual(['phone'])
    expect(profileCompleteness(person(1, { ...noPhone, PERSONAL_MOBILE: '+1 555 0199' }), withContacts).missing).toEqual([])
    expect(profileCompleteness(person(1, { ...noPhone, UF_PHONE_INNER: '204' }), withContacts).missing).toEqual([])
  })

  it('does not count a photo that is not an http(s) URL', () => {
    expect(profileCompleteness(person(1, { ...full, PERSONAL_PHOTO: 'javascript:alert(1)' }), withContacts).missing).toEqual([
      'photo',
    ])
  })

  it('checks only photo and position without the contacts scope', () => {
    const onlyBrief = person(1, { PERSONAL_PHOTO: PHOTO, WORK_POSITION: 'Manager' })
    expect(profileCompleteness(onlyBrief, brief)).toEqual({ score: 100, missing: [], checked: ['photo', 'position'] })
    expect(profileCompleteness(person(1, { WORK_POSITION: 'Manager' }), brief)).toEqual({
      score: 50,
      missing: ['photo'],
      checked: ['photo', 'position'],
    })
  })

  it('does not make phone checkable on the internal extension alone', () => {
    const result = profileCompleteness(person(1, { UF_PHONE_INNER: '204' }), brief)
    expect(result.checked).toEqual(['photo', 'position'])
    expect(result.missing).not.toContain('phone')
  })
})

describe('departmentCompleteness', () => {
  const tree = buildDepartmentTree([
    { id: 1, name: 'Company', parentId: null, headId: null, sort: 1 },
    { id: 2, name: 'Sales', parentId: 1, headId: null, sort: 1 },
    { id: 3, name: 'IT', parentId: 1, headId: null, sort: 2 },
    { id: 4, name: 'Archive', parentId: 1, headId: null, sort: 3 },
    { id: 5, name: 'Support', parentId: 3, headId: null, sort: 1 },
  ])
  const people = [
    // Sales: 100 and 50 → 75
    person(1, { ...full, UF_DEPARTMENT: [2] }),
    person(2, { PERSONAL_PHOTO: PHOTO, WORK_POSITION: 'Manager', UF_DEPARTMENT: [2] }),
    // in IT and Support: 100 in both
    person(3, { ...full, UF_DEPARTMENT: [3, 5] }),
    // IT: 0 → (100 + 0) / 2 = 50
    person(4, { UF_DEPARTMENT: [3] }),
    // dismissed: counts nowhere, so Archive gets no row
    person(5, { ACTIVE: false, UF_DEPARTMENT: [4, 2] }),
    // a department the tree does not know
    person(6, { ...full, UF_DEPARTMENT: [99] }),
  ]

  it('gives one row per department with active direct members, weakest first', () => {
    expect(departmentCompleteness(people, tree, withContacts)).toEqual([
      { departmentId: 3, name: 'IT', path: ['Company', 'IT'], people: 2, complete: 1, averageScore: 50 },
      { departmentId: 2, name: 'Sales', path: ['Company', 'Sales'], people: 2, complete: 1, averageScore: 75 },
      { departmentId: 5, name: 'Support', path: ['Company', 'IT', 'Support'], people: 1, complete: 1, averageScore: 100 },
    ])
  })

  it('sorts equal averages by name and follows the scope', () => {
    // without contacts person 2 is complete too: Sales and Support both average 100
    const rows = departmentCompleteness(people, tree, brief)
    expect(rows.map((r) => [r.name, r.averageScore, r.complete])).toEqual([
      ['IT', 50, 1],
      ['Sales', 100, 2],
      ['Support', 100, 1],
    ])
  })

  it('never averages to 100 while someone is incomplete', () => {
    const many = [
      ...Array.from({ length: 9 }, (_, i) => person(10 + i, { ...full, UF_DEPARTMENT: [2] })),
      person(20, { ...full, EMAIL: '', UF_DEPARTMENT: [2] }),
    ]
    // mean 97.5
    expect(departmentCompleteness(many, tree, withContacts)).toEqual([
      { departmentId: 2, name: 'Sales', path: ['Company', 'Sales'], people: 10, complete: 9, averageScore: 97 },
    ])
  })

  it('counts a person listed twice in a department once', () => {
    const rows = departmentCompleteness([person(1, { ...full, UF_DEPARTMENT: [2, 2] })], tree, withContacts)
    expect(rows.map((r) => r.people)).toEqual([1])
  })
})
