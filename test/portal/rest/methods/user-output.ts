/**
 * Which user fields a scope may see and how each is encoded (rest/lib/api/user.php getUserData,
 * portal-protocol.md §3.1, §3.2 "Output per user"). Keys come in allowed-list order; NULL values are
 * omitted, empty strings kept.
 */
import type { FixtureUser } from '../../types'
import { dbDateTime, isoServer, isoServerDate, siteDateTime } from '../dates'

const dedupe = (list: string[]): string[] => [...new Set(list)]

/** scope `user`: the default allowed list (duplicates in the PHP list collapse) plus USER_TYPE (intranet). */
export const USER_FIELDS = dedupe([
  'ID', 'XML_ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'TITLE', 'EMAIL', 'LAST_LOGIN', 'DATE_REGISTER',
  'TIME_ZONE', 'IS_ONLINE', 'TIMESTAMP_X', 'LAST_ACTIVITY_DATE', 'PERSONAL_GENDER', 'PERSONAL_PROFESSION',
  'PERSONAL_WWW', 'PERSONAL_BIRTHDAY', 'PERSONAL_PHOTO', 'PERSONAL_ICQ', 'PERSONAL_PHONE', 'PERSONAL_FAX',
  'PERSONAL_MOBILE', 'PERSONAL_PAGER', 'PERSONAL_STREET', 'PERSONAL_CITY', 'PERSONAL_STATE', 'PERSONAL_ZIP',
  'PERSONAL_COUNTRY', 'PERSONAL_MAILBOX', 'PERSONAL_NOTES', 'WORK_PHONE', 'WORK_COMPANY', 'WORK_POSITION',
  'WORK_DEPARTMENT', 'WORK_WWW', 'WORK_FAX', 'WORK_PAGER', 'WORK_STREET', 'WORK_MAILBOX', 'WORK_CITY', 'WORK_STATE',
  'WORK_ZIP', 'WORK_COUNTRY', 'WORK_PROFILE', 'WORK_LOGO', 'WORK_NOTES', 'UF_SKYPE_LINK', 'UF_ZOOM',
  'UF_EMPLOYMENT_DATE', 'UF_TIMEMAN', 'UF_DEPARTMENT', 'UF_INTERESTS', 'UF_SKILLS', 'UF_WEB_SITES', 'UF_XING',
  'UF_LINKEDIN', 'UF_FACEBOOK', 'UF_TWITTER', 'UF_SKYPE', 'UF_DISTRICT', 'UF_PHONE_INNER', 'USER_TYPE',
])

/** scope `user_basic`: contacts, no LAST_LOGIN / PERSONAL_WWW / ICQ */
const USER_BASIC_FIELDS = dedupe([
  'ID', 'XML_ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'TITLE', 'EMAIL', 'PERSONAL_PHONE', 'WORK_PHONE',
  'WORK_POSITION', 'WORK_COMPANY', 'IS_ONLINE', 'TIME_ZONE', 'TIMESTAMP_X', 'DATE_REGISTER', 'LAST_ACTIVITY_DATE',
  'PERSONAL_PROFESSION', 'PERSONAL_GENDER', 'PERSONAL_BIRTHDAY', 'PERSONAL_PHOTO', 'PERSONAL_FAX', 'PERSONAL_MOBILE',
  'PERSONAL_PAGER', 'PERSONAL_STREET', 'PERSONAL_MAILBOX', 'PERSONAL_CITY', 'PERSONAL_STATE', 'PERSONAL_ZIP',
  'PERSONAL_COUNTRY', 'PERSONAL_NOTES', 'WORK_DEPARTMENT', 'WORK_WWW', 'WORK_FAX', 'WORK_PAGER', 'WORK_STREET',
  'WORK_MAILBOX', 'WORK_CITY', 'WORK_STATE', 'WORK_ZIP', 'WORK_COUNTRY', 'WORK_PROFILE', 'WORK_LOGO', 'WORK_NOTES',
  'UF_DEPARTMENT', 'UF_DISTRICT', 'UF_SKYPE', 'UF_SKYPE_LINK', 'UF_ZOOM', 'UF_TWITTER', 'UF_FACEBOOK', 'UF_LINKEDIN',
  'UF_XING', 'UF_WEB_SITES', 'UF_PHONE_INNER', 'UF_EMPLOYMENT_DATE', 'UF_TIMEMAN', 'UF_SKILLS', 'UF_INTERESTS',
  'USER_TYPE',
])

