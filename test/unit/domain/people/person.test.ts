import { describe, expect, it } from 'vitest'
import { toPerson } from '@/domain/people/person'

describe('toPerson', () => {
  it('maps a user.get record as the portal sends it', () => {
    const person = toPerson({
      ID: '17',
      ACTIVE: true,
      NAME: 'Анна',
      LAST_NAME: 'Смирнова',
      SECOND_NAME: 'Петровна',
      EMAIL: 'anna@example.com',
      PERSONAL_PHOTO: 'https://portal.example/upload/a.png',
      WORK_POSITION: 'Accountant',
      UF_DEPARTMENT: [3, 9],
      IS_ONLINE: 'Y',
      USER_TYPE: 'employee',
      PERSONAL_BIRTHDAY: '1990-07-15T00:00:00+03:00',
      TIMESTAMP_X: {},
    })
    expect(person).toMatchObject({
      id: 17,
      active: true,
      fullName: 'Анна Петровна Смирнова',
      departmentIds: [3, 9],
      online: true,
      userType: 'employee',
      birthday: '1990-07-15',
      photo: 'https://portal.example/upload/a.png',
    })
  })

  it('survives nulls, objects in place of strings and a scalar department', () => {
    const person = toPerson({ ID: 5, NAME: null, LAST_NAME: {}, UF_DEPARTMENT: '4', IS_ONLINE: 'N', ACTIVE: false })
    expect(person).toMatchObject({ id: 5, fullName: '#5', departmentIds: [4], online: false, active: false })
  })

  it('keeps markup in names as plain text and refuses script URLs as photos', () => {
    const person = toPerson({ ID: '8', NAME: '<img src=x onerror=alert(1)>', PERSONAL_PHOTO: 'javascript:alert(1)' })
    expect(person?.fullName).toBe('<img src=x onerror=alert(1)>')
    expect(person?.photo).toBe('')
  })

  it('reads the last activity in every shape portals send it, and not the {} of user.get', () => {
    expect(toPerson({ ID: '1', LAST_ACTIVITY_DATE: '2024-07-23 08:08:50' })?.lastActivity).toBe('2024-07-23T08:08')
    expect(toPerson({ ID: '1', LAST_ACTIVITY_DATE: '24.08.2023 13:19:39' })?.lastActivity).toBe('2023-08-24T13:19')
    expect(toPerson({ ID: '1', LAST_ACTIVITY_DATE: '2024-07-23T08:08:50+03:00' })?.lastActivity).toBe(
      '2024-07-23T08:08:50+03:00',
    )
    expect(toPerson({ ID: '1', LAST_ACTIVITY_DATE: {} })?.lastActivity).toBe('')
  })

  it('rejects records without a usable ID', () => {
    expect(toPerson({ NAME: 'Nobody' })).toBeNull()
    expect(toPerson({ ID: 'abc' })).toBeNull()
    expect(toPerson({ ID: '-3' })).toBeNull()
  })

  it('falls back to the e-mail when a person has no name', () => {
    expect(toPerson({ ID: '2', EMAIL: 'info@example.com' })?.fullName).toBe('info@example.com')
  })
})
