/**
 * The control API (`/_portal/api/*`, README.md): scenario and config switches, faults, token expiry, people
 * changes and edits (control-people.ts), the expected result size, REST usage, reset, the event log (JSON and
 * server-sent events), and the calls the bridge makes on behalf of frame commands (refreshAuth, options,
 * install). JSON in and out, CORS open (control-http.ts).
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { CORS, HttpError, bad, isNum, readJson, send } from './control-http'
import { peopleRoute } from './control-people'
import { resetUsage, usageView } from './rest/runtime'
import { storeInternals } from './state/store'
import type { FaultRule, LogEntry, PersonaKey, PortalStore, Scenario, Scope } from './types'

const PERSONAS: PersonaKey[] = ['admin', 'employee', 'head', 'extranet']

function validateScenario(store: PortalStore, body: Record<string, unknown>): Partial<Scenario> {
  const s: Partial<Scenario> = {}
  const userId = (v: unknown, key: string): number | null => {
    if (v === null) return null
    if (!isNum(v) || !store.userById(v)) throw bad(`${key}: no user ${String(v)}`)
    return v
  }
  if ('persona' in body) {
    if (!PERSONAS.includes(body.persona as PersonaKey)) throw bad(`persona: one of ${PERSONAS.join(', ')}`)
    s.persona = body.persona as PersonaKey
  }
  if ('userId' in body) s.userId = userId(body.userId, 'userId')
  if ('placementUserId' in body) s.placementUserId = userId(body.placementUserId, 'placementUserId')
  if ('placement' in body) {
    if (typeof body.placement !== 'string' || !body.placement.trim()) throw bad('placement: a placement code')
    s.placement = body.placement.trim().toUpperCase()
  }
  if ('lang' in body) {
    if (typeof body.lang !== 'string' || !body.lang) throw bad('lang: a language id')
    s.lang = body.lang
  }
  if ('scopes' in body) {
    const scopes = typeof body.scopes === 'string' ? body.scopes.split(',') : body.scopes
    if (!Array.isArray(scopes) || !scopes.every((x) => typeof x === 'string')) throw bad('scopes: a list of scope names')
    s.scopes = [...new Set(scopes.map((x: string) => x.trim()).filter(Boolean))]
  }
  for (const key of ['installed', 'staticOpen'] as const) {
    if (key in body) {
      if (typeof body[key] !== 'boolean') throw bad(`${key}: true or false`)
      s[key] = body[key]
    }
  }
  return s
}

function applyConfig(store: PortalStore, body: Record<string, unknown>): void {
  const cfg = store.config
  if ('latencyMs' in body) {
    if (!isNum(body.latencyMs) || body.latencyMs < 0) throw bad('latencyMs: a number ≥ 0')
    cfg.latencyMs = body.latencyMs
  }
  if ('tokenTtl' in body) {
    if (!isNum(body.tokenTtl) || body.tokenTtl <= 0) throw bad('tokenTtl: seconds > 0')
    cfg.tokenTtl = body.tokenTtl
  }
  if ('authErrorStatus' in body) {
    if (body.authErrorStatus !== 'docs' && body.authErrorStatus !== 'code') throw bad("authErrorStatus: 'docs' or 'code'")
    cfg.authErrorStatus = body.authErrorStatus
  }
  if ('verbose' in body) cfg.verbose = body.verbose === true
  const limits = [
    ['rateLimit', ['enabled', 'burst', 'drainPerSec']],
    ['operatingLimit', ['enabled', 'limitSec', 'costSec']],
  ] as const
  for (const [name, fields] of limits) {
    if (!(name in body)) continue
    const part = body[name]
    if (!part || typeof part !== 'object') throw bad(`${name}: an object`)
    const target = cfg[name] as unknown as Record<string, unknown>
    for (const f of fields) {
      const v = (part as Record<string, unknown>)[f]
      if (v === undefined) continue
      if (f === 'enabled' ? typeof v !== 'boolean' : !isNum(v) || v < 0) throw bad(`${name}.${f}: invalid value`)
      target[f] = v
    }
  }
}

function parseFault(body: Record<string, unknown>): FaultRule {
  if (typeof body.code !== 'string' || !body.code.trim()) throw bad('code: an error code or DROP')
  const count = body.count === undefined ? 1 : body.count
  if (!isNum(count) || count < 1) throw bad('count: a number ≥ 1')
  const rule: FaultRule = { code: body.code.trim(), count: Math.floor(count) }
  if (body.status !== undefined) {
    if (!isNum(body.status) || body.status < 100 || body.status > 599) throw bad('status: an HTTP status')
    rule.status = body.status
  }
  if (body.methods !== undefined) {
    const methods = typeof body.methods === 'string' ? body.methods.split(',') : body.methods
    if (!Array.isArray(methods)) throw bad('methods: a list of method names')
    rule.methods = methods.map((m) => String(m).trim().toLowerCase()).filter(Boolean)
  }
  if (body.rate !== undefined) {
    if (!isNum(body.rate) || body.rate < 0 || body.rate > 1) throw bad('rate: 0..1')
    rule.rate = body.rate
  }
  return rule
}

/** The configuration as the browser may see it: a webhook's secret stays on the server. */
function publicConfig(store: PortalStore): Record<string, unknown> {
  const { webhook, ...rest } = store.config
  return { ...rest, webhook: webhook ? redactWebhook(webhook) : null }
}

