/**
 * The documented error codes (portal-protocol.md §2.3, docs `_includes/system-errors.md`) with their HTTP
 * status and description. Where the public core code answers differently from the docs, the `code` column
 * holds the code's status; PortalConfig.authErrorStatus picks the column.
 */
export interface ErrorSpec {
  status: number
  /** the public core code's status, where it differs from the docs */
  codeStatus?: number
  description: string
}

const ERRORS: Record<string, ErrorSpec> = {
  INTERNAL_SERVER_ERROR: { status: 500, description: 'Internal server error' },
  ERROR_UNEXPECTED_ANSWER: { status: 500, description: 'Server returned an unexpected response' },
  QUERY_LIMIT_EXCEEDED: { status: 503, description: 'Too many requests' },
  OPERATION_TIME_LIMIT: { status: 429, description: 'Method is blocked due to operation time limit.' },
  ERROR_BATCH_METHOD_NOT_ALLOWED: { status: 405, description: 'Method is not allowed for batch usage' },
  ERROR_BATCH_LENGTH_EXCEEDED: { status: 400, description: 'Max batch length exceeded' },
  NO_AUTH_FOUND: { status: 401, description: 'Wrong authorization data' },
  INVALID_REQUEST: { status: 400, codeStatus: 401, description: 'Https required.' },
  OVERLOAD_LIMIT: { status: 503, description: 'REST API is blocked due to overload.' },
  ACCESS_DENIED: { status: 403, description: 'Access denied!' },
  INVALID_CREDENTIALS: { status: 403, codeStatus: 401, description: 'Invalid request credentials' },
  ERROR_MANIFEST_IS_NOT_AVAILABLE: { status: 404, description: 'Manifest is not available' },
  insufficient_scope: { status: 403, codeStatus: 401, description: 'The request requires higher privileges than provided by the access token' },
  expired_token: { status: 401, description: 'The access token provided has expired' },
  // wording not seen in public sources (portal-protocol.md §8)
  invalid_token: { status: 401, description: 'The access token provided is invalid' },
  authorization_error: { status: 401, description: 'Unable to authorize user' },
  user_access_error: { status: 403, codeStatus: 401, description: 'The user does not have access to the application.' },
  PORTAL_DELETED: { status: 500, codeStatus: 403, description: 'Portal was deleted' },
  ERROR_METHOD_NOT_FOUND: { status: 404, description: 'Method not found!' },
  METHOD_CONFIRM_WAITING: { status: 401, description: 'Waiting for confirmation' },
  METHOD_CONFIRM_DENIED: { status: 403, description: 'Method call denied' },
  WRONG_AUTH_TYPE: { status: 403, description: 'Current authorization type is denied for this method' },
  ERROR_ARGUMENT: { status: 400, description: 'Invalid argument' },
  ERROR_CORE: { status: 400, description: 'Internal error' },
  ERROR_ENTITY_NOT_FOUND: { status: 400, description: 'Entity not found' },
  INVALID_ARG_VALUE: { status: 400, description: 'Invalid argument value' },
}

/** Status and description of a code; unknown codes are domain errors: 400, like any RestException. */
export function errorSpec(code: string, authErrorStatus: 'docs' | 'code'): { status: number; description: string } {
  const spec = ERRORS[code]
  if (!spec) return { status: 400, description: code }
  const status = authErrorStatus === 'code' && spec.codeStatus !== undefined ? spec.codeStatus : spec.status
  return { status, description: spec.description }
}
