/**
 * The leaky bucket of portal-protocol.md §5: every HTTP request (a batch is one) adds 1 to the client's
 * counter, which drains by `drainPerSec`; a request that would take it over `burst` is refused with
 * 503 QUERY_LIMIT_EXCEEDED and is not counted. Clients are told apart by address, as the cloud does.
 */
import type { RateLimitConfig } from '../types'

interface Bucket {
  level: number
  at: number
}

export class RateLimiter {
  private buckets = new Map<string, Bucket>()

  /** true = let the request through (and count it) */
  take(client: string, cfg: RateLimitConfig, now = Date.now()): boolean {
    const bucket = this.buckets.get(client) ?? { level: 0, at: now }
    bucket.level = Math.max(0, bucket.level - ((now - bucket.at) / 1000) * Math.max(0, cfg.drainPerSec))
    bucket.at = now
    this.buckets.set(client, bucket)
    if (bucket.level + 1 > Math.max(0, cfg.burst)) return false
    bucket.level += 1
    return true
  }

  clear(): void {
    this.buckets.clear()
  }
}
