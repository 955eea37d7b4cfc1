/**
 * The developer tools beside the app: the scenario switcher (reloads the page with query parameters) and the
 * simulation controls (latency, rate limit, faults, token expiry, a dropped connection) that call the control API.
 */
import { api, ApiError } from './api'
import { $, summarize } from './dom'
import { toast } from './toast'

interface PortalStateView {
  config?: {
    latencyMs?: number
    tokenTtl?: number
    rateLimit?: { enabled?: boolean; burst?: number; drainPerSec?: number }
  }
  faults?: unknown[]
}

function field<T extends HTMLElement = HTMLInputElement>(form: ParentNode, name: string): T | null {
  return form.querySelector<T>(`[name="${name}"]`)
}

/** Scenario form: submits as a clean query string (the raw GET form also works without JS). */
export function mountSwitcher(): void {
  const form = $('#pd-scenario') as HTMLFormElement | null
  if (!form) return
  const persona = field<HTMLSelectElement>(form, 'persona')
  const userId = field(form, 'userId')
  const placement = field<HTMLSelectElement>(form, 'placement')
  const placementUserId = field(form, 'placementUserId')

  const syncPlacement = (): void => {
    if (!placement || !placementUserId) return
    const needsUser = placement.value.startsWith('USER_PROFILE_')
    placementUserId.disabled = !needsUser
    placementUserId.closest('.pd-field')?.classList.toggle('is-disabled', !needsUser)
  }
  placement?.addEventListener('change', syncPlacement)
  syncPlacement()
  // choosing a persona means "be that persona": forget an explicit user id
  persona?.addEventListener('change', () => {
    if (userId) userId.value = ''
  })

  form.addEventListener('submit', (e) => {
    e.preventDefault()
    const q = new URLSearchParams()
    if (persona?.value) q.set('persona', persona.value)
    const uid = userId?.value.trim()
    if (uid) q.set('userId', uid)
    if (placement?.value) q.set('placement', placement.value)
    const puid = placementUserId?.value.trim()
    if (puid && !placementUserId?.disabled) q.set('placementUserId', puid)
    const lang = field<HTMLSelectElement>(form, 'lang')?.value
    if (lang) q.set('lang', lang)
    const scopes = Array.from(form.querySelectorAll<HTMLInputElement>('input[name="scope"][type="checkbox"]'))
      .filter((x) => x.checked)
      .map((x) => x.value)
    q.set('scope', scopes.join(','))
    const installed = form.querySelector<HTMLInputElement>('input[name="installed"][type="checkbox"]')
    q.set('installed', installed?.checked ? '1' : '0')
    const isStatic = form.querySelector<HTMLInputElement>('input[name="static"][type="checkbox"]')
    q.set('static', isStatic?.checked ? '1' : '0')
    window.location.assign(`${window.location.pathname}?${q.toString()}`)
  })
}

function describe(err: unknown): string {
  if (err instanceof ApiError) return `HTTP ${err.status}: ${summarize(err.body, 100)}`
  return err instanceof Error ? err.message : String(err)
}

/** Simulation controls. Each button reports the outcome in a toast and in the status line. */
export function mountControls(): void {
  const root = $('#pd-controls')
  if (!root) return
  const status = $('[data-controls-status]', root)
  const input = (name: string): HTMLInputElement | null => root.querySelector<HTMLInputElement>(`[name="${name}"]`)
  const say = (text: string, kind: 'success' | 'error' = 'success'): void => {
    if (status) {
      status.textContent = text
      status.dataset.kind = kind
    }
    toast(text, kind)
  }
  const run = async (label: string, fn: () => Promise<unknown>): Promise<void> => {
    try {
      await fn()
      say(label)
    } catch (err) {
      say(`${label} failed: ${describe(err)}`, 'error')
    }
  }
  const num = (name: string, fallback: number): number => {
    const v = Number(input(name)?.value)
    return Number.isFinite(v) && v >= 0 ? v : fallback
  }

  const actions: Record<string, () => Promise<void>> = {
    latency: () => run(`REST latency set to ${num('latencyMs', 0)} ms`, () => api('/_portal/api/config', { latencyMs: num('latencyMs', 0) })),
    'rate-limit': () => {
      const enabled = Boolean(input('rateEnabled')?.checked)
      const burst = num('rateBurst', 50)
      const drainPerSec = num('rateDrain', 2)
      return run(enabled ? `Rate limit on: burst ${burst}, ${drainPerSec}/s` : 'Rate limit off', () =>
        api('/_portal/api/config', { rateLimit: { enabled, burst, drainPerSec } }),
      )
    },
    fault: () => {
      const code = (root.querySelector<HTMLSelectElement>('[name="faultCode"]')?.value ?? 'INTERNAL_SERVER_ERROR').trim()
      const count = Math.max(1, Math.floor(num('faultCount', 1)))
      const methods = (input('faultMethods')?.value ?? '')
        .split(',')
        .map((m) => m.trim().toLowerCase())
        .filter(Boolean)
      const rule = methods.length ? { code, count, methods } : { code, count }
      return run(`Next ${count} call${count > 1 ? 's' : ''}${methods.length ? ` to ${methods.join(', ')}` : ''} fail with ${code}`, () =>
        api('/_portal/api/faults', rule),
      )
    },
    'clear-faults': () => run('Faults cleared', () => api('/_portal/api/faults', undefined, 'DELETE')),
    'expire-tokens': () => run('All access tokens expired: the next REST call answers expired_token', () => api('/_portal/api/expire-tokens', {})),
    drop: () => run('The next REST connection will be dropped', () => api('/_portal/api/faults', { code: 'DROP', count: 1 })),
    reset: async () => {
      if (!window.confirm('Reset the portal? Fixtures, tokens, options, faults and the log start over.')) return
      await run('Portal reset', () => api('/_portal/api/reset', {}))
      window.location.reload()
    },
  }
  root.addEventListener('click', (e) => {
    const btn = (e.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]')
    if (!btn) return
    const action = actions[btn.dataset.action ?? '']
    if (!action) return
    btn.disabled = true
    void action().finally(() => {
      btn.disabled = false
    })
  })

  // show the current configuration
  void api<PortalStateView>('/_portal/api/state')
    .then((state) => {
      const cfg = state?.config
      if (!cfg) return
      const set = (name: string, value: unknown): void => {
        const el = input(name)
        if (!el || value === undefined || value === null) return
        if (el.type === 'checkbox') el.checked = Boolean(value)
        else el.value = String(value)
      }
      set('latencyMs', cfg.latencyMs)
      set('rateEnabled', cfg.rateLimit?.enabled)
      set('rateBurst', cfg.rateLimit?.burst)
      set('rateDrain', cfg.rateLimit?.drainPerSec)
      if (Array.isArray(state.faults) && state.faults.length && status) {
        status.textContent = `${state.faults.length} fault rule(s) pending`
        status.dataset.kind = 'error'
      }
    })
    .catch(() => {
      if (status) status.textContent = 'Control API not reachable'
    })
}
