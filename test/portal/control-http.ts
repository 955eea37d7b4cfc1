/**
 * The control API's HTTP plumbing: CORS (open: tests and the bridge call it from anywhere on the machine),
 * JSON in and out, and errors as `{error, error_description}` with a status.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

export const CORS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers': 'content-type, accept, last-event-id',
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
}

export class HttpError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message)
  }
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.writableEnded || res.destroyed) return
  const payload = Buffer.from(JSON.stringify(body), 'utf8')
  res.writeHead(status, { ...CORS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(payload.length) })
  res.end(payload)
}

export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  const text = Buffer.concat(chunks).toString('utf8').trim()
  if (!text) return {}
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw new HttpError(400, 'BAD_JSON', 'the body is not JSON')
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'BAD_JSON', 'the body must be a JSON object')
  return value as Record<string, unknown>
}

export const bad = (message: string): HttpError => new HttpError(400, 'BAD_REQUEST', message)
export const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v)
