import { describe, expect, it } from 'vitest'
import { toPerson, type Person } from '@/domain/people/person'
import { buildDepartmentTree, type Department } from '@/domain/org/departments'
import { colleaguesOf, managerChain, reportsOf } from '@/domain/org/org-people'
import { parsePlacementOptions, placementView } from '@/domain/view/placement-view'
import { toVCard, vCardFileName } from '@/domain/people/vcard'

function person(id: number, departments: number[], fields: Record<string, unknown> = {}): Person {
  return toPerson({ ID: String(id), NAME: `P${id}`, LAST_NAME: 'X', UF_DEPARTMENT: departments, ...fields })!
}
function dept(id: number, parentId: number | null, headId: number | null): Department {
  return { id, name: `D${id}`, parentId, headId, sort: id }
}

// 1 Company (head 1) → 2 Sales (head 2) → 3 Key accounts (head 3) ; 2 → 4 Inside sales (no head)
const tree = buildDepartmentTree([dept(1, null, 1), dept(2, 1, 2), dept(3, 2, 3), dept(4, 2, null)])
const people = [person(1, [1]), person(2, [2]), person(3, [3]), person(4, [3]), person(5, [4]), person(6, [3, 4])]
const byId = new Map(people.map((p) => [p.id, p]))

describe('managerChain', () => {
  it('walks the heads up the tree, nearest first', () => {
    expect(managerChain(byId.get(4)!, tree, byId).map((p) => p.id)).toEqual([3, 2, 1])
  })
  it('skips the department a person heads themselves', () => {
    expect(managerChain(byId.get(3)!, tree, byId).map((p) => p.id)).toEqual([2, 1])
    expect(managerChain(byId.get(1)!, tree, byId)).toEqual([])
  })
  it('passes over departments without a head and lists each manager once', () => {
    expect(managerChain(byId.get(5)!, tree, byId).map((p) => p.id)).toEqual([2, 1])
    expect(managerChain(byId.get(6)!, tree, byId).map((p) => p.id)).toEqual([3, 2, 1])
  })
  it('ends on a loop and on heads nobody can see', () => {
    const loop = buildDepartmentTree([dept(7, 8, 70), dept(8, 7, 80)])
    // the loop is cut at 7, so 8 hangs under 7: someone in 8 has 8's head, then 7's (not visible)
    const p = person(9, [8])
    expect(managerChain(p, loop, new Map([[80, person(80, [8])]])).map((x) => x.id)).toEqual([80])
  })
})

describe('reportsOf and colleaguesOf', () => {
  it('counts everyone below a head once and lists direct reports with the heads right below', () => {
    const reports = reportsOf(byId.get(2)!, tree, people)
    expect(reports.total).toBe(4) // 3, 4, 5, 6
    expect(reports.direct.map((p) => p.id).sort()).toEqual([3])
    expect(reportsOf(byId.get(4)!, tree, people)).toEqual({ direct: [], total: 0 })
  })
  it('finds people sharing a department', () => {
    expect(colleaguesOf(byId.get(4)!, people).map((p) => p.id)).toEqual([3, 6])
    expect(colleaguesOf(person(10, []), people)).toEqual([])
  })
})

describe('PLACEMENT_OPTIONS', () => {
  it('reads an object, a JSON string and an empty array', () => {
    expect(parsePlacementOptions({ USER_ID: '5', URI: '/x/' })).toEqual({ USER_ID: '5', URI: '/x/' })
    expect(parsePlacementOptions('{"USER_ID":"7"}')).toEqual({ USER_ID: '7' })
    expect(parsePlacementOptions([])).toEqual({})
    expect(parsePlacementOptions('not json')).toEqual({})
    expect(parsePlacementOptions(null)).toEqual({})
  })
  it('maps each placement to its view', () => {
    expect(placementView('DEFAULT', [])).toEqual({ kind: 'directory' })
    expect(placementView('LEFT_MENU', { URI: '/' })).toEqual({ kind: 'directory' })
    expect(placementView('USER_PROFILE_TOOLBAR', '{"USER_ID":"12"}')).toEqual({ kind: 'person', userId: 12, team: false })
    expect(placementView('USER_PROFILE_MENU', { USER_ID: 3 })).toEqual({ kind: 'person', userId: 3, team: true })
    expect(placementView('USER_PROFILE_TOOLBAR', [])).toEqual({ kind: 'no-user' })
    expect(placementView('USER_PROFILE_TOOLBAR', { USER_ID: '12abc' })).toEqual({ kind: 'no-user' })
    expect(placementView('CRM_DEAL_LIST_MENU', {})).toEqual({ kind: 'unknown', placement: 'CRM_DEAL_LIST_MENU' })
  })
})

describe('vCard', () => {
  const anna = toPerson({
    ID: '5',
    NAME: 'Анна',
    LAST_NAME: 'Smith; Jones',
    EMAIL: 'anna@example.com',
    WORK_PHONE: '+1 555 0100',
    PERSONAL_MOBILE: '+1 555 0199',
    WORK_POSITION: 'Head of sales, EMEA',
    PERSONAL_PHOTO: 'https://portal.example/a.png',
    PERSONAL_BIRTHDAY: '1990-07-15',
  })!

  it('writes a vCard 3.0 with escaped values, phones, e-mail and the photo', () => {
    const card = toVCard(anna, { departments: ['Sales'] })
    expect(card.startsWith('BEGIN:VCARD\r\nVERSION:3.0\r\n')).toBe(true)
    expect(card).toContain('N:Smith\\; Jones;Анна;;;\r\n')
    expect(card).toContain('TITLE:Head of sales\\, EMEA\r\n')
    expect(card).toContain('TEL;TYPE=CELL:+1 555 0199')
    expect(card).toContain('EMAIL;TYPE=INTERNET,WORK:anna@example.com')
    expect(card).toContain('PHOTO;VALUE=URI:https://portal.example/a.png')
    expect(card).toContain('BDAY:1990-07-15')
    expect(card.endsWith('END:VCARD\r\n')).toBe(true)
  })

  it('folds long lines at 75 octets without splitting a character', () => {
    const long = toPerson({ ID: '6', NAME: 'Ж'.repeat(60), LAST_NAME: 'Ю' })!
    for (const line of toVCard(long).split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(toVCard(long).replace(/\r\n /g, '')).toContain(`FN:${'Ж'.repeat(60)} Ю`)
  })

  it('never lets a line break or control character in user data start a new property', () => {
    const sneaky = toPerson({ ID: '8', NAME: 'Eve\rEMAIL:evil@example.com', LAST_NAME: 'X\u0007' })!
    const card = toVCard(sneaky)
    expect(card).not.toMatch(/\r(?!\n)/)
    expect(card.split('\r\n').filter((line) => line.startsWith('EMAIL'))).toEqual([])
    expect(card).toContain('FN:Eve\\nEMAIL:evil@example.com X')
  })

  it('names the file after the person, without characters file systems refuse', () => {
    expect(vCardFileName(toPerson({ ID: '7', NAME: 'A/B', LAST_NAME: '<C>' })!)).toBe('A B C.vcf')
  })
})