/** scope `user_brief`: names and work info, no contacts */
const USER_BRIEF_FIELDS = [
  'ID', 'XML_ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'TITLE', 'IS_ONLINE', 'TIME_ZONE', 'TIMESTAMP_X',
  'DATE_REGISTER', 'PERSONAL_PROFESSION', 'PERSONAL_GENDER', 'PERSONAL_BIRTHDAY', 'PERSONAL_PHOTO', 'PERSONAL_CITY',
  'PERSONAL_STATE', 'PERSONAL_COUNTRY', 'WORK_POSITION', 'WORK_CITY', 'WORK_STATE', 'WORK_COUNTRY',
  'LAST_ACTIVITY_DATE', 'UF_EMPLOYMENT_DATE', 'UF_TIMEMAN', 'UF_SKILLS', 'UF_INTERESTS', 'UF_DEPARTMENT',
  'UF_PHONE_INNER', 'USER_TYPE',
]

export const USER_SCOPES = ['user', 'user_basic', 'user_brief']

/** The full `user` list wins, then `user_basic`, then `user_brief`. */
export function allowedFields(scopes: readonly string[]): string[] {
  if (scopes.includes('user')) return USER_FIELDS
  if (scopes.includes('user_basic')) return USER_BASIC_FIELDS
  if (scopes.includes('user_brief')) return USER_BRIEF_FIELDS
  return []
}

/** SELECT: missing, empty or with `*` → everything allowed; else the intersection (+ all UF_ for `UF_*`). */
export function selectFields(allowed: string[], select: unknown): string[] {
  const wanted = Array.isArray(select) ? select : select && typeof select === 'object' ? Object.values(select) : null
  if (!wanted || !wanted.length || wanted.includes('*')) return allowed
  const chosen = allowed.filter((f) => wanted.includes(f))
  if (wanted.includes('UF_*')) chosen.push(...allowed.filter((f) => f.startsWith('UF_')))
  return dedupe(chosen)
}

/** Labels of user.fields (English portal); fields without a label come back as their code. */
export const FIELD_LABELS: Record<string, string> = {
  XML_ID: 'External ID', ACTIVE: 'Active', NAME: 'First name', LAST_NAME: 'Last name', SECOND_NAME: 'Second name',
  TITLE: 'Salutation', EMAIL: 'E-Mail', LAST_LOGIN: 'Last login', DATE_REGISTER: 'Registered on',
  TIMESTAMP_X: 'Modified', PERSONAL_GENDER: 'Gender', PERSONAL_PROFESSION: 'Profession', PERSONAL_WWW: 'Personal website',
  PERSONAL_BIRTHDAY: 'Date of birth', PERSONAL_PHOTO: 'Photo', PERSONAL_ICQ: 'ICQ', PERSONAL_PHONE: 'Phone',
  PERSONAL_FAX: 'Fax', PERSONAL_MOBILE: 'Mobile', PERSONAL_PAGER: 'Pager', PERSONAL_STREET: 'Street address',
  PERSONAL_CITY: 'City', PERSONAL_STATE: 'Region / State', PERSONAL_ZIP: 'Zip', PERSONAL_COUNTRY: 'Country',
  PERSONAL_MAILBOX: 'Mailbox', PERSONAL_NOTES: 'Additional notes', WORK_PHONE: 'Phone', WORK_COMPANY: 'Company',
  WORK_POSITION: 'Position', WORK_DEPARTMENT: 'Department', WORK_WWW: 'Company website', WORK_FAX: 'Fax',
  WORK_PAGER: 'Pager', WORK_STREET: 'Street address', WORK_MAILBOX: 'Mailbox', WORK_CITY: 'City',
  WORK_STATE: 'Region / State', WORK_ZIP: 'Zip', WORK_COUNTRY: 'Country', WORK_PROFILE: 'Company profile',
  WORK_LOGO: 'Company logo', WORK_NOTES: 'Additional notes', UF_SKYPE_LINK: 'Skype chat link', UF_ZOOM: 'Zoom',
  UF_EMPLOYMENT_DATE: 'Employment date', UF_TIMEMAN: 'Time tracking', UF_DEPARTMENT: 'Departments',
  UF_INTERESTS: 'Interests', UF_SKILLS: 'Skills', UF_WEB_SITES: 'Other websites', UF_XING: 'Xing',
  UF_LINKEDIN: 'LinkedIn', UF_FACEBOOK: 'Facebook', UF_TWITTER: 'Twitter', UF_SKYPE: 'Skype', UF_DISTRICT: 'District',
  UF_PHONE_INNER: 'Extension number',
}

