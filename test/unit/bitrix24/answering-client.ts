import type { RestClient, RestParams } from '@/bitrix24/rest-client'

/** A RestClient whose every call answers `result` (a batch's whole answer, say), keeping what each call sent. */
export function clientAnswering(result: unknown): RestClient & { sent: RestParams[] } {
  const sent: RestParams[] = []
  return {
    sent,
    async call<T>(_method: string, params: RestParams = {}) {
      sent.push(params)
      return { result: result as T }
    },
  }
}
