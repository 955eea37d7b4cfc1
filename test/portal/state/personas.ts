/**
 * The four people a developer or a test signs in as, picked deterministically from the fixtures:
 * admin = user 1; head = the head of a level-2 department; employee = an ordinary person with a complete
 * profile in a leaf department; extranet = an active partner user.
 */
import type { Fixtures, FixtureUser, PersonaKey } from '../types'

export type Personas = Record<PersonaKey, number>

const hasHtml = (u: FixtureUser): boolean => /[<>&"]/.test(`${u.NAME}${u.LAST_NAME}${u.WORK_POSITION}`)

export function choosePersonas(fixtures: Fixtures): Personas {
  const real = fixtures.users.filter((u) => u.EXTERNAL_AUTH_ID === null)
  const admin = real.find((u) => u.isAdmin)?.ID ?? real[0]?.ID ?? 1
  const heads = new Set(fixtures.departments.map((d) => d.UF_HEAD).filter((h): h is number => h !== null))
  const byId = new Map(real.map((u) => [u.ID, u]))
  const hasChildren = new Set(fixtures.departments.map((d) => d.PARENT).filter((p): p is number => p !== null))

  const level2 = fixtures.departments.filter((d) => d.PARENT === 1)
  const head =
    level2.map((d) => (d.UF_HEAD !== null ? byId.get(d.UF_HEAD) : undefined)).find((u) => u && u.ACTIVE && u.ID !== admin)?.ID ??
    [...heads].find((id) => id !== admin && byId.get(id)?.ACTIVE) ??
    admin

  const complete = (u: FixtureUser): boolean =>
    u.USER_TYPE === 'employee' && u.ACTIVE && !u.isAdmin && !heads.has(u.ID) && !hasHtml(u) &&
    u.UF_DEPARTMENT.length === 1 && !hasChildren.has(u.UF_DEPARTMENT[0] as number) &&
    !!u.PERSONAL_PHOTO && !!u.WORK_POSITION && !!u.WORK_PHONE && !!u.PERSONAL_MOBILE && !!u.PERSONAL_BIRTHDAY &&
    !!u.UF_EMPLOYMENT_DATE && u.LAST_LOGIN !== null && !!u.TIME_ZONE && !u.dbNulls?.length
  const ordinary = (u: FixtureUser): boolean =>
    u.USER_TYPE === 'employee' && u.ACTIVE && !u.isAdmin && !heads.has(u.ID) && u.UF_DEPARTMENT.length > 0
  const employee =
    real.find((u) => complete(u) && u.socialGroups.length > 0)?.ID ?? real.find(complete)?.ID ?? real.find(ordinary)?.ID ?? admin

  const extranet =
    real.find((u) => u.USER_TYPE === 'extranet' && u.ACTIVE && u.socialGroups.length > 0)?.ID ??
    real.find((u) => u.USER_TYPE === 'extranet')?.ID ??
    admin

  return { admin, head, employee, extranet }
}
