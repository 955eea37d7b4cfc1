/**
 * Editing one person the way the portal's CUser::Update does it (POST /_portal/api/people/update, dismissals):
 * the record's TIMESTAMP_X moves to now, which is what an app syncing "what changed since" filters on
 * (`>=TIMESTAMP_X`). Sign-in and activity are written with `TIMESTAMP_X = TIMESTAMP_X` by the core
 * (CUser::Login, the login-attempt counter), so an edit of only LAST_LOGIN / LAST_ACTIVITY_DATE / IS_ONLINE
 * leaves it where it was. An explicit TIMESTAMP_X in the edit wins, so a test can plant any value.
 */
import type { FixtureUser, PersonFields, UserType } from '../types'
import { isoSeconds } from './people'

type Kind = 'string' | 'gender' | 'date?' | 'url?' | 'datetime' | 'datetime?' | 'bool' | 'departments' | 'userType'

/** The user record's fields a test may edit, and what each holds. ID, EXTERNAL_AUTH_ID and the group links are not editable. */
const KINDS: Record<string, Kind> = {
  XML_ID: 'string', NAME: 'string', LAST_NAME: 'string', SECOND_NAME: 'string', TITLE: 'string', EMAIL: 'string',
  LOGIN: 'string', PERSONAL_PHONE: 'string', PERSONAL_MOBILE: 'string', PERSONAL_CITY: 'string',
  PERSONAL_COUNTRY: 'string', WORK_PHONE: 'string', WORK_POSITION: 'string', WORK_COMPANY: 'string',
  WORK_CITY: 'string', WORK_COUNTRY: 'string', UF_PHONE_INNER: 'string', UF_SKILLS: 'string', UF_INTERESTS: 'string',
  TIME_ZONE: 'string', PERSONAL_GENDER: 'gender', PERSONAL_BIRTHDAY: 'date?', UF_EMPLOYMENT_DATE: 'date?',
  PERSONAL_PHOTO: 'url?', DATE_REGISTER: 'datetime', TIMESTAMP_X: 'datetime', LAST_LOGIN: 'datetime?',
  LAST_ACTIVITY_DATE: 'datetime?', ACTIVE: 'bool', IS_ONLINE: 'bool', UF_DEPARTMENT: 'departments', USER_TYPE: 'userType',
}

/** written by sign-in and activity tracking, which keep TIMESTAMP_X */
const ACTIVITY_FIELDS = new Set(['LAST_LOGIN', 'LAST_ACTIVITY_DATE', 'IS_ONLINE'])

const EDITABLE_FIELDS = Object.keys(KINDS)

/** One field's value checked and brought to the fixture form (ISO datetimes in UTC seconds); throws on a bad value. */
function checkValue(field: string, kind: Kind, v: unknown, departmentExists: (id: number) => boolean): unknown {
  const fail = (what: string): never => {
    throw new Error(`${field}: ${what}`)
  }
  const datetime = (x: unknown): string => {
    const ms = typeof x === 'string' ? Date.parse(x) : NaN
    return Number.isNaN(ms) ? fail('an ISO 8601 datetime, e.g. 2026-11-30T08:00:00+03:00') : isoSeconds(ms)
  }
  switch (kind) {
    case 'string':
      return typeof v === 'string' ? v : fail('a string')
    case 'gender':
      return v === 'M' || v === 'F' || v === '' ? v : fail("'M', 'F' or ''")
    case 'date?':
      return v === null || (typeof v === 'string' && /^\d{4}-\d\d-\d\d$/.test(v)) ? v : fail('YYYY-MM-DD or null')
    case 'url?':
      return v === null || typeof v === 'string' ? v : fail('a URL or null')
    case 'datetime':
      return datetime(v)
    case 'datetime?':
      return v === null ? null : datetime(v)
    case 'bool':
      return typeof v === 'boolean' ? v : fail('true or false')
    case 'departments':
      if (!Array.isArray(v) || !v.every((d) => Number.isInteger(d) && departmentExists(d as number))) fail('a list of existing department ids')
      return [...new Set(v as number[])]
    case 'userType':
      return v === 'employee' || v === 'extranet' || v === 'email' ? (v as UserType) : fail("'employee', 'extranet' or 'email'")
  }
}

/** The edit as the control API received it, checked field by field; throws with a message naming the field. */
export function checkPersonFields(raw: unknown, departmentExists: (id: number) => boolean): PersonFields {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw new Error('fields: an object of user fields')
  const out: Record<string, unknown> = {}
  for (const [field, value] of Object.entries(raw)) {
    const kind = KINDS[field]
    if (!kind) throw new Error(`${field}: not an editable field (one of ${EDITABLE_FIELDS.join(', ')})`)
    out[field] = checkValue(field, kind, value, departmentExists)
  }
  if (!Object.keys(out).length) throw new Error('fields: nothing to change')
  return out as PersonFields
}

/** Applies a checked edit in place and stamps TIMESTAMP_X (see the file comment). Returns the changed field names. */
export function applyPersonEdit(u: FixtureUser, fields: PersonFields, now = Date.now()): string[] {
  const record = u as unknown as Record<string, unknown>
  const changed = Object.keys(fields).filter((f) => f !== 'TIMESTAMP_X')
  for (const f of changed) record[f] = (fields as Record<string, unknown>)[f]
  // a dismissed person is signed out everywhere
  if (fields.ACTIVE === false) u.IS_ONLINE = false
  // the database now holds what was written, an empty string included, not NULL
  if (u.dbNulls) {
    u.dbNulls = u.dbNulls.filter((f) => !changed.includes(f))
    if (!u.dbNulls.length) delete u.dbNulls
  }
  if (fields.TIMESTAMP_X !== undefined) u.TIMESTAMP_X = fields.TIMESTAMP_X
  else if (changed.some((f) => !ACTIVITY_FIELDS.has(f))) u.TIMESTAMP_X = isoSeconds(now)
  return changed
}
