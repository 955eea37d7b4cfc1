/**
 * What each client has spent per REST method since the last reset, for tests and the benchmark to assert a
 * budget ("this reopen cost ≤ 5 user.get executions"):
 * - executions: runs of the method, a direct call or one command of a batch (the outer batch counts as a
 *   `batch` execution that books no operating time);
 * - operatingSec: the seconds booked to the operating limit for them (measured time + the configured cost);
 * - refused: calls and batch commands answered OPERATION_TIME_LIMIT.
 * The sliding ten-minute window the limit itself uses lives in operating-limit.ts; this only adds up.
 */
export interface MethodUsage {
  executions: number
  operatingSec: number
  refused: number
}

export class UsageCounter {
  /** client → method → usage */
  private clients = new Map<string, Map<string, MethodUsage>>()
  /** epoch ms of the last reset */
  since = Date.now()

  private entry(client: string, method: string): MethodUsage {
    let methods = this.clients.get(client)
    if (!methods) this.clients.set(client, (methods = new Map()))
    let usage = methods.get(method)
    if (!usage) methods.set(method, (usage = { executions: 0, operatingSec: 0, refused: 0 }))
    return usage
  }

  executed(client: string, method: string, seconds: number): void {
    const usage = this.entry(client, method)
    usage.executions++
    usage.operatingSec += seconds
  }

  refused(client: string, method: string): void {
    this.entry(client, method).refused++
  }

  /** clients in first-use order, methods by name */
  list(): Array<[client: string, methods: Array<[method: string, usage: MethodUsage]>]> {
    return [...this.clients].map(([client, methods]) => [client, [...methods].sort(([a], [b]) => a.localeCompare(b))])
  }

  clear(): void {
    this.clients.clear()
    this.since = Date.now()
  }
}
