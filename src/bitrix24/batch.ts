import { stringify } from 'qs-esm'
import { readPortalTime, type PortalTime, type RestClient, type RestParams } from './rest-client'
import { RestError } from './rest-error'

export interface BatchCommand {
  method: string
  params?: RestParams
}

/** One command's outcome inside a batch answer. */
export type BatchOutcome<T = unknown> =
  | { ok: true; result: T; total?: number; time?: PortalTime }
  | { ok: false; error: RestError }

interface BatchEnvelope {
  result?: unknown
  result_error?: unknown
  result_total?: unknown
  result_time?: unknown
}

/** A batch answer: each command's outcome, and the batch's own `time` (its date_start is the portal's clock). */
export interface BatchAnswer<K extends string> {
  outcomes: Record<K, BatchOutcome>
  time?: PortalTime
}

/**
 * Booleans become 1/0: the portal reads batch parameters as PHP strings, where "false" is a true value.
 * References such as `$result[prev][49][ID]` pass through as plain strings and are resolved by the portal.
 */
function encodeValue(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (Array.isArray(value)) return value.map(encodeValue)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]))
  }
  return value
}

/** `method?query` in PHP bracket notation, the form `batch` expects for each command. */
export function encodeBatchCommand({ method, params = {} }: BatchCommand): string {
  const query = stringify(encodeValue(params) as Record<string, unknown>, { arrayFormat: 'indices' })
  return query ? `${method}?${query}` : method
}

function bucket(value: unknown): Record<string, unknown> {
  // PHP encodes an empty bucket as [] and a dense 0..n-1 one as an array: index both the same way.
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {}
}

/**
 * Runs up to 50 named commands in one HTTP request, without halting on errors, and reports each command's
 * outcome. A command the portal skipped shows up as an error rather than disappearing.
 */
export async function callBatch<K extends string>(
  client: RestClient,
  commands: Record<K, BatchCommand>,
): Promise<Record<K, BatchOutcome>> {
  return (await callBatchTimed(client, commands)).outcomes
}

/** callBatch, with the batch's own time and each command's (`result_time`: its operating figures). */
export async function callBatchTimed<K extends string>(
  client: RestClient,
  commands: Record<K, BatchCommand>,
): Promise<BatchAnswer<K>> {
  const keys = Object.keys(commands) as K[]
  if (keys.length === 0) return { outcomes: {} as Record<K, BatchOutcome> }
  if (keys.length > 50) throw new RestError('ERROR_BATCH_LENGTH_EXCEEDED', 400, 'Max batch length exceeded', 'batch')
  const cmd = Object.fromEntries(keys.map((k) => [k, encodeBatchCommand(commands[k])]))
  const { result, time } = await client.call<BatchEnvelope>('batch', { halt: 0, cmd })
  const results = bucket(result?.result)
  const errors = bucket(result?.result_error)
  const totals = bucket(result?.result_total)
  const times = bucket(result?.result_time)
  const outcomes = {} as Record<K, BatchOutcome>
  for (const key of keys) {
    const method = commands[key].method
    if (key in errors) {
      const e = (errors[key] ?? {}) as { error?: unknown; error_description?: unknown }
      outcomes[key] = {
        ok: false,
        error: new RestError(String(e.error || 'UNKNOWN_ERROR'), 400, String(e.error_description ?? ''), method),
      }
    } else if (key in results) {
      const total = Number(totals[key])
      const commandTime = readPortalTime(times[key])
      outcomes[key] = {
        ok: true,
        result: results[key],
        ...(Number.isFinite(total) ? { total } : {}),
        ...(commandTime ? { time: commandTime } : {}),
      }
    } else {
      outcomes[key] = { ok: false, error: new RestError('BATCH_COMMAND_SKIPPED', 0, '', method) }
    }
  }
  return { outcomes, time }
}
