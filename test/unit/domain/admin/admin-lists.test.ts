import { describe, expect, it } from 'vitest'
import { lastSeenAt, toPerson, type Person } from '@/domain/people/person'
import { buildDepartmentTree, type Department, type DepartmentTree } from '@/domain/org/departments'
import {
  ADMIN_LIST_KEYS,
  departmentsWithoutHead,
  peopleInList,
  type AdminListKey,
  type ListContext,
} from '@/domain/admin/admin-lists'

function person(id: number, fields: Record<string, unknown>): Person {
  return toPerson({ ID: String(id), NAME: `P${id}`, ...fields })!
}

const complete = {
  PERSONAL_PHOTO: 'https://portal.example/photo.jpg',
  WORK_POSITION: 'Manager',
  WORK_PHONE: '+1 555 0100',
  EMAIL: 'p@example.com',
}

// Wednesday 2026-11-18, mid-afternoon local time
const today = new Date(2026, 10, 18, 15, 30)
const userScope: ListContext = { today, inactiveDays: 90, access: { contacts: true, lastLogin: true } }
const basicScope: ListContext = { today, inactiveDays: 90, access: { contacts: true, lastLogin: false } }
const briefScope: ListContext = { today, inactiveDays: 90, access: { contacts: false, lastLogin: false } }

function ids(key: AdminListKey, people: readonly Person[], ctx: ListContext): number[] | 'needsUserScope' {
  const result = peopleInList(key, people, ctx)
  return result.available ? result.people.map((p) => p.id) : result.reason
}

describe('peopleInList', () => {
  it('knows every key', () => {
    expect(ADMIN_LIST_KEYS).toEqual([
      'dismissed',
      'extranet',
      'neverLoggedIn',
      'inactive',
      'noDepartment',
      'multiDepartment',
      'incomplete',
    ])
  })

  it('dismissed: lists people who are not active, keeping the input order', () => {
    const people = [
      person(3, { ACTIVE: false }),
      person(1, { ACTIVE: true }),
      person(2, { ACTIVE: 'N' }),
      person(4, {}),
    ]
    expect(ids('dismissed', people, userScope)).toEqual([3, 2])
  })

  it('extranet: lists extranet users, active or not', () => {
    const people = [
      person(1, { USER_TYPE: 'extranet' }),
      person(2, { USER_TYPE: 'employee' }),
      person(3, { USER_TYPE: 'extranet', ACTIVE: false }),
      person(4, { USER_TYPE: 'email' }),
    ]
    expect(ids('extranet', people, userScope)).toEqual([1, 3])
  })

  describe('neverLoggedIn', () => {
    const people = [
      person(1, { LAST_LOGIN: '' }),
      person(2, { LAST_LOGIN: '2026-11-01T09:00:00+03:00' }),
      person(3, { LAST_LOGIN: '', ACTIVE: false }),
      // recent activity does not replace a login
      person(4, { LAST_ACTIVITY_DATE: '2026-11-17 10:00:00' }),
    ]

    it('lists active people without a last login when the user scope is granted', () => {
      expect(ids('neverLoggedIn', people, userScope)).toEqual([1, 4])
    })

    it('is unavailable without the user scope rather than guessing', () => {
      expect(peopleInList('neverLoggedIn', people, basicScope)).toEqual({ available: false, reason: 'needsUserScope' })
      expect(ids('neverLoggedIn', people, briefScope)).toBe('needsUserScope')
    })
  })

  describe('inactive', () => {
    it('counts whole calendar days: 90 days ago is not inactive, 91 is', () => {
      const people = [
        // 2026-08-20 is 90 days before 2026-11-18, 2026-08-19 is 91
        person(1, { LAST_ACTIVITY_DATE: '2026-08-20 00:00:00' }),
        person(2, { LAST_ACTIVITY_DATE: '2026-08-19 23:59:00' }),
        person(3, { LAST_ACTIVITY_DATE: '2026-08-19 00:00:00' }),
        person(4, { LAST_ACTIVITY_DATE: '2026-11-18 08:00:00' }),
        // a date after today (clock skew) is recent, not inactive
        person(5, { LAST_ACTIVITY_DATE: '2027-01-01 08:00:00' }),
      ]
      expect(ids('inactive', people, userScope)).toEqual([2, 3])
      expect(ids('inactive', people, { ...userScope, inactiveDays: 1 })).toEqual([1, 2, 3])
    })

    it('uses the later of last activity and last login', () => {
      const people = [
        person(1, { LAST_ACTIVITY_DATE: '2026-01-01 10:00:00', LAST_LOGIN: '2026-11-10 10:00:00' }),
        person(2, { LAST_ACTIVITY_DATE: '2026-11-10 10:00:00', LAST_LOGIN: '2026-01-01 10:00:00' }),
        person(3, { LAST_ACTIVITY_DATE: '2026-01-01 10:00:00', LAST_LOGIN: '2026-02-01 10:00:00' }),
      ]
      expect(ids('inactive', people, userScope)).toEqual([3])
    })

    it('skips dismissed people', () => {
      expect(ids('inactive', [person(1, { ACTIVE: false, LAST_ACTIVITY_DATE: '2020-01-01 10:00:00' })], userScope)).toEqual([])
    })

    it('counts people who never logged in, and needs the user scope (the only one with the last login)', () => {
      const people = [person(1, {}), person(2, { LAST_ACTIVITY_DATE: '2026-11-17 10:00:00' })]
      expect(ids('inactive', people, userScope)).toEqual([1])
      expect(ids('inactive', people, basicScope)).toBe('needsUserScope')
      expect(ids('inactive', people, briefScope)).toBe('needsUserScope')
    })

    it('treats unparseable dates as unknown', () => {
      const base = person(1, {})
      const garbledActivity: Person = { ...base, id: 1, lastActivity: 'yesterday' }
      const garbledLogin: Person = { ...base, id: 2, lastLogin: 'not a date' }
      const garbledLoginOldActivity: Person = { ...base, id: 3, lastLogin: 'not a date', lastActivity: '2020-01-01T10:00' }
      // 1: nothing readable and no login: never came; 2: logged in at some unknown time, so not accused
      expect(ids('inactive', [garbledActivity, garbledLogin, garbledLoginOldActivity], userScope)).toEqual([1, 3])
    })
  })

  it('noDepartment: lists active employees without a department', () => {
    const people = [
      person(1, { UF_DEPARTMENT: [] }),
      person(2, { UF_DEPARTMENT: [2] }),
      person(3, { UF_DEPARTMENT: [], USER_TYPE: 'extranet' }),
      person(4, { UF_DEPARTMENT: [], ACTIVE: false }),
      person(5, {}),
    ]
    expect(ids('noDepartment', people, userScope)).toEqual([1, 5])
  })

  it('multiDepartment: lists active people in two or more departments', () => {
    const people = [
      person(1, { UF_DEPARTMENT: [2, 3] }),
      person(2, { UF_DEPARTMENT: [2] }),
      person(3, { UF_DEPARTMENT: [2, 3, 4], ACTIVE: false }),
      person(4, { UF_DEPARTMENT: [2, 2] }),
      person(5, { UF_DEPARTMENT: [4, 5, 6] }),
    ]
    expect(ids('multiDepartment', people, userScope)).toEqual([1, 5])
  })

  it('incomplete: lists active people with a score under 100, following the contacts scope', () => {
    const people = [
      person(1, complete),
      person(2, { ...complete, EMAIL: '' }),
      person(3, { ...complete, PERSONAL_PHOTO: '' }),
      person(4, { ACTIVE: false }),
      person(5, { PERSONAL_PHOTO: complete.PERSONAL_PHOTO, WORK_POSITION: 'Manager' }),
    ]
    expect(ids('incomplete', people, userScope)).toEqual([2, 3, 5])
    // without contacts only photo and position count
    expect(ids('incomplete', people, briefScope)).toEqual([3])
  })
})

