import { describe, expect, it, vi } from 'vitest'
import { bindPlacement, fetchBindings, isAlreadyBound, unbindPlacement, type BindRequest } from '@/bitrix24/placements'
import { RestError } from '@/bitrix24/rest-error'
import type { RestClient, RestParams, RestResponse } from '@/bitrix24/rest-client'

const ALREADY = 'Unable to set placement handler: Handler already binded'

function client(answer: (method: string, params?: RestParams) => unknown) {
  const call = vi.fn(async (method: string, params?: RestParams) => ({ result: await answer(method, params) }) as RestResponse<never>)
  return { client: { call } as RestClient, call }
}

function failing(error: unknown) {
  return client(() => {
    throw error
  })
}

const request: BindRequest = {
  placement: 'USER_PROFILE_MENU',
  handler: 'https://apps.example.com/people/',
  title: 'Люди',
  titles: { en: 'People', ru: 'Люди', de: 'Personen' },
}

describe('isAlreadyBound', () => {
  it('recognizes the portal\'s "Handler already binded" answer, as RestError or as the SDK throws it', () => {
    expect(isAlreadyBound(new RestError('ERROR_CORE', 400, ALREADY, 'placement.bind'))).toBe(true)
    expect(isAlreadyBound({ code: 'ERROR_CORE', status: 400, description: ALREADY })).toBe(true)
    expect(isAlreadyBound({ code: 'ERROR_CORE', status: 400, message: ALREADY })).toBe(true)
  })

  it('does not take other errors for it', () => {
    expect(isAlreadyBound(new RestError('ERROR_CORE', 400, 'Unable to set placement handler', 'placement.bind'))).toBe(false)
    expect(isAlreadyBound(new RestError('ACCESS_DENIED', 403, 'Access denied', 'placement.bind'))).toBe(false)
    expect(isAlreadyBound(new RestError('ERROR_PLACEMENT_NOT_FOUND', 400, ALREADY, 'placement.bind'))).toBe(false)
    expect(isAlreadyBound(new Error(ALREADY))).toBe(false)
    expect(isAlreadyBound(null)).toBe(false)
  })
})

describe('bindPlacement', () => {
  it('binds the handler with its title in every language', async () => {
    const { client: rest, call } = client(() => true)
    await expect(bindPlacement(rest, request)).resolves.toBe('bound')
    expect(call).toHaveBeenCalledTimes(1)
    expect(call).toHaveBeenCalledWith('placement.bind', {
      PLACEMENT: 'USER_PROFILE_MENU',
      HANDLER: 'https://apps.example.com/people/',
      TITLE: 'Люди',
      LANG_ALL: { en: { TITLE: 'People' }, ru: { TITLE: 'Люди' }, de: { TITLE: 'Personen' } },
    })
  })

  it('resolves "already" when the portal says the handler is bound already', async () => {
    const restError = new RestError('ERROR_CORE', 400, ALREADY, 'placement.bind')
    await expect(bindPlacement(failing(restError).client, request)).resolves.toBe('already')
    const sdkShaped = { code: 'ERROR_CORE', status: 400, description: ALREADY }
    await expect(bindPlacement(failing(sdkShaped).client, request)).resolves.toBe('already')
  })

  it('passes every other error on unchanged', async () => {
    const other = new RestError('ERROR_CORE', 400, 'Unable to set placement handler: Wrong handler', 'placement.bind')
    await expect(bindPlacement(failing(other).client, request)).rejects.toBe(other)
    const denied = new RestError('ACCESS_DENIED', 403, ALREADY, 'placement.bind')
    await expect(bindPlacement(failing(denied).client, request)).rejects.toBe(denied)
    const sdkDenied = { code: 'ACCESS_DENIED', status: 403, description: 'Access denied' }
    await expect(bindPlacement(failing(sdkDenied).client, request)).rejects.toBe(sdkDenied)
  })
})

describe('fetchBindings and unbindPlacement', () => {
  it('reads the bindings in either case and skips what is not a binding', async () => {
    const { client: rest } = client(() => [
      { placement: 'USER_PROFILE_MENU', handler: 'https://a/' },
      { PLACEMENT: 'USER_PROFILE_TOOLBAR', HANDLER: 'https://b/' },
      null,
      'junk',
    ])
    expect(await fetchBindings(rest)).toEqual([
      { placement: 'USER_PROFILE_MENU', handler: 'https://a/' },
      { placement: 'USER_PROFILE_TOOLBAR', handler: 'https://b/' },
    ])
    expect(await fetchBindings(client(() => ({})).client)).toEqual([])
  })

  it('unbinds exactly one handler', async () => {
    const { client: rest, call } = client(() => ({ count: 1 }))
    await unbindPlacement(rest, { placement: 'USER_PROFILE_MENU', handler: 'http://old/' })
    expect(call).toHaveBeenCalledWith('placement.unbind', { PLACEMENT: 'USER_PROFILE_MENU', HANDLER: 'http://old/' })
  })
})
