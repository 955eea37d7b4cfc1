/**
 * A failed Bitrix24 REST call, whatever layer it failed in (portal error envelope, SDK, network).
 * `code` is the portal's `error` (e.g. insufficient_scope) or the SDK's code (e.g. NETWORK_ERROR).
 */
export class RestError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly description: string,
    readonly method: string,
    /** what the SDK, the network or the portal threw, kept for whoever debugs it */
    options?: { cause?: unknown },
  ) {
    super(`${method}: ${code}${description ? ` (${description})` : ''}`, options)
    this.name = 'RestError'
  }
}

/** Turns whatever the SDK threw or reported into a RestError. Never copies request params (they hold the token). */
export function toRestError(error: unknown, method: string): RestError {
  if (error instanceof RestError) return error
  const e = (error ?? {}) as { code?: unknown; status?: unknown; message?: unknown; description?: unknown }
  const code = typeof e.code === 'string' && e.code ? e.code : 'UNKNOWN_ERROR'
  const status = typeof e.status === 'number' ? e.status : 0
  const text = typeof e.description === 'string' ? e.description : typeof e.message === 'string' ? e.message : ''
  return new RestError(code, status, text, method, { cause: error })
}

/**
 * The portal blocked the method for the app (HTTP 429, or OPERATION_TIME_LIMIT per command inside a batch):
 * asking again before its window moves only fails again. Source: portal-protocol.md §5 (limits).
 */
export function isOperatingLimit(error: RestError): boolean {
  return error.code === 'OPERATION_TIME_LIMIT' || error.status === 429
}
