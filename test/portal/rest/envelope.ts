/**
 * The REST envelope: headers on every answer, the `time` object of every success, the error body.
 * The SDK throws on a 200 without `time` and turns a 401 without CORS headers into NETWORK_ERROR,
 * so both are never optional here.
 */
import type { ServerResponse } from 'node:http'
import { isoServer } from './dates'

const REST_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'origin, content-type, accept',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'X-Content-Type-Options': 'nosniff',
  'Content-Type': 'application/json; charset=utf-8',
}

/** A domain error: `{error, error_description[, extra]}` with an HTTP status (default: from the error table). */
export class RestError extends Error {
  constructor(
    readonly code: string,
    readonly description?: string,
    readonly status?: number,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(description ?? code)
  }
}

export interface TimeObject {
  start: number
  finish: number
  duration: number
  processing: number
  date_start: string
  date_finish: string
  operating: number
  operating_reset_at?: number
}

export interface Operating {
  operating: number
  operating_reset_at?: number
}

export function timeObject(startMs: number, finishMs: number, processingSec: number, op: Operating): TimeObject {
  const t: TimeObject = {
    start: startMs / 1000,
    finish: finishMs / 1000,
    duration: (finishMs - startMs) / 1000,
    processing: processingSec,
    date_start: isoServer(startMs),
    date_finish: isoServer(finishMs),
    operating: op.operating,
  }
  if (op.operating_reset_at !== undefined) t.operating_reset_at = op.operating_reset_at
  return t
}

export function errorBody(code: string, description: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { error: code, error_description: description, ...extra }
}

export function writeJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return
  const payload = Buffer.from(JSON.stringify(body), 'utf8')
  res.writeHead(status, { ...REST_HEADERS, 'Content-Length': String(payload.length) })
  res.end(payload)
}

/** CORS preflight: 200, the same headers, no body. */
export function writePreflight(res: ServerResponse): void {
  if (res.writableEnded || res.destroyed) return
  res.writeHead(200, { ...REST_HEADERS, 'Content-Length': '0' })
  res.end()
}
