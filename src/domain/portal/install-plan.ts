/** The placements the installer binds: a person's profile toolbar and the viewer's own profile menu. */
export const PROFILE_PLACEMENTS = ['USER_PROFILE_TOOLBAR', 'USER_PROFILE_MENU'] as const

/**
 * The address the portal opens for a placement: where the app itself is served, without the query the
 * portal added (DOMAIN, APP_SID …) and without the view state after the #.
 */
export function handlerUrl(location: { origin: string; pathname: string }): string {
  return `${location.origin}${location.pathname}`
}

/** What the installer tells an admin to do about an error, by the portal's error code. */
export type InstallAdvice = 'admin' | 'scope' | 'handler' | 'retry'

export function adviceFor(code: string): InstallAdvice {
  if (['ACCESS_DENIED', 'WRONG_AUTH_TYPE', 'user_access_error', 'ERROR_PLACEMENT_USER_MODE'].includes(code)) return 'admin'
  if (code === 'insufficient_scope') return 'scope'
  const refused = ['ERROR_UNSUPPORTED_PROTOCOL', 'ERROR_PLACEMENT_NOT_FOUND', 'ERROR_PLACEMENT_MAX_COUNT', 'ERROR_ARGUMENT']
  if (code.startsWith('ERROR_WRONG_HANDLER') || refused.includes(code)) {
    return 'handler'
  }
  return 'retry'
}
