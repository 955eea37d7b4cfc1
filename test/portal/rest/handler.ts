/**
 * `/rest/*`: routing, decoding and the pipeline of portal-protocol.md §7.3.3, in this order:
 * unknown method 404 → injected fault → rate limit 503 → auth 401 → scope 403 → operating limit 429 →
 * execute. Every answer (errors and preflights too) carries the CORS headers; every success a `time` (whose
 * `date_start` apps take as a sync watermark); every call is logged. `config.latencyMs` is added before each answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { storeInternals } from '../state/store'
import type { FixtureUser, PortalStore, Token } from '../types'
import { WEBHOOK_SID, authenticate, authenticateWebhook, clientOf } from './auth'
import { bridgeToWebhook, bridged } from './bridge'
import type { MethodContext, MethodDef, MethodResult, SubOutcome } from './context'
import { RestError, errorBody, timeObject, writeJson, writePreflight } from './envelope'
import { errorSpec } from './errors'
import { NOT_IN_BATCH, findMethod } from './methods/index'
import { decodeRequest, takeCredentials, type Params } from './params'
import { bookExecution, operatingBlocked, restRuntime } from './runtime'

const MAX_BODY = 32 * 1024 * 1024

/** a DROP fault inside a batch kills the whole request */
class DropSignal extends Error {}

type Outcome =
  | { drop: true }
  | { drop?: false; status: number; body: Record<string, unknown>; error?: string; userId?: number; detail?: string }

interface Route {
  /** lower-case method, '' when the path names none */
  method: string
  webhook: boolean
  /** /rest/<user>/<secret>/<method> */
  webhookUser?: number
  webhookSecret?: string
}

