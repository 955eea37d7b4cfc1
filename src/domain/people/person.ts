/** A user as `user.get` / `user.current` send it: every field optional, values as loose as real portals make them. */
export type RawUser = Record<string, unknown>

export type UserType = 'employee' | 'extranet' | 'other'

/** A person as the directory shows them. Built only by `toPerson`; every field is safe to render as text. */
export interface Person {
  id: number
  active: boolean
  firstName: string
  lastName: string
  secondName: string
  /** "First Second Last" without empty parts; falls back to the e-mail or #ID */
  fullName: string
  email: string
  photo: string
  position: string
  workPhone: string
  mobilePhone: string
  innerPhone: string
  city: string
  departmentIds: number[]
  timeZone: string
  online: boolean
  userType: UserType
  /** YYYY-MM-DD or '' */
  birthday: string
  /** YYYY-MM-DD or '' */
  employmentDate: string
  /** YYYY-MM-DD or '': when the account was created, the fallback for "new" when no employment date is set */
  registeredAt: string
  /** a date-time Date can read, or '': last activity, when the portal sends it as text (user.get often sends {}) */
  lastActivity: string
  /**
   * a date-time Date can read, or '': the last login. Only the `user` scope sends LAST_LOGIN, so '' means
   * "never logged in" only when that scope was granted (see ScopeAccess.lastLogin).
   */
  lastLogin: string
}

/** Portals send strings, numbers, null, and `{}` for some dates: only real strings and numbers count. */
function text(value: unknown): string {
  if (typeof value === 'string') return value.trim()
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  return ''
}

function flag(value: unknown): boolean {
  return value === true || value === 'Y' || value === 'y' || value === 1 || value === '1'
}

function ids(value: unknown): number[] {
  const list = Array.isArray(value) ? value : value === undefined || value === null || value === '' ? [] : [value]
  return list.map((v) => Number(v)).filter((n) => Number.isInteger(n) && n > 0)
}

/** "2024-07-15T00:00:00+03:00" → "2024-07-15"; anything unparseable → ''. */
function isoDate(value: unknown): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(text(value))
  return match ? `${match[1]}-${match[2]}-${match[3]}` : ''
}

/**
 * A date and time in any of the shapes portals send: ISO 8601, "2024-07-23 08:08:50" or the site format
 * "24.08.2023 13:19:39". Minutes are enough; anything else gives ''.
 */
function dateTime(value: unknown): string {
  const raw = text(value)
  // with an offset the moment is exact: keep it whole for Date to read
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)$/.test(raw)) return raw
  const iso = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})/.exec(raw)
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}T${iso[4]}:${iso[5]}`
  const site = /^(\d{2})\.(\d{2})\.(\d{4}) (\d{2}):(\d{2})/.exec(raw)
  return site ? `${site[3]}-${site[2]}-${site[1]}T${site[4]}:${site[5]}` : ''
}

/** Only http(s) URLs may become an image source. */
function photoUrl(value: unknown): string {
  const url = text(value)
  return /^https?:\/\//i.test(url) ? url : ''
}

function userType(value: unknown): UserType {
  const type = text(value).toLowerCase()
  if (type === 'extranet') return 'extranet'
  if (type === 'employee' || type === '') return 'employee'
  return 'other'
}

/** When the person joined: the employment date, or the day their account was made when none is set. */
export function joinedOn(person: Person): string {
  return person.employmentDate || person.registeredAt
}

/**
 * When the person was last seen in the portal: the later of their last activity and last login, as a time
 * in milliseconds, or null when neither is known.
 */
export function lastSeenAt(person: Person): number | null {
  const times = [person.lastActivity, person.lastLogin].map((value) => (value ? Date.parse(value) : NaN))
  const known = times.filter((time) => Number.isFinite(time))
  return known.length ? Math.max(...known) : null
}

/** Maps one raw user.get / user.current record; returns null when it has no usable ID. */
export function toPerson(raw: RawUser): Person | null {
  const id = Number(raw.ID)
  if (!Number.isInteger(id) || id <= 0) return null
  const firstName = text(raw.NAME)
  const lastName = text(raw.LAST_NAME)
  const secondName = text(raw.SECOND_NAME)
  const email = text(raw.EMAIL)
  const fullName = [firstName, secondName, lastName].filter(Boolean).join(' ') || email || `#${id}`
  return {
    id,
    // user.get sends a boolean; older answers and user.current may send 'Y'/'N'. Missing means active.
    active: raw.ACTIVE === undefined ? true : flag(raw.ACTIVE),
    firstName,
    lastName,
    secondName,
    fullName,
    email,
    photo: photoUrl(raw.PERSONAL_PHOTO),
    position: text(raw.WORK_POSITION),
    workPhone: text(raw.WORK_PHONE),
    mobilePhone: text(raw.PERSONAL_MOBILE),
    innerPhone: text(raw.UF_PHONE_INNER),
    city: text(raw.WORK_CITY) || text(raw.PERSONAL_CITY),
    departmentIds: ids(raw.UF_DEPARTMENT),
    timeZone: text(raw.TIME_ZONE),
    online: flag(raw.IS_ONLINE),
    userType: userType(raw.USER_TYPE),
    birthday: isoDate(raw.PERSONAL_BIRTHDAY),
    employmentDate: isoDate(raw.UF_EMPLOYMENT_DATE),
    registeredAt: isoDate(raw.DATE_REGISTER),
    lastActivity: dateTime(raw.LAST_ACTIVITY_DATE),
    lastLogin: dateTime(raw.LAST_LOGIN),
  }
}

const PERSON_TEXT_FIELDS = [
  'firstName', 'lastName', 'secondName', 'fullName', 'email', 'photo', 'position', 'workPhone', 'mobilePhone',
  'innerPhone', 'city', 'timeZone', 'birthday', 'employmentDate', 'registeredAt', 'lastActivity', 'lastLogin',
] as const satisfies readonly (keyof Person)[]

/**
 * Whether a value read back from the device is a whole Person of today's shape: a record saved by an older
 * version, or damaged on the device, must never reach the screen.
 */
export function isPerson(value: unknown): value is Person {
  if (!value || typeof value !== 'object') return false
  const p = value as Record<string, unknown>
  return (
    Number.isInteger(p.id) && (p.id as number) > 0 &&
    typeof p.active === 'boolean' && typeof p.online === 'boolean' &&
    (p.userType === 'employee' || p.userType === 'extranet' || p.userType === 'other') &&
    Array.isArray(p.departmentIds) && p.departmentIds.every((id) => Number.isInteger(id) && id > 0) &&
    PERSON_TEXT_FIELDS.every((field) => typeof p[field] === 'string')
  )
}
