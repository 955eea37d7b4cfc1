/**
 * What the scopes granted to the app let the directory show. `user_brief` has no e-mail or phones,
 * `user_basic` adds them, only `user` has the last login; departments need `department`.
 */
export interface ScopeAccess {
  /** false when the portal did not say which scopes it granted; then the app asks and shows what comes */
  known: boolean
  contacts: boolean
  lastLogin: boolean
  departments: boolean
}

export function scopeAccess(scopes: readonly string[] | null): ScopeAccess {
  if (!scopes) return { known: false, contacts: true, lastLogin: false, departments: true }
  const has = (scope: string) => scopes.includes(scope)
  return {
    known: true,
    contacts: has('user') || has('user_basic'),
    lastLogin: has('user'),
    departments: has('department'),
  }
}

/** Fields every user scope allows. */
const BRIEF_FIELDS = [
  'ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'PERSONAL_PHOTO', 'WORK_POSITION', 'UF_PHONE_INNER',
  'PERSONAL_CITY', 'WORK_CITY', 'UF_DEPARTMENT', 'TIME_ZONE', 'IS_ONLINE', 'USER_TYPE', 'PERSONAL_BIRTHDAY',
  'UF_EMPLOYMENT_DATE', 'DATE_REGISTER', 'LAST_ACTIVITY_DATE',
]
const CONTACT_FIELDS = ['EMAIL', 'WORK_PHONE', 'PERSONAL_MOBILE']

/** The `select` of the directory's user.get: only the fields it shows, within the granted scope. */
export function directorySelect(access: ScopeAccess): string[] {
  return access.contacts ? [...BRIEF_FIELDS, ...CONTACT_FIELDS] : [...BRIEF_FIELDS]
}

/** The admin views' `select`: the directory's fields, plus the last login where the scope has it. */
export function adminSelect(access: ScopeAccess): string[] {
  return access.lastLogin ? [...directorySelect(access), 'LAST_LOGIN'] : directorySelect(access)
}
