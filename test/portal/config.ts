/** Defaults of the stand-in portal and the merge of partial overrides (CLI flags, tests, the control API). */
import type { OperatingLimitConfig, PortalConfig, RateLimitConfig } from './types'

/** A fixed portal id, so MEMBER_ID-derived keys (e.g. SDK `getUniq`) stay stable between runs. */
const DEFAULT_MEMBER_ID = '6c5d1b1a9e0f4a7b8c2d3e4f5a6b7c8d'

/** Cloud plans (portal-protocol.md §5): X requests of burst, then Y per second. */
export const RATE_LIMIT_PRESETS = {
  standard: { burst: 50, drainPerSec: 2 },
  enterprise: { burst: 250, drainPerSec: 5 },
} as const

/**
 * Where the portal lives by default. A real portal frames the app cross-site: the portal page and /rest/* at
 * <company>.bitrix24.<tld>, the app on its own host. Two ports of one host are one site, so a portal on
 * localhost around an app on localhost would frame it same-site and hide what a browser does to a cross-site
 * frame (Chromium may give it no localStorage or IndexedDB at all). An IP address and `localhost` are different
 * sites, so the portal takes 127.0.0.1 and apps stay on localhost.
 */
export const DEFAULT_PORTAL_HOST = '127.0.0.1'
/** The host app URLs use (the Vite dev server, vite preview, the test probe app). */
export const DEFAULT_APP_HOST = 'localhost'

export function defaultConfig(): PortalConfig {
  return {
    port: 8787,
    host: DEFAULT_PORTAL_HOST,
    appUrl: `http://${DEFAULT_APP_HOST}:5173/`,
    people: 1000,
    seed: 1,
    memberId: DEFAULT_MEMBER_ID,
    tokenTtl: 3600,
    latencyMs: 0,
    // off by default: tests and demos opt in; the SDK's own limiter keeps within it anyway
    rateLimit: { enabled: false, ...RATE_LIMIT_PRESETS.standard },
    operatingLimit: { enabled: false, limitSec: 480, costSec: 0 },
    authErrorStatus: 'docs',
    verbose: false,
    webhook: null,
  }
}

/** Defaults ← overrides; the nested limit objects merge field by field so `{rateLimit:{enabled:true}}` works. */
export function resolveConfig(overrides: Partial<PortalConfig> = {}): PortalConfig {
  const base = defaultConfig()
  return {
    ...base,
    ...stripUndefined(overrides),
    rateLimit: { ...base.rateLimit, ...stripUndefined(overrides.rateLimit ?? {}) } as RateLimitConfig,
    operatingLimit: { ...base.operatingLimit, ...stripUndefined(overrides.operatingLimit ?? {}) } as OperatingLimitConfig,
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}

/**
 * The site of a URL or origin, as browsers group origins for third-party rules: the scheme and the registrable
 * domain. IP addresses and single-label names (`localhost`) are their own site. The registrable domain is taken
 * as the last two labels (no public-suffix list): right for the names a local set-up uses, not for `co.uk`.
 */
export function siteOf(url: string): string {
  const { protocol, hostname } = new URL(url)
  const host = hostname.replace(/\.$/, '').toLowerCase()
  const isIp = host.startsWith('[') || /^\d+(\.\d+){3}$/.test(host)
  const labels = host.split('.')
  return `${protocol}//${isIp || labels.length <= 2 ? host : labels.slice(-2).join('.')}`
}
