/**
 * Parsing of app → portal messages (portal-protocol.md 1.2 and 7.2 "Message handling").
 *
 * String form: `method ":" paramsJSON ":" callbackId ":" appSid`, split with the keep-the-middle rule, so params
 * JSON may itself contain ':'. Object form (newer portals, SDK commands containing ':'):
 * `{method, params, callback, appSid}`.
 */

export interface FrameMessage {
  method: string
  /** parsed params: an object, `[]` when absent, or the raw string when it is not JSON (singleOption) */
  args: unknown
  /** the raw params segment ('' when absent) */
  rawParams: string
  callback: string
  appSid: string
  form: 'string' | 'object'
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value) as unknown
  return proto === Object.prototype || proto === null
}

/** Returns null for anything the portal would drop (wrong type, too few parts, no method). */
export function parseFrameMessage(data: unknown): FrameMessage | null {
  if (typeof data === 'string') {
    const parts = data.split(':')
    if (parts.length < 3) return null
    const method = parts[0] ?? ''
    const rawParams = parts.slice(1, -2).join(':')
    const callback = parts[parts.length - 2] ?? ''
    const appSid = parts[parts.length - 1] ?? ''
    if (!method) return null
    return { method, args: parseArgs(rawParams), rawParams, callback, appSid, form: 'string' }
  }
  if (isPlainObject(data)) {
    const method = typeof data.method === 'string' ? data.method : ''
    if (!method) return null
    const params = data.params
    return {
      method,
      args: params || [],
      rawParams: typeof params === 'string' ? params : safeStringify(params),
      callback: typeof data.callback === 'string' ? data.callback : data.callback == null ? '' : String(data.callback),
      appSid: typeof data.appSid === 'string' ? data.appSid : '',
      form: 'object',
    }
  }
  return null
}

function parseArgs(raw: string): unknown {
  if (!raw) return []
  try {
    return JSON.parse(raw) as unknown
  } catch {
    // singleOption / isRawValue senders pass a bare string; the real portal would throw here, we keep the text
    return raw
  }
}

function safeStringify(value: unknown): string {
  try {
    return JSON.stringify(value) ?? ''
  } catch {
    return ''
  }
}

/** Origin check of the real portal: exact match, or origin + ':' + explicit port of APP_URL. */
export function originAllowed(origin: string, appOrigin: string, appPort: string): boolean {
  if (origin === appOrigin) return true
  return appPort !== '' && origin + ':' + appPort === appOrigin
}

/** `args` as an object (commands whose args are `[]` or a string get `{}`). */
export function argsObject(args: unknown): Record<string, unknown> {
  return isPlainObject(args) ? args : {}
}
