/** What a REST method gets and returns. Shared by handler.ts, methods/index.ts and the method files. */
import type { Directory } from '../state/directory'
import type { FixtureUser, PortalStore, Token } from '../types'
import type { TimeObject } from './envelope'
import type { Params } from './params'

export interface MethodContext {
  store: PortalStore
  dir: Directory
  /** lower-case method name as called (user.get and user.search share a handler) */
  method: string
  /** the query without credentials, `start` and `state` */
  params: Params
  /** intval(start); -1 asks for a page without a count */
  start: number
  token: Token
  user: FixtureUser
  scopes: string[]
  inBatch: boolean
  /** runs one batch sub-command through the per-command part of the pipeline */
  runSub(method: string, params: Params): Promise<SubOutcome>
}

export interface MethodResult {
  result: unknown
  next?: number
  total?: number
  /** a short summary for the event log (batch: its sub-methods) */
  detail?: string
}

export type SubOutcome =
  | { ok: true; result: unknown; next?: number; total?: number; time: TimeObject }
  | { ok: false; error: Record<string, unknown> }

export interface MethodDef {
  /** null = global scope (any token); several = any of them (user, user_basic, user_brief) */
  scope: string | string[] | null
  handler: (ctx: MethodContext) => MethodResult | Promise<MethodResult>
}
