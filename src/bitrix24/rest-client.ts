import type { B24Frame } from '@bitrix24/b24jssdk'
import { RestError, toRestError } from './rest-error'

export type RestParams = Record<string, unknown>

/**
 * The `time` object of every Bitrix24 answer, in the app's terms. The operating figures are the app's usage of
 * that method across all its users (cloud portals; on-premise ones may send none).
 * Source: portal-protocol.md §5 (limits), the `time` block of every REST answer.
 */
export interface PortalTime {
  /** the portal's clock when it started the request (`date_start`, ISO 8601): a sync watermark */
  dateStart?: string
  /** seconds of this method's execution time the app used in the last 10 minutes (`operating`) */
  operatingSec?: number
  /** when the oldest of those seconds leaves the window, ms since the epoch (`operating_reset_at`, unix s) */
  operatingResetAt?: number
}

/** A number, or a string that is one; null for anything else (null, '', booleans, arrays). */
function numeric(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null
  if (typeof value === 'string' && value.trim() !== '') {
    const n = Number(value)
    return Number.isFinite(n) ? n : null
  }
  return null
}

/** Reads an answer's `time` object; fields that are missing or of another type are left out. */
export function readPortalTime(raw: unknown): PortalTime | undefined {
  if (!raw || typeof raw !== 'object') return undefined
  const t = raw as Record<string, unknown>
  const time: PortalTime = {}
  if (typeof t.date_start === 'string' && t.date_start) time.dateStart = t.date_start
  const operating = numeric(t.operating)
  if (operating !== null && operating >= 0) time.operatingSec = operating
  const reset = numeric(t.operating_reset_at)
  if (reset !== null && reset > 0) time.operatingResetAt = reset * 1000
  return time
}

/** A successful REST answer: the `result` plus the list paging fields the portal adds. */
export interface RestResponse<T> {
  result: T
  /** COUNT of the filtered set; 0 when the call asked for start -1 */
  total?: number
  /** the answer's `time` object */
  time?: PortalTime
}

/**
 * The one seam between the app and Bitrix24 REST. The typed REST functions in this folder take it as a
 * parameter, so stores and tests can hand them any implementation.
 */
export interface RestClient {
  call<T>(method: string, params?: RestParams): Promise<RestResponse<T>>
}

/** A RestClient over the SDK's frame connection: retries, rate limiting and token refresh stay the SDK's job. */
export function createFrameRestClient(b24: B24Frame): RestClient {
  return {
    async call<T>(method: string, params: RestParams = {}): Promise<RestResponse<T>> {
      let response
      try {
        response = await b24.actions.v2.call.make<T>({ method, params })
      } catch (error) {
        throw toRestError(error, method)
      }
      if (!response.isSuccess) {
        const first = [...response.getErrors()][0]
        throw toRestError(first ?? new Error(response.getErrorMessages().join('; ')), method)
      }
      const data = response.getData()
      if (!data) throw new RestError('ERROR_UNEXPECTED_ANSWER', response.getStatus(), 'Empty answer', method)
      return { result: data.result as T, total: response.getTotal(), time: readPortalTime(data.time) }
    },
  }
}
