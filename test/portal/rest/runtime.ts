/**
 * The REST server's per-portal counters: the rate limiter's buckets, the operating limit's windows and the
 * usage totals. One set per store, forgotten when the portal is reset; the control API reads them too.
 *
 * Operating time is booked per (client, method) — every viewer of the app shares one budget per method, as
 * on a cloud portal — for each execution: a direct call or a batch command. The outer `batch` books nothing
 * (docs limits.md: nested calls are counted per method, the batch itself is not).
 */
import { storeInternals } from '../state/store'
import type { PortalStore } from '../types'
import { isoServer } from './dates'
import type { Operating } from './envelope'
import { OperatingLimiter, WINDOW_SEC } from './operating-limit'
import { RateLimiter } from './rate-limit'
import { UsageCounter } from './usage'

export interface Runtime {
  rate: RateLimiter
  operating: OperatingLimiter
  usage: UsageCounter
}

const runtimes = new WeakMap<PortalStore, Runtime>()

export function restRuntime(store: PortalStore): Runtime {
  let rt = runtimes.get(store)
  if (!rt) {
    const created: Runtime = { rate: new RateLimiter(), operating: new OperatingLimiter(), usage: new UsageCounter() }
    storeInternals(store).onReset(() => {
      created.rate.clear()
      created.operating.clear()
      created.usage.clear()
    })
    runtimes.set(store, created)
    rt = created
  }
  return rt
}

/** the method the portal does not book operating time to */
const UNBOOKED = 'batch'

const operatingKey = (client: string, method: string): string => `${client}:${method}`

/** Whether the limit refuses this call now; a refusal is counted. */
export function operatingBlocked(store: PortalStore, client: string, method: string): boolean {
  const rt = restRuntime(store)
  if (method === UNBOOKED || !rt.operating.blocked(operatingKey(client, method), store.config.operatingLimit)) return false
  rt.usage.refused(client, method)
  return true
}

/**
 * Books one execution: its measured time plus the configured per-execution cost (a "heavy portal"), whether or
 * not the limit blocks (`enabled` only decides that). Returns the usage the answer's `time` reports.
 */
export function bookExecution(store: PortalStore, client: string, method: string, processingSec: number): Operating {
  const rt = restRuntime(store)
  const key = operatingKey(client, method)
  if (method === UNBOOKED) {
    rt.usage.executed(client, method, 0)
    return rt.operating.usage(key)
  }
  const seconds = processingSec + store.config.operatingLimit.costSec
  rt.operating.charge(key, seconds)
  rt.usage.executed(client, method, seconds)
  return rt.operating.usage(key)
}

/** Forget the counters and the windows (POST /_portal/api/usage/reset): a method blocked by an earlier test is free again. */
export function resetUsage(store: PortalStore): void {
  const rt = restRuntime(store)
  rt.operating.clear()
  rt.usage.clear()
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6

/**
 * GET /_portal/api/usage: per method, what was spent since the last reset (executions, operatingSec, refused)
 * and where the sliding window stands now (operating, operating_reset_at, blocked). The app's methods under
 * `methods`; incoming webhooks, each its own client, under `webhooks[<userId>]`. A method never called is absent.
 */
export function usageView(store: PortalStore): Record<string, unknown> {
  const rt = restRuntime(store)
  const cfg = store.config.operatingLimit
  const methodsOf = (client: string, list: ReturnType<UsageCounter['list']>[number][1]): Record<string, unknown> =>
    Object.fromEntries(list.map(([method, u]) => {
      const window = rt.operating.usage(operatingKey(client, method))
      return [method, {
        executions: u.executions,
        operatingSec: round(u.operatingSec),
        refused: u.refused,
        operating: window.operating,
        ...(window.operating_reset_at !== undefined ? { operating_reset_at: window.operating_reset_at } : {}),
        blocked: cfg.enabled && method !== UNBOOKED && window.operating >= cfg.limitSec,
      }]
    }))
  const clients = rt.usage.list()
  return {
    since: isoServer(rt.usage.since),
    operatingLimit: { ...cfg, windowSec: WINDOW_SEC },
    methods: methodsOf('app', clients.find(([c]) => c === 'app')?.[1] ?? []),
    webhooks: Object.fromEntries(clients.filter(([c]) => c !== 'app').map(([c, list]) => [c.replace(/^webhook:/, ''), methodsOf(c, list)])),
  }
}
