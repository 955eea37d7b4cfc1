/**
 * The operating (resource) limit of portal-protocol.md §5: seconds of method time per key — (client, method),
 * see runtime.ts — summed over ten one-minute baskets. A call is refused (429 OPERATION_TIME_LIMIT) when the
 * sum has reached the limit; the call that crosses it still completes, so it is the NEXT call that fails. The
 * usage is reported in every success's `time.operating` / `time.operating_reset_at`, limit on or off (as the
 * cloud does); `operating_reset_at` is when the oldest basket leaves the window.
 */
import type { OperatingLimitConfig } from '../types'
import type { Operating } from './envelope'

export const WINDOW_SEC = 600

interface Basket {
  /** minute number since the epoch */
  minute: number
  /** unix seconds of the first call in that minute */
  firstAt: number
  seconds: number
}

export class OperatingLimiter {
  private windows = new Map<string, Basket[]>()

  private baskets(key: string, nowMs: number): Basket[] {
    const now = nowMs / 1000
    const list = (this.windows.get(key) ?? []).filter((b) => b.firstAt + WINDOW_SEC > now)
    this.windows.set(key, list)
    return list
  }

  usage(key: string, nowMs = Date.now()): Operating {
    const list = this.baskets(key, nowMs)
    if (!list.length) return { operating: 0 }
    const operating = list.reduce((s, b) => s + b.seconds, 0)
    return { operating: Math.round(operating * 1e6) / 1e6, operating_reset_at: Math.floor((list[0] as Basket).firstAt + WINDOW_SEC) }
  }

  blocked(key: string, cfg: OperatingLimitConfig, nowMs = Date.now()): boolean {
    return cfg.enabled && this.usage(key, nowMs).operating >= cfg.limitSec
  }

  charge(key: string, seconds: number, nowMs = Date.now()): void {
    const list = this.baskets(key, nowMs)
    const minute = Math.floor(nowMs / 60_000)
    const last = list[list.length - 1]
    if (last && last.minute === minute) last.seconds += seconds
    else list.push({ minute, firstAt: nowMs / 1000, seconds })
  }

  clear(): void {
    this.windows.clear()
  }
}