describe('lastSeenAt', () => {
  const at = (text: string) => Date.parse(text)

  it('returns the later of last activity and last login', () => {
    const later = person(1, { LAST_ACTIVITY_DATE: '2026-01-01 10:00:00', LAST_LOGIN: '2026-02-01 10:00:00' })
    expect(lastSeenAt(later)).toBe(at('2026-02-01T10:00'))
    const earlier = person(1, { LAST_ACTIVITY_DATE: '2026-03-01 10:00:00', LAST_LOGIN: '2026-02-01 10:00:00' })
    expect(lastSeenAt(earlier)).toBe(at('2026-03-01T10:00'))
    expect(lastSeenAt(person(1, { LAST_LOGIN: '2026-02-01 10:00:00' }))).toBe(at('2026-02-01T10:00'))
    expect(lastSeenAt(person(1, { LAST_ACTIVITY_DATE: '2026-03-01 10:00:00' }))).toBe(at('2026-03-01T10:00'))
  })

  it('compares moments, not text', () => {
    // 23:00 in UTC+03:00 is 20:00 UTC, earlier than 21:00 UTC
    const p = person(1, { LAST_ACTIVITY_DATE: '2026-02-01T23:00:00+03:00', LAST_LOGIN: '2026-02-01T21:00:00Z' })
    expect(lastSeenAt(p)).toBe(at('2026-02-01T21:00:00Z'))
  })

  it('is null when neither date is there or readable, and skips an unreadable one', () => {
    const base = person(1, {})
    expect(lastSeenAt(base)).toBeNull()
    expect(lastSeenAt({ ...base, lastActivity: 'soon', lastLogin: 'never' })).toBeNull()
    expect(lastSeenAt({ ...base, lastActivity: 'soon', lastLogin: '2026-02-01T10:00' })).toBe(at('2026-02-01T10:00'))
    expect(lastSeenAt({ ...base, lastActivity: '2026-02-01T10:00', lastLogin: 'never' })).toBe(at('2026-02-01T10:00'))
  })
})

describe('departmentsWithoutHead', () => {
  const departments: Department[] = [
    { id: 1, name: 'Company', parentId: null, headId: 1, sort: 1 },
    { id: 2, name: 'Sales', parentId: 1, headId: null, sort: 1 },
    { id: 3, name: 'Key accounts', parentId: 2, headId: 7, sort: 1 },
    { id: 4, name: 'IT', parentId: 1, headId: 4, sort: 2 },
    { id: 5, name: 'Support', parentId: 4, headId: 99, sort: 1 },
  ]
  const tree: DepartmentTree = buildDepartmentTree(departments)
  const people = [person(1, {}), person(4, {}), person(7, { ACTIVE: false })]

  it('lists departments with no head, a dismissed head or a head nobody knows, in tree order', () => {
    expect(departmentsWithoutHead(tree, people).map(({ department, reason }) => [department.id, reason])).toEqual([
      [2, 'none'],
      [3, 'headDismissed'],
      [5, 'headUnknown'],
    ])
  })

  it('is empty when every department has a working head', () => {
    const headed = buildDepartmentTree(departments.map((d) => ({ ...d, headId: 1 })))
    expect(departmentsWithoutHead(headed, people)).toEqual([])
  })
})

describe('ADMIN_LIST_KEYS', () => {
  it('offers every people list once', () => {
    expect(new Set(ADMIN_LIST_KEYS).size).toBe(7)
  })
})
