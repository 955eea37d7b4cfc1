/**
 * Request decoding as CRestUtil::getRequestData does it (portal-protocol.md §2.2, §7.3.2), plus the few
 * PHP value rules the methods depend on (intval, truthiness, array_change_key_case, string conversion).
 * PHP arrays become JS arrays when their keys are 0..n-1 in order (a "list"), objects otherwise.
 */

export type Params = Record<string, unknown>

/** PHP `is_array`: a JS array or a plain object (JSON objects decode to PHP arrays). */
export function isPhpArray(v: unknown): v is unknown[] | Record<string, unknown> {
  return Array.isArray(v) || (typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype)
}

export function phpValues(v: unknown): unknown[] {
  if (Array.isArray(v)) return v
  if (isPhpArray(v)) return Object.values(v)
  return []
}

export function phpEntries(v: unknown): [string, unknown][] {
  if (Array.isArray(v)) return v.map((x, i) => [String(i), x])
  if (isPhpArray(v)) return Object.entries(v)
  return []
}

/** PHP truthiness: false for null, false, 0, 0.0, '', '0' and empty arrays. */
export function phpTruthy(v: unknown): boolean {
  if (v === null || v === undefined || v === false || v === 0 || v === '' || v === '0') return false
  if (Array.isArray(v)) return v.length > 0
  if (isPhpArray(v)) return Object.keys(v).length > 0
  return true
}

/** PHP intval: leading integer of a string ('12abc' → 12, 'abc' → 0), arrays → 0 or 1. */
export function phpIntval(v: unknown): number {
  if (typeof v === 'number') return Number.isFinite(v) ? Math.trunc(v) : 0
  if (typeof v === 'boolean') return v ? 1 : 0
  if (typeof v === 'string') {
    const m = /^\s*([+-]?\d+)/.exec(v)
    return m ? Number(m[1]) : 0
  }
  if (isPhpArray(v)) return phpTruthy(v) ? 1 : 0
  return 0
}

/** PHP string conversion, as str_replace uses it: arrays become "Array", null "", true "1", false "". */
export function phpString(v: unknown): string {
  if (v === null || v === undefined || v === false) return ''
  if (v === true) return '1'
  if (typeof v === 'string') return v
  if (typeof v === 'number') return String(v)
  if (isPhpArray(v)) return 'Array'
  return String(v)
}

/** array_change_key_case(CASE_UPPER): when two keys fold together, the later one wins. */
export function upperKeys(o: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of phpEntries(o)) out[k.toUpperCase()] = v
  return out
}

/** PHP `isset`: present and not null. */
export const isset = (o: Record<string, unknown>, key: string): boolean => o[key] !== undefined && o[key] !== null

// ---------------------------------------------------------------------------------------------------
// parse_str

class PhpArray {
  readonly map = new Map<string, unknown>()
  next = 0
  set(key: string, value: unknown): void {
    this.map.set(key, value)
    if (/^(0|-?[1-9]\d*)$/.test(key)) this.next = Math.max(this.next, Number(key) + 1)
  }
}

function urldecode(s: string): string {
  const plus = s.replace(/\+/g, ' ')
  try {
    return decodeURIComponent(plus)
  } catch {
    // PHP keeps malformed escapes as they are and decodes the valid ones
    return plus.replace(/(%[0-9a-f]{2})+/gi, (seq) => {
      try {
        return decodeURIComponent(seq)
      } catch {
        return Buffer.from(seq.replace(/%/g, ''), 'hex').toString('latin1')
      }
    })
  }
}

function assign(root: PhpArray, rawKey: string, value: string): void {
  const key = rawKey.replace(/^ +/, '')
  const open = key.indexOf('[')
  let base = open < 0 ? key : key.slice(0, open)
  const segments: string[] = []
  if (open >= 0) {
    let i = open
    while (i < key.length && key[i] === '[') {
      const close = key.indexOf(']', i)
      if (close < 0) {
        // an unclosed bracket: PHP keeps the rest as part of the plain name
        if (segments.length === 0) base = key.replace('[', '_')
        break
      }
      segments.push(key.slice(i + 1, close))
      i = close + 1
    }
  }
  if (!base) return
  // PHP turns dots and spaces of the top-level name into underscores
  base = base.replace(/[. ]/g, '_')
  let cur = root
  const path = [base, ...segments]
  for (let depth = 0; depth < path.length; depth++) {
    let seg = path[depth] as string
    if (seg === '' && depth > 0) seg = String(cur.next)
    if (depth === path.length - 1) {
      cur.set(seg, value)
      return
    }
    let child = cur.map.get(seg)
    if (!(child instanceof PhpArray)) {
      child = new PhpArray()
      cur.set(seg, child)
    }
    cur = child as PhpArray
  }
}

