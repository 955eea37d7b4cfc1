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
  if (code === 'ACCESS_DENIED' || code === 'WRONG_AUTH_TYPE' || code === 'user_access_error') return 'admin'
  if (code === 'insufficient_scope') return 'scope'
  if (code.startsWith('ERROR_WRONG_HANDLER') || code === 'ERROR_UNSUPPORTED_PROTOCOL' || code === 'ERROR_PLACEMENT_NOT_FOUND') {
    return 'handler'
  }
  return 'retry'
}
