/**
 * `/rest/*`: routing, decoding and the pipeline of portal-protocol.md §7.3.3, in this order:
 * unknown method 404 → injected fault → rate limit 503 → auth 401 → scope 403 → operating limit 429 →
 * execute. Every answer (errors and preflights too) carries the CORS headers; every success a `time`;
 * every call is logged. `config.latencyMs` is added before each answer.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { storeInternals } from '../state/store'
import type { FixtureUser, PortalStore, Token } from '../types'
import type { MethodContext, MethodDef, MethodResult, SubOutcome } from './context'
import { RestError, errorBody, timeObject, writeJson, writePreflight } from './envelope'
import { errorSpec } from './errors'
import { NOT_IN_BATCH, findMethod } from './methods/index'
import { OperatingLimiter } from './operating-limit'
import { decodeRequest, takeCredentials, type Params } from './params'
import { RateLimiter } from './rate-limit'

/** the one app of this portal: operating time is booked per (app, method) */
const APP_KEY = 'app'
const MAX_BODY = 32 * 1024 * 1024

interface Runtime {
  rate: RateLimiter
  operating: OperatingLimiter
}

const runtimes = new WeakMap<PortalStore, Runtime>()

function runtime(store: PortalStore): Runtime {
  let rt = runtimes.get(store)
  if (!rt) {
    const created: Runtime = { rate: new RateLimiter(), operating: new OperatingLimiter() }
    storeInternals(store).onReset(() => {
      created.rate.clear()
      created.operating.clear()
    })
    runtimes.set(store, created)
    rt = created
  }
  return rt
}

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

type Auth = { token: Token; user: FixtureUser } | { error: string }

/** An incoming webhook acts as its user, with its own scopes and no expiry. */
function authenticateWebhook(store: PortalStore, route: Route): Auth {
  const hook = store.webhook(route.webhookUser ?? 0, route.webhookSecret ?? '')
  const user = hook ? store.userById(hook.userId) : undefined
  if (!hook || !user || !user.ACTIVE) return { error: 'INVALID_CREDENTIALS' }
  const token: Token = { accessToken: '', refreshToken: '', userId: user.ID, scopes: [...hook.scopes], expiresAt: Number.MAX_SAFE_INTEGER, appSid: 'webhook' }
  return { token, user }
}

/** What the app reads from a portal: only these go to the real one; anything else (placements) stays local. */
const BRIDGED_METHODS = new Set([
  'user.current', 'user.get', 'user.search', 'user.admin', 'user.access', 'user.fields', 'access.name', 'profile',
  'scope', 'department.get', 'department.fields', 'server.time', 'app.info', 'batch',
])
const BRIDGE_TIMEOUT_MS = 60_000

/** Whether a call goes to the real portal: a read the app makes, and for a batch, only such reads inside. */
export function bridged(method: string, params: Params): boolean {
  if (!BRIDGED_METHODS.has(method)) return false
  if (method !== 'batch') return true
  const commands = params.cmd && typeof params.cmd === 'object' ? Object.values(params.cmd as Record<string, unknown>) : []
  return commands.every((command) => {
    const name = String(command).split('?')[0]!.trim().toLowerCase()
    return name !== 'batch' && BRIDGED_METHODS.has(name)
  })
}

/**
 * The bridge to a real portal: the app's call, checked against this page's own token (so only the app this
 * portal opened can use it), is sent to the real portal through its webhook, and the real answer comes back.
 * The webhook address never leaves this server: it is even cut out of whatever the real portal answers.
 */
async function bridgeToWebhook(
  store: PortalStore, webhook: string, method: string, decoded: ReturnType<typeof decodeRequest>,
): Promise<Outcome> {
  const auth = authenticate(store, decoded.token)
  if ('error' in auth) {
    const spec = errorSpec(auth.error, store.config.authErrorStatus)
    return { status: spec.status, body: errorBody(auth.error, spec.description), error: auth.error }
  }
  const fail = (status: number, code: string, description: string): Outcome => ({
    status, body: errorBody(code, description), error: code, userId: auth.user.ID, detail: description,
  })
  const params: Params = decoded.startGiven ? { ...decoded.params, start: decoded.start } : decoded.params
  const secret = /\/rest\/[^/]+\/([^/]+)\//.exec(webhook)?.[1] ?? ''
  let answer: Response
  try {
    answer = await fetch(webhook + method, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(params),
      // a redirect would turn the POST into a GET without its parameters
      redirect: 'manual',
      signal: AbortSignal.timeout(BRIDGE_TIMEOUT_MS),
    })
  } catch (e) {
    const timedOut = e instanceof Error && e.name === 'TimeoutError'
    return timedOut
      ? fail(504, 'REQUEST_TIMEOUT', 'The real portal did not answer in time')
      : fail(503, 'NETWORK_ERROR', 'The real portal could not be reached through the webhook')
  }
  if (answer.status >= 300 && answer.status < 400) {
    return fail(502, 'ERROR_UNEXPECTED_ANSWER', 'The webhook address redirects: use the portal\'s https address')
  }
  const text = (await answer.text()).split(secret || '\u0000').join('***')
  let body: Record<string, unknown>
  try {
    body = JSON.parse(text) as Record<string, unknown>
  } catch {
    return fail(502, 'ERROR_UNEXPECTED_ANSWER', `The real portal answered ${answer.status} without JSON`)
  }
  const error = typeof body.error === 'string' ? body.error : undefined
  return { status: answer.status, body, userId: auth.user.ID, detail: 'answered by the real portal', ...(error ? { error } : {}) }
}