function finalize(a: PhpArray): unknown[] | Record<string, unknown> {
  const keys = [...a.map.keys()]
  const isList = keys.every((k, i) => k === String(i))
  const conv = (v: unknown): unknown => (v instanceof PhpArray ? finalize(v) : v)
  if (isList) return keys.map((k) => conv(a.map.get(k)))
  const out: Record<string, unknown> = {}
  for (const k of keys) out[k] = conv(a.map.get(k))
  return out
}

/** PHP parse_str: `filter[>ID]=5&select[]=ID&cmd[a]=user.get` → nested arrays/objects of strings. */
export function parsePhpQuery(query: string): Params {
  const root = new PhpArray()
  for (const part of query.split('&')) {
    if (!part) continue
    const eq = part.indexOf('=')
    assign(root, urldecode(eq < 0 ? part : part.slice(0, eq)), urldecode(eq < 0 ? '' : part.slice(eq + 1)))
  }
  const out = finalize(root)
  return Array.isArray(out) ? { ...out } : out
}

/** The text fields of a multipart/form-data body (files are not part of this portal). */
function parseMultipart(body: Buffer, contentType: string): Params {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  const mark = boundary?.[1] ?? boundary?.[2]
  if (!mark) return {}
  const root = new PhpArray()
  for (const chunk of body.toString('utf8').split(`--${mark}`)) {
    const sep = chunk.indexOf('\r\n\r\n')
    if (sep < 0) continue
    const head = chunk.slice(0, sep)
    const name = /name="([^"]*)"/i.exec(head)?.[1]
    if (name === undefined || /filename="/i.test(head)) continue
    assign(root, name, chunk.slice(sep + 4).replace(/\r\n$/, ''))
  }
  const out = finalize(root)
  return Array.isArray(out) ? { ...out } : out
}

export interface DecodedRequest {
  params: Params
  /** access token from `Authorization: Bearer`, `auth` or `access_token` */
  token: string | undefined
  /** `start` (lower-case key only), intval'ed; 0 when absent */
  start: number
  /** whether `start` was sent (for the log) */
  startGiven: boolean
}

/**
 * Query string ∪ body, body wins (array_replace). JSON bodies need `Content-Type: application/json`
 * (invalid JSON is `{}`); anything else is read as a form. Then the credentials, `start` and `state`
 * are taken out, as the server does before a method sees the query.
 */
export function decodeRequest(rawQuery: string, body: Buffer, contentType: string | undefined, authorization: string | undefined): DecodedRequest {
  const query = parsePhpQuery(rawQuery)
  let posted: Params = {}
  const type = (contentType ?? '').replace(/;.*$/, '').trim().toLowerCase()
  const text = body.length ? body.toString('utf8').trim() : ''
  if (text) {
    if (type === 'application/json') {
      try {
        const json: unknown = JSON.parse(text)
        posted = isPhpArray(json) ? (Array.isArray(json) ? { ...json } : json) : {}
      } catch {
        posted = {}
      }
    } else if (type === 'multipart/form-data') {
      posted = parseMultipart(body, contentType ?? '')
    } else {
      posted = parsePhpQuery(text)
    }
  }
  const params: Params = { ...query, ...posted }
  return { ...takeCredentials(params, authorization), params }
}

/** Removes auth/access_token/start/state from params (in place) and returns the token and start. */
export function takeCredentials(params: Params, authorization?: string): { token: string | undefined; start: number; startGiven: boolean } {
  let token: string | undefined
  const bearer = authorization ? /^Bearer\s+(\S+)/i.exec(authorization) : null
  const scalar = (v: unknown): v is string | number => (typeof v === 'string' && v !== '') || typeof v === 'number'
  if (bearer) token = bearer[1]
  else if (scalar(params.auth)) token = String(params.auth)
  else if (scalar(params.access_token)) token = String(params.access_token)
  const startGiven = params.start !== undefined
  const start = startGiven ? phpIntval(params.start) : 0
  delete params.auth
  delete params.access_token
  delete params.start
  delete params.state
  return { token, start, startGiven }
}