export function redactWebhook(url: string): string {
  return url.replace(/(\/rest\/[^/]+\/)[^/]+/, '$1***')
}

function stateView(store: PortalStore): Record<string, unknown> {
  return {
    config: publicConfig(store),
    scenario: store.scenarioDefaults,
    origin: store.origin(),
    personas: PERSONAS.map((key) => {
      const userId = store.personaUserId(key)
      const u = store.userById(userId)
      return { key, userId, name: u ? `${u.NAME} ${u.LAST_NAME}`.trim() : '' }
    }),
    people: storeInternals(store).directory().people.length,
    departments: store.fixtures.departments.length,
    installed: store.isInstalled(),
    faults: storeInternals(store).faults.list(),
    usage: usageView(store),
  }
}

/** GET /_portal/api/log/stream: the log as server-sent events, backlog first (since `?since=` or Last-Event-ID). */
function streamLog(store: PortalStore, req: IncomingMessage, res: ServerResponse, url: URL): void {
  res.writeHead(200, { ...CORS, 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' })
  const write = (e: LogEntry): void => void res.write(`id: ${e.seq}\nevent: log\ndata: ${JSON.stringify(e)}\n\n`)
  // on a reconnect the browser sends Last-Event-ID, newer than the ?since= of the original URL
  const since = Math.max(Number(url.searchParams.get('since')) || 0, Number(req.headers['last-event-id']) || 0)
  res.write('retry: 2000\n\n')
  for (const e of store.log.since(since)) write(e)
  const unsubscribe = store.log.subscribe(write)
  // a comment every 15 s keeps proxies and the browser from closing an idle stream
  const ping = setInterval(() => res.write(': ping\n\n'), 15_000)
  ping.unref()
  const stop = (): void => {
    clearInterval(ping)
    unsubscribe()
  }
  req.on('close', stop)
  res.on('close', stop)
}

export async function handleControl(store: PortalStore, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const method = req.method ?? 'GET'
  if (method === 'OPTIONS') {
    res.writeHead(204, CORS)
    res.end()
    return
  }
  const path = url.pathname.replace(/^\/_portal\/api\/?/, '').replace(/\/$/, '')
  const route = `${method} ${path}`
  try {
    switch (route) {
      case 'GET state':
        return send(res, 200, stateView(store))
      case 'POST scenario': {
        const patch = validateScenario(store, await readJson(req))
        store.scenarioDefaults = { ...store.scenarioDefaults, ...patch }
        return send(res, 200, store.scenarioDefaults)
      }
      case 'POST config':
        applyConfig(store, await readJson(req))
        return send(res, 200, publicConfig(store))
      case 'POST webhooks': {
        const body = await readJson(req)
        const userId = body.userId === undefined ? store.personaUserId('admin') : Number(body.userId)
        if (!store.userById(userId)) throw bad('userId: a user of this portal')
        const scopes = Array.isArray(body.scopes) ? body.scopes.map(String) : ['user', 'department', 'placement']
        const hook = store.addWebhook(userId, scopes as Scope[])
        return send(res, 200, { url: `${store.origin()}/rest/${hook.userId}/${hook.secret}/` })
      }
      case 'GET faults':
        return send(res, 200, storeInternals(store).faults.list())
      case 'POST faults':
        store.addFault(parseFault(await readJson(req)))
        return send(res, 200, { ok: true })
      case 'DELETE faults':
        store.clearFaults()
        return send(res, 200, { ok: true })
      case 'POST expire-tokens':
        store.expireAllTokens()
        return send(res, 200, { ok: true })
      case 'POST people':
      case 'POST people/update':
      case 'GET expected':
        return send(res, 200, await peopleRoute(store, route, req, url))
      case 'GET usage':
        return send(res, 200, usageView(store))
      case 'POST usage/reset':
        resetUsage(store)
        return send(res, 200, usageView(store))
      case 'POST reset': {
        const body = await readJson(req)
        if (body.people !== undefined && (!isNum(body.people) || body.people < 1 || body.people > 500_000)) throw bad('people: 1..500000')
        if (body.seed !== undefined && !isNum(body.seed)) throw bad('seed: a number')
        store.reset(body.people as number | undefined, body.seed as number | undefined)
        return send(res, 200, { ok: true, people: store.config.people, seed: store.config.seed })
      }
      case 'GET log':
        return send(res, 200, store.log.since(Number(url.searchParams.get('since') ?? 0) || 0))
      case 'DELETE log':
        store.log.clear()
        return send(res, 200, { ok: true })
      case 'POST log': {
        const body = await readJson(req)
        if (body.kind !== 'frame' || typeof body.name !== 'string') throw bad("a frame record: {kind:'frame', name, params, status}")
        const entry = store.log.add({
          kind: 'frame',
          name: body.name,
          params: body.params ?? null,
          status: typeof body.status === 'string' || isNum(body.status) ? body.status : 'reply',
          ...(typeof body.error === 'string' ? { error: body.error } : {}),
          ...(typeof body.detail === 'string' ? { detail: body.detail } : {}),
          ...(isNum(body.durationMs) ? { durationMs: body.durationMs } : {}),
          ...(isNum(body.userId) ? { userId: body.userId } : {}),
        })
        return send(res, 200, entry)
      }
      case 'GET log/stream':
        return streamLog(store, req, res, url)
      default:
        if (method === 'POST' && path.startsWith('frame/')) return await frameCall(store, path.slice('frame/'.length), await readJson(req), res)
        throw new HttpError(404, 'NOT_FOUND', `no control route ${route}`)
    }
  } catch (e) {
    if (e instanceof HttpError) return send(res, e.status, { error: e.code, error_description: e.message })
    console.error('[portal] control API failed:', e)
    return send(res, 500, { error: 'INTERNAL', error_description: String(e) })
  }
}

/** What the portal does server-side for frame commands (lazyload.ajax.php and user options). */
async function frameCall(store: PortalStore, action: string, body: Record<string, unknown>, res: ServerResponse): Promise<void> {
  const session = typeof body.sid === 'string' ? store.frameBySid(body.sid) : undefined
  if (!session) throw new HttpError(403, 'ACCESS_DENIED', 'unknown APP_SID')
  switch (action) {
    case 'refresh': {
      const refresh = typeof body.refreshToken === 'string' && body.refreshToken ? body.refreshToken : session.token.refreshToken
      // a refresh token only renews the render it was issued to
      if (storeInternals(store).tokens.refreshOwner(refresh)?.appSid !== session.appSid) throw new HttpError(403, 'ACCESS_DENIED', 'unknown refresh token')
      const token = store.refreshToken(refresh)
      if (!token) throw new HttpError(403, 'ACCESS_DENIED', 'unknown refresh token')
      return send(res, 200, { AUTH_ID: token.accessToken, REFRESH_ID: token.refreshToken, AUTH_EXPIRES: String(store.config.tokenTtl) })
    }
    case 'option': {
      if (typeof body.name !== 'string') throw bad('name: the option name')
      if (body.kind === 'app') {
        const all = store.setAppOption(session.userId, body.name, body.value)
        if (!all) throw new HttpError(403, 'ACCESS_DENIED', 'only administrators set application options')
        return send(res, 200, all)
      }
      if (body.kind === 'user') {
        store.setUserOption(session.userId, body.name, body.value)
        return send(res, 200, { name: body.name, value: body.value ?? null })
      }
      throw bad("kind: 'app' or 'user'")
    }
    case 'install':
      store.markFirstRunDone(session.userId)
      session.firstRun = false
      return send(res, 200, { ok: true })
    case 'install-finish':
      if (!store.finishInstall(session.userId)) throw new HttpError(403, 'ACCESS_DENIED', 'only administrators finish the installation')
      return send(res, 200, { installed: true })
    default:
      throw new HttpError(404, 'NOT_FOUND', `no frame action ${action}`)
  }
}
