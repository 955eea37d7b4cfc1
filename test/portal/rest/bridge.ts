/**
 * The bridge to a real portal (`--webhook`): the app's call, checked against this page's own token (so only the
 * app this portal opened can use it), is sent to the real portal through its webhook, and the real answer comes
 * back. The webhook address never leaves this server: it is even cut out of whatever the real portal answers.
 */
import type { PortalStore } from '../types'
import { authenticate } from './auth'
import { errorBody } from './envelope'
import { errorSpec } from './errors'
import type { DecodedRequest, Params } from './params'

export interface BridgeOutcome {
  status: number
  body: Record<string, unknown>
  error?: string
  userId?: number
  detail?: string
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

export async function bridgeToWebhook(
  store: PortalStore, webhook: string, method: string, decoded: DecodedRequest,
): Promise<BridgeOutcome> {
  const auth = authenticate(store, decoded.token)
  if ('error' in auth) {
    const spec = errorSpec(auth.error, store.config.authErrorStatus)
    return { status: spec.status, body: errorBody(auth.error, spec.description), error: auth.error }
  }
  const fail = (status: number, code: string, description: string): BridgeOutcome => ({
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