/** /rest/<method>[.json|.xml][/] and /rest/<user>/<secret>/<method>; /rest/api/* (v3) is not served */
function parseRoute(pathname: string): Route {
  const segments = pathname.replace(/^\/rest\/?/, '').split('/').filter(Boolean).map((s) => {
    try {
      return decodeURIComponent(s)
    } catch {
      return s
    }
  })
  if (!segments.length || segments[0] === 'api' || (segments.length !== 1 && segments.length !== 3)) return { method: '', webhook: false }
  const name = (segments[segments.length - 1] as string).replace(/\.(json|xml)$/i, '')
  if (segments.length === 1) return { method: name.toLowerCase(), webhook: false }
  return { method: name.toLowerCase(), webhook: true, webhookUser: Number(segments[0]), webhookSecret: segments[1] }
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size <= MAX_BODY) chunks.push(c)
    })
    req.on('end', () => resolve(Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

const delay = (ms: number): Promise<void> => (ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve())

function scopeAllows(def: MethodDef, scopes: readonly string[]): boolean {
  if (def.scope === null) return true
  return [def.scope].flat().some((s) => scopes.includes(s))
}

export async function handleRest(store: PortalStore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const startedAt = Date.now()
  if (req.method === 'OPTIONS') {
    await delay(store.config.latencyMs)
    writePreflight(res)
    return
  }
  let body: Buffer
  try {
    body = await readBody(req)
  } catch {
    res.destroy()
    return
  }
  const route = parseRoute(url.pathname)
  const decoded = decodeRequest(url.search.slice(1), body, req.headers['content-type'], req.headers.authorization)
  const outcome: Outcome =
    store.config.webhook && !route.webhook && /^[a-z0-9_.]+$/.test(route.method) && bridged(route.method, decoded.params)
      ? await bridgeToWebhook(store, store.config.webhook, route.method, decoded)
      : await pipeline(store, req, route, decoded.token, decoded.params, decoded.start, startedAt)

  const logged: Params = decoded.startGiven ? { ...decoded.params, start: decoded.start } : decoded.params
  const durationMs = Date.now() - startedAt
  const name = route.method || url.pathname
  if (outcome.drop) {
    store.log.add({ kind: 'rest', name, params: logged, status: 0, error: 'DROP', durationMs })
    req.socket.destroy()
    return
  }
  store.log.add({
    kind: 'rest', name, params: logged, status: outcome.status, durationMs,
    ...(outcome.error ? { error: outcome.error } : {}),
    ...(outcome.userId !== undefined ? { userId: outcome.userId } : {}),
    ...(outcome.detail ? { detail: outcome.detail } : {}),
  })
  if (store.config.verbose) {
    console.log(`[rest] ${outcome.status} ${name}${outcome.error ? ` ${outcome.error}` : ''}${outcome.detail ? ` (${outcome.detail})` : ''} ${durationMs}ms`)
  }
  await delay(store.config.latencyMs)
  writeJson(res, outcome.status, outcome.body)
}

async function pipeline(
  store: PortalStore, req: IncomingMessage, route: Route, accessToken: string | undefined, params: Params, start: number, startedAt: number,
): Promise<Outcome> {
  const cfg = store.config
  const rt = restRuntime(store)
  // the caller, once known, is logged with every later failure
  const caller: { userId?: number } = {}
  const fail = (code: string, description?: string, status?: number, extra: Record<string, unknown> = {}): Outcome => {
    const spec = errorSpec(code, cfg.authErrorStatus)
    return { status: status ?? spec.status, body: errorBody(code, description ?? spec.description, extra), error: code, userId: caller.userId }
  }

  // 1. the method must exist, before anything else is checked
  const def = route.method ? findMethod(route.method) : undefined
  if (!def) return fail('ERROR_METHOD_NOT_FOUND')
  // 2. scenario faults
  const fault = storeInternals(store).faults.take(route.method)
  if (fault) return fault.code === 'DROP' ? { drop: true } : fail(fault.code, undefined, fault.status)
  // 3. leaky bucket per client address
  if (cfg.rateLimit.enabled && !rt.rate.take(req.socket.remoteAddress ?? 'unknown', cfg.rateLimit)) return fail('QUERY_LIMIT_EXCEEDED')
  // 4. auth: a webhook's secret in the path, or an access token
  const auth = route.webhook
    ? authenticateWebhook(store, route.webhookUser ?? 0, route.webhookSecret ?? '')
    : authenticate(store, accessToken)
  if ('error' in auth) return fail(auth.error)
  caller.userId = auth.user.ID
  // 5. scope
  if (!scopeAllows(def, auth.token.scopes)) return fail('insufficient_scope')
  // 6. operating time of (client, method), shared by every viewer of the app
  const client = clientOf(auth.token)
  if (operatingBlocked(store, client, route.method)) return fail('OPERATION_TIME_LIMIT')

  // 7. execute
  const ctx = makeContext(store, route.method, params, start, auth.token, auth.user, false)
  const t0 = performance.now()
  let result: MethodResult | undefined
  let failure: Outcome | undefined
  try {
    result = await def.handler(ctx)
  } catch (e) {
    if (e instanceof DropSignal) return { drop: true }
    failure = e instanceof RestError ? fail(e.code, e.description, e.status, e.extra) : internalError(e, fail)
  }
  const processing = (performance.now() - t0) / 1000
  // a failed execution took its time too
  const operating = bookExecution(store, client, route.method, processing)
  if (failure || !result) return failure ?? fail('INTERNAL_SERVER_ERROR')

  const body: Record<string, unknown> = { result: result.result }
  if (result.next !== undefined) body.next = result.next
  if (result.total !== undefined) body.total = result.total
  body.time = timeObject(startedAt, Date.now(), processing, operating)
  return { status: 200, body, userId: caller.userId, detail: result.detail }
}

function internalError(e: unknown, fail: (code: string, description?: string) => Outcome): Outcome {
  // a bug of the stand-in, not a portal behaviour: say so loudly
  console.error('[portal] REST method crashed:', e)
  return fail('INTERNAL_SERVER_ERROR')
}

function makeContext(
  store: PortalStore, method: string, params: Params, start: number, token: Token, user: FixtureUser, inBatch: boolean,
): MethodContext {
  const ctx: MethodContext = {
    store,
    dir: storeInternals(store).directory(),
    method,
    params,
    start,
    token,
    user,
    scopes: [...token.scopes],
    inBatch,
    runSub: (subMethod, subParams) => runSub(store, token, subMethod, subParams),
  }
  return ctx
}

/**
 * One batch command through the per-command part of the pipeline (CRestServerBatchItem): method lookup,
 * faults that name the method, the outer token re-checked, scope (insufficient_scope with an empty
 * description, as the docs' example shows), the operating limit of the command's own method, then the method.
 * Each command is booked to its own method and reports that method's usage in its `result_time`; the outer
 * batch books nothing (docs limits.md). The b24jssdk maintainers measured the opposite on live portals
 * (everything booked to `batch`, PR #539): the docs' model is the one apps are told to plan with.
 */
async function runSub(store: PortalStore, token: Token, rawMethod: string, params: Params): Promise<SubOutcome> {
  const startedAt = Date.now()
  const cfg = store.config
  const err = (code: string, description?: string, extra: Record<string, unknown> = {}): SubOutcome => ({
    ok: false,
    error: errorBody(code, description ?? errorSpec(code, cfg.authErrorStatus).description, extra),
  })
  const method = rawMethod.trim().toLowerCase()
  if (NOT_IN_BATCH.has(method)) return err('ERROR_BATCH_METHOD_NOT_ALLOWED')
  const def = findMethod(method)
  if (!def) return err('ERROR_METHOD_NOT_FOUND')
  const fault = storeInternals(store).faults.take(method, true)
  if (fault?.code === 'DROP') throw new DropSignal()
  if (fault) return err(fault.code)
  // the outer auth is copied into every command, overriding any `auth` the command carries
  const { start } = takeCredentials(params)
  // a webhook's commands run as its user (its secret was checked on the way in); a token is checked again
  const webhookUser = token.appSid === WEBHOOK_SID ? store.userById(token.userId) : undefined
  const auth = webhookUser ? { token, user: webhookUser } : authenticate(store, token.accessToken)
  if ('error' in auth) return err(auth.error)
  if (!scopeAllows(def, token.scopes)) return err('insufficient_scope', '')
  const client = clientOf(token)
  if (operatingBlocked(store, client, method)) return err('OPERATION_TIME_LIMIT')
  const ctx = makeContext(store, method, params, start, token, auth.user, true)
  const t0 = performance.now()
  let r: MethodResult
  try {
    r = await def.handler(ctx)
  } catch (e) {
    if (e instanceof DropSignal) throw e
    bookExecution(store, client, method, (performance.now() - t0) / 1000)
    if (e instanceof RestError) return err(e.code, e.description, e.extra)
    console.error('[portal] REST method crashed inside batch:', e)
    return err('INTERNAL_SERVER_ERROR')
  }
  const processing = (performance.now() - t0) / 1000
  const operating = bookExecution(store, client, method, processing)
  return {
    ok: true,
    result: r.result,
    ...(r.next !== undefined ? { next: r.next } : {}),
    ...(r.total !== undefined ? { total: r.total } : {}),
    time: timeObject(startedAt, Date.now(), processing, operating),
  }
}
