import { describe, expect, it } from 'vitest'
import { KNOWN_ERROR_CODES, toAppError } from '@/domain/errors/app-error'
import en from '@/i18n/messages/en'
import ru from '@/i18n/messages/ru'

/** The shared error table of the Bitrix24 docs, plus what the SDK, the network and the portal add. */
const DOCUMENTED = [
  'INTERNAL_SERVER_ERROR', 'ERROR_UNEXPECTED_ANSWER', 'QUERY_LIMIT_EXCEEDED', 'ERROR_BATCH_METHOD_NOT_ALLOWED',
  'ERROR_BATCH_LENGTH_EXCEEDED', 'NO_AUTH_FOUND', 'INVALID_REQUEST', 'OVERLOAD_LIMIT', 'ACCESS_DENIED',
  'INVALID_CREDENTIALS', 'ERROR_MANIFEST_IS_NOT_AVAILABLE', 'insufficient_scope', 'expired_token', 'user_access_error',
  'PORTAL_DELETED', 'OPERATION_TIME_LIMIT', 'invalid_token', 'ERROR_METHOD_NOT_FOUND', 'NETWORK_ERROR', 'REQUEST_TIMEOUT',
]

describe('toAppError', () => {
  it('knows every documented code by name', () => {
    for (const code of DOCUMENTED) expect(KNOWN_ERROR_CODES, code).toContain(code)
  })

  it('has a title and an action for every kind, in English and Russian', () => {
    for (const code of KNOWN_ERROR_CODES) {
      const { messageKey } = toAppError(code)
      for (const messages of [en, ru]) {
        const entry = (messages.errors as Record<string, unknown>)[messageKey] as { title?: string; action?: string }
        expect(entry?.title, `${code} → ${messageKey}`).toBeTruthy()
        expect(entry?.action, `${code} → ${messageKey}`).toBeTruthy()
      }
    }
  })

  it('retries only what waiting can fix', () => {
    expect(toAppError('QUERY_LIMIT_EXCEEDED')).toMatchObject({ kind: 'transient', retryable: true })
    expect(toAppError('OPERATION_TIME_LIMIT').retryable).toBe(true)
    expect(toAppError('NETWORK_ERROR').retryable).toBe(true)
    expect(toAppError('insufficient_scope')).toMatchObject({ kind: 'scope', retryable: false })
    expect(toAppError('expired_token')).toMatchObject({ kind: 'session', retryable: false })
    expect(toAppError('PORTAL_DELETED').kind).toBe('portal')
  })

  it('reads unknown codes by their HTTP status', () => {
    expect(toAppError('SOMETHING_NEW', 502)).toMatchObject({ kind: 'transient', retryable: true })
    expect(toAppError('SOMETHING_NEW', 401).kind).toBe('session')
    expect(toAppError('SOMETHING_NEW', 403).kind).toBe('access')
    expect(toAppError('ERROR_CORE', 400)).toMatchObject({ kind: 'defect', retryable: false })
  })
})
