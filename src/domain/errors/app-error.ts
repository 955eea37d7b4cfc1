/**
 * Every way a Bitrix24 call can fail, as one kind of error the app knows how to talk about: what happened,
 * whether trying again can help, and who can fix it. Codes come from the portal's error envelopes, the SDK,
 * the network, and the app's own checks.
 */
export type ErrorKind =
  /** the portal is busy or the network dropped: waiting and trying again helps */
  | 'transient'
  /** the sign-in to Bitrix24 is gone: reopening the app helps */
  | 'session'
  /** the app lacks a permission (scope) an administrator can grant */
  | 'scope'
  /** the viewer may not do this, or the app is not available to them */
  | 'access'
  /** the portal itself cannot serve the app (plan, deleted portal, manifest) */
  | 'portal'
  /** the app asked for something the portal does not understand: a defect to report */
  | 'defect'

export interface AppError {
  code: string
  kind: ErrorKind
  /** trying the same thing again may work */
  retryable: boolean
  /** the message to show: `errors.<messageKey>.title` and `.action` */
  messageKey: string
}

const CODES: Record<string, { kind: ErrorKind; messageKey: string }> = {
  QUERY_LIMIT_EXCEEDED: { kind: 'transient', messageKey: 'busy' },
  OPERATION_TIME_LIMIT: { kind: 'transient', messageKey: 'busy' },
  OVERLOAD_LIMIT: { kind: 'transient', messageKey: 'overload' },
  INTERNAL_SERVER_ERROR: { kind: 'transient', messageKey: 'server' },
  ERROR_UNEXPECTED_ANSWER: { kind: 'transient', messageKey: 'server' },
  NETWORK_ERROR: { kind: 'transient', messageKey: 'network' },
  REQUEST_TIMEOUT: { kind: 'transient', messageKey: 'network' },
  'no-answer': { kind: 'transient', messageKey: 'noAnswer' },
  expired_token: { kind: 'session', messageKey: 'session' },
  invalid_token: { kind: 'session', messageKey: 'session' },
  NO_AUTH_FOUND: { kind: 'session', messageKey: 'session' },
  JSSDK_FRAME_REFRESH_AUTH_TIMEOUT: { kind: 'session', messageKey: 'session' },
  INVALID_CREDENTIALS: { kind: 'session', messageKey: 'credentials' },
  insufficient_scope: { kind: 'scope', messageKey: 'scope' },
  ACCESS_DENIED: { kind: 'access', messageKey: 'accessDenied' },
  user_access_error: { kind: 'access', messageKey: 'userAccess' },
  PORTAL_DELETED: { kind: 'portal', messageKey: 'portalDeleted' },
  ERROR_MANIFEST_IS_NOT_AVAILABLE: { kind: 'portal', messageKey: 'manifest' },
  INVALID_REQUEST: { kind: 'portal', messageKey: 'https' },
  ERROR_METHOD_NOT_FOUND: { kind: 'defect', messageKey: 'methodNotFound' },
  ERROR_BATCH_METHOD_NOT_ALLOWED: { kind: 'defect', messageKey: 'defect' },
  ERROR_BATCH_LENGTH_EXCEEDED: { kind: 'defect', messageKey: 'defect' },
  CURSOR_STUCK: { kind: 'defect', messageKey: 'defect' },
}

/** The codes the app knows by name; anything else is read by its HTTP status. */
export const KNOWN_ERROR_CODES = Object.keys(CODES)

export function toAppError(code: string, status = 0): AppError {
  const known = CODES[code]
  if (known) return { code, ...known, retryable: known.kind === 'transient' }
  // unknown codes: 5xx and no status at all are passing trouble, 4xx are not
  if (status >= 500) return { code, kind: 'transient', messageKey: 'server', retryable: true }
  if (status === 401) return { code, kind: 'session', messageKey: 'session', retryable: false }
  if (status === 403) return { code, kind: 'access', messageKey: 'accessDenied', retryable: false }
  return { code, kind: 'defect', messageKey: 'defect', retryable: false }
}
