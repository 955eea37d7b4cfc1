/** Defaults of the stand-in portal and the merge of partial overrides (CLI flags, tests, the control API). */
import type { OperatingLimitConfig, PortalConfig, RateLimitConfig } from './types'

/** A fixed portal id, so MEMBER_ID-derived keys (e.g. SDK `getUniq`) stay stable between runs. */
export const DEFAULT_MEMBER_ID = '6c5d1b1a9e0f4a7b8c2d3e4f5a6b7c8d'

/** Cloud plans (portal-protocol.md §5): X requests of burst, then Y per second. */
export const RATE_LIMIT_PRESETS = {
  standard: { burst: 50, drainPerSec: 2 },
  enterprise: { burst: 250, drainPerSec: 5 },
} as const

export function defaultConfig(): PortalConfig {
  return {
    port: 8787,
    host: 'localhost',
    appUrl: 'http://localhost:5173/',
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