function authenticate(store: PortalStore, accessToken: string | undefined): Auth {
  if (!accessToken) return { error: 'NO_AUTH_FOUND' }
  const token = store.tokenByAccess(accessToken)
  if (!token) return { error: 'invalid_token' }
  if (token.expiresAt <= Date.now()) return { error: 'expired_token' }
  // the portal signs the token's user in; an inactive (dismissed) user cannot be
  const user = store.userById(token.userId)
  if (!user || !user.ACTIVE) return { error: 'authorization_error' }
  return { token, user }
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
  const outcome =
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
  const rt = runtime(store)
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
  const auth = route.webhook ? authenticateWebhook(store, route) : authenticate(store, accessToken)
  if ('error' in auth) return fail(auth.error)
  caller.userId = auth.user.ID
  // 5. scope
  if (!scopeAllows(def, auth.token.scopes)) return fail('insufficient_scope')
  // 6. operating time of (app, method)
  const opKey = `${APP_KEY}:${route.method}`
  if (rt.operating.blocked(opKey, cfg.operatingLimit)) return fail('OPERATION_TIME_LIMIT')

  // 7. execute
  const ctx = makeContext(store, rt, route.method, params, start, auth.token, auth.user, false)
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
  rt.operating.charge(opKey, processing + (cfg.operatingLimit.enabled ? cfg.operatingLimit.costSec : 0))
  if (failure || !result) return failure ?? fail('INTERNAL_SERVER_ERROR')

  const body: Record<string, unknown> = { result: result.result }
  if (result.next !== undefined) body.next = result.next
  if (result.total !== undefined) body.total = result.total
  body.time = timeObject(startedAt, Date.now(), processing, rt.operating.usage(opKey))
  return { status: 200, body, userId: caller.userId, detail: result.detail }
}

function internalError(e: unknown, fail: (code: string, description?: string) => Outcome): Outcome {
  // a bug of the stand-in, not a portal behaviour: say so loudly
  console.error('[portal] REST method crashed:', e)
  return fail('INTERNAL_SERVER_ERROR')
}

function makeContext(
  store: PortalStore, rt: Runtime, method: string, params: Params, start: number, token: Token, user: FixtureUser, inBatch: boolean,
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
    runSub: (subMethod, subParams) => runSub(store, rt, token, subMethod, subParams),
  }
  return ctx
}

/**
 * One batch command through the per-command part of the pipeline (CRestServerBatchItem): method lookup,
 * faults that name the method, the outer token re-checked, scope (insufficient_scope with an empty
 * description, as the docs' example shows), then the method. Sub-commands report the batch's operating
 * time: live portals book the whole batch on method `batch` (b24jssdk PR #539).
 */
async function runSub(store: PortalStore, rt: Runtime, token: Token, rawMethod: string, params: Params): Promise<SubOutcome> {
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
  const webhookUser = token.appSid === 'webhook' ? store.userById(token.userId) : undefined
  const auth = webhookUser ? { token, user: webhookUser } : authenticate(store, token.accessToken)
  if ('error' in auth) return err(auth.error)
  if (!scopeAllows(def, token.scopes)) return err('insufficient_scope', '')
  const ctx = makeContext(store, rt, method, params, start, token, auth.user, true)
  const t0 = performance.now()
  try {
    const r = await def.handler(ctx)
    const processing = (performance.now() - t0) / 1000
    return {
      ok: true,
      result: r.result,
      ...(r.next !== undefined ? { next: r.next } : {}),
      ...(r.total !== undefined ? { total: r.total } : {}),
      time: timeObject(startedAt, Date.now(), processing, rt.operating.usage(`${APP_KEY}:batch`)),
    }
  } catch (e) {
    if (e instanceof DropSignal) throw e
    if (e instanceof RestError) return err(e.code, e.description, e.extra)
    console.error('[portal] REST method crashed inside batch:', e)
    return err('INTERNAL_SERVER_ERROR')
  }
}
