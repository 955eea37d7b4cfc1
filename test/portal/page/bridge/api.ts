/** Calls from the portal page to the stand-in's control API (`/_portal/api/*`) and its helper routes. */

export interface FrameLogRecord {
  kind: 'frame'
  name: string
  params: unknown
  status: 'reply' | 'no-reply' | 'denied' | 'dropped'
  durationMs?: number
  error?: string
  detail?: string
  userId?: number
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`)
  }
}

export async function api<T = unknown>(path: string, body?: unknown, method?: string): Promise<T> {
  const init: RequestInit = { method: method ?? (body === undefined ? 'GET' : 'POST'), cache: 'no-store' }
  if (body !== undefined) {
    init.headers = { 'Content-Type': 'application/json' }
    init.body = JSON.stringify(body)
  }
  const res = await fetch(path, init)
  const text = await res.text()
  let data: unknown = text
  try {
    data = text ? JSON.parse(text) : null
  } catch {
    // keep the text
  }
  if (!res.ok) throw new ApiError(res.status, data)
  return data as T
}

/** Record a frame message in the portal's event log; never throws (logging must not break the bridge). */
export function postFrameLog(record: FrameLogRecord): void {
  void fetch('/_portal/api/log', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(record),
    keepalive: true,
  }).catch(() => undefined)
}

export type { AccessHit, PersonHit } from '../people'