/** A field as the database holds it: '' of an untouched profile is NULL; fields the fixtures lack are NULL. */
export function stored(u: FixtureUser, field: string): unknown {
  const value = (u as unknown as Record<string, unknown>)[field]
  if (value === undefined) return null
  if (value === '' && u.dbNulls?.includes(field)) return null
  return value
}

const RESIZE: Record<string, number> = { small: 150, medium: 300, large: 1000 }

export interface OutputOptions {
  /** user.current reads through CUser::GetByID: datetimes stay site-format strings there */
  current?: boolean
  /** IMAGE_RESIZE preset */
  resize?: unknown
}

/**
 * One user as user.get/user.current send it. No field at all encodes as `[]` (a PHP empty array),
 * which is what a `select` without any allowed field gives.
 */
export function formatUser(u: FixtureUser, fields: readonly string[], opts: OutputOptions = {}): Record<string, unknown> | [] {
  const out: Record<string, unknown> = {}
  for (const key of fields) {
    const value = stored(u, key)
    switch (key) {
      case 'ID':
        out.ID = String(u.ID)
        break
      case 'ACTIVE':
        out.ACTIVE = u.ACTIVE
        break
      case 'IS_ONLINE':
        out.IS_ONLINE = u.IS_ONLINE ? 'Y' : 'N'
        break
      // ConvertDate / ConvertDateTime always answer, "" when empty
      case 'PERSONAL_BIRTHDAY':
      case 'DATE_REGISTER':
      case 'UF_EMPLOYMENT_DATE':
        out[key] = typeof value === 'string' && value ? isoServerDate(key === 'DATE_REGISTER' ? Date.parse(value) : value) : ''
        break
      case 'LAST_LOGIN':
        out.LAST_LOGIN = typeof value === 'string' && value ? isoServer(Date.parse(value)) : ''
        break
      case 'TIMESTAMP_X':
      case 'LAST_ACTIVITY_DATE':
        if (typeof value !== 'string' || !value) break
        // user.get: a DateTime object json-encodes as {} (the documented quirk); user.current: strings
        out[key] = opts.current ? (key === 'TIMESTAMP_X' ? siteDateTime(Date.parse(value)) : dbDateTime(Date.parse(value))) : {}
        break
      case 'UF_DEPARTMENT':
        out.UF_DEPARTMENT = [...u.UF_DEPARTMENT]
        break
      case 'PERSONAL_PHOTO': {
        if (typeof value !== 'string' || !value) break
        const size = typeof opts.resize === 'string' ? RESIZE[opts.resize] : undefined
        out.PERSONAL_PHOTO = size ? `${value}?resize=${size}x${size}` : value
        break
      }
      default:
        if (value !== null) out[key] = value
    }
  }
  // nothing to send is a PHP empty array, which json_encode writes as []
  return Object.keys(out).length ? out : []
}
