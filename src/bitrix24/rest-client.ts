import type { B24Frame } from '@bitrix24/b24jssdk'
import { RestError, toRestError } from './rest-error'

export type RestParams = Record<string, unknown>

/** A successful REST answer: the `result` plus the list paging fields the portal adds. */
export interface RestResponse<T> {
  result: T
  /** COUNT of the filtered set; 0 when the call asked for start -1 */
  total?: number
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
      return { result: data.result as T, total: response.getTotal() }
    },
  }
}
