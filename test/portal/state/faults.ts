/** Injected REST failures: "the next N calls (of these methods) fail with code X", or a random share of them. */
import type { FaultRule } from '../types'

export class FaultQueue {
  private rules: FaultRule[] = []

  constructor(private readonly random: () => number = Math.random) {}

  add(rule: FaultRule): void {
    const count = Math.max(0, Math.floor(Number(rule.count) || 0))
    if (!count || !rule.code) return
    this.rules.push({
      ...rule,
      count,
      methods: (rule.methods ?? []).map((m) => m.toLowerCase()).filter(Boolean),
    })
  }

  clear(): void {
    this.rules = []
  }

  list(): FaultRule[] {
    return this.rules.map((r) => ({ ...r }))
  }

  /**
   * The rule that hits this call, if any (its count is used up). `explicitOnly` is for batch sub-commands:
   * only rules that name the method hit them; a catch-all rule hits the outer `batch` request instead.
   */
  take(method: string, explicitOnly = false): FaultRule | undefined {
    for (let i = 0; i < this.rules.length; i++) {
      const rule = this.rules[i] as FaultRule
      const named = !!rule.methods?.length
      if (named ? !rule.methods?.includes(method) : explicitOnly) continue
      if (rule.rate !== undefined && this.random() >= rule.rate) continue
      rule.count -= 1
      if (rule.count <= 0) this.rules.splice(i, 1)
      return { ...rule }
    }
    return undefined
  }
}
