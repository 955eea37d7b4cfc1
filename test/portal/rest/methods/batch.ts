/**
 * batch (CRestProvider::methodsBatch, CRestUtil::ParseBatchQuery; portal-protocol.md §4).
 * - HALT (PHP truthiness) stops after the first failing command; skipped commands appear nowhere;
 * - commands 51+ each get ERROR_BATCH_LENGTH_EXCEEDED; non-string commands are skipped but still counted;
 * - each command is "method?query", the query parsed with PHP brackets, then `$result[..]` references
 *   substituted (see resolveReferences);
 * - answers HTTP 200 with five buckets; a bucket with keys 0..n-1 is a JSON array, else an object, empty `[]`.
 */
import type { MethodContext, MethodDef, MethodResult, SubOutcome } from '../context'
import { errorBody } from '../envelope'
import { isPhpArray, isset, parsePhpQuery, phpEntries, phpString, phpTruthy, upperKeys, type Params } from '../params'

const MAX_COMMANDS = 50
type Bucket = 'result' | 'next' | 'total' | 'time' | 'error'
type Results = Record<Bucket, Record<string, unknown>>

/** PHP isset($r[$key]) followed by $r = $r[$key] */
function step(r: unknown, key: string): unknown {
  if (typeof r === 'string') {
    const i = /^\d+$/.test(key) ? Number(key) : -1
    return i >= 0 && i < r.length ? r[i] : undefined
  }
  if (!isPhpArray(r)) return undefined
  const v = (r as Record<string, unknown>)[key]
  return v === null ? undefined : v
}

/**
 * processBatchElement: every `$bucket[...]...` up to the next whitespace is one reference. Its path is
 * walked key by key and STOPS AT THE FIRST MISSING KEY, keeping the partial value: `$result[prev][49][ID]`
 * against a 20-row page resolves to the whole page (the list). A reference that is the entire value keeps
 * the raw value (array included); inside a longer string it is str_replace'd in PHP string form ("Array").
 * The bucket name matches case-insensitively but is looked up as written, so `$RESULT[..]` finds nothing.
 */
function resolveElement(value: string, results: Results): unknown {
  let out: unknown = value
  for (const m of value.matchAll(/\$(result|next|total|time|error)(\S*)/gi)) {
    const path = [...(m[2] ?? '').matchAll(/\[([^\]]+)\]/g)].map((p) => p[1] as string)
    if (!path.length) continue
    let r: unknown = (results as Record<string, unknown>)[m[1] as string] ?? null
    for (const key of path) {
      const next = step(r, key)
      if (next === undefined) break
      r = next
    }
    if (m[0] === out) return r
    if (typeof out === 'string') out = out.split(m[0]).join(phpString(r))
  }
  return out
}

function resolveReferences(params: unknown, results: Results): unknown {
  if (!isPhpArray(params)) return typeof params === 'string' ? resolveElement(params, results) : params
  const entries = phpEntries(params).map(([k, v]) => [phpString(resolveElement(k, results)), resolveReferences(v, results)] as const)
  if (Array.isArray(params) && entries.every(([k], i) => k === String(i))) return entries.map(([, v]) => v)
  return Object.fromEntries(entries)
}

/** json_encode of a PHP array built by `$bucket[$key] = ...` */
function encodeBucket(bucket: Record<string, unknown>, order: string[]): unknown {
  const keys = order.filter((k) => k in bucket)
  if (!keys.length) return []
  if (keys.every((k, i) => k === String(i))) return keys.map((k) => bucket[k])
  return Object.fromEntries(keys.map((k) => [k, bucket[k]]))
}

async function batch(ctx: MethodContext): Promise<MethodResult> {
  const query = upperKeys(ctx.params)
  const halt = isset(query, 'HALT') ? phpTruthy(query.HALT) : false
  const results: Results = { result: {}, next: {}, total: {}, time: {}, error: {} }
  const order: string[] = []
  const called: string[] = []
  if (isPhpArray(query.CMD)) {
    let count = 0
    for (const [key, call] of phpEntries(query.CMD)) {
      let outcome: SubOutcome
      if (count++ < MAX_COMMANDS) {
        if (typeof call !== 'string') continue
        // parse_url: the path is the method, the query what follows "?" (a #fragment is not part of it)
        const q = call.indexOf('?')
        const method = (q < 0 ? call : call.slice(0, q)).split('#')[0] as string
        const raw = q < 0 ? '' : (call.slice(q + 1).split('#')[0] as string)
        const params = raw ? (resolveReferences(parsePhpQuery(raw), results) as Params) : {}
        called.push(method.toLowerCase())
        outcome = await ctx.runSub(method, params)
      } else {
        outcome = { ok: false, error: errorBody('ERROR_BATCH_LENGTH_EXCEEDED', 'Max batch length exceeded') }
      }
      order.push(key)
      if (outcome.ok) {
        results.result[key] = outcome.result
        if (outcome.next !== undefined) results.next[key] = outcome.next
        if (outcome.total !== undefined) results.total[key] = outcome.total
        results.time[key] = outcome.time
      } else {
        results.error[key] = outcome.error
        if (halt) break
      }
    }
  }
  return {
    result: {
      result: encodeBucket(results.result, order),
      result_error: encodeBucket(results.error, order),
      result_total: encodeBucket(results.total, order),
      result_next: encodeBucket(results.next, order),
      result_time: encodeBucket(results.time, order),
    },
    detail: summarize(called, order.length, Object.keys(results.error).length),
  }
}

/** "50 cmds: user.get×49, user.current; 1 error" for the log */
function summarize(called: string[], total: number, errors: number): string {
  const counts = new Map<string, number>()
  for (const m of called) counts.set(m, (counts.get(m) ?? 0) + 1)
  const parts = [...counts].map(([m, n]) => (n > 1 ? `${m}×${n}` : m))
  return `${total} cmd${total === 1 ? '' : 's'}: ${parts.join(', ') || '—'}${errors ? `; ${errors} error${errors === 1 ? '' : 's'}` : ''}`
}

export const BATCH_METHODS: Record<string, MethodDef> = {
  batch: { scope: null, handler: batch },
}
