import { describe, expect, it, vi } from 'vitest'
import type { B24Frame } from '@bitrix24/b24jssdk'
import { createFrameRestClient, readPortalTime } from '@/bitrix24/rest-client'

/** the `time` block of a cloud portal's answer */
const cloudTime = {
  start: 1_764_580_500.1234,
  finish: 1_764_580_500.2345,
  duration: 0.111,
  processing: 0.05,
  date_start: '2026-12-01T09:15:00+03:00',
  date_finish: '2026-12-01T09:15:00+03:00',
  operating_reset_at: 1_764_581_100,
  operating: 12.875,
}

describe('readPortalTime', () => {
  it('reads the portal’s clock and the operating figures, the reset time in ms', () => {
    expect(readPortalTime(cloudTime)).toEqual({
      dateStart: '2026-12-01T09:15:00+03:00',
      operatingSec: 12.875,
      operatingResetAt: 1_764_581_100_000,
    })
  })

  it('reads a method not used yet as no time used', () => {
    expect(readPortalTime({ ...cloudTime, operating: 0 })).toMatchObject({ operatingSec: 0 })
  })

  it('reads figures a portal sent as numeric text', () => {
    expect(readPortalTime({ operating: '7.5', operating_reset_at: '1764581100' })).toEqual({
      operatingSec: 7.5,
      operatingResetAt: 1_764_581_100_000,
    })
  })

  it('leaves out what is missing: an on-premise portal sends no operating figures', () => {
    expect(readPortalTime({ start: 1, finish: 2, duration: 1, date_start: '2026-12-01T09:15:00+03:00' })).toEqual({
      dateStart: '2026-12-01T09:15:00+03:00',
    })
    expect(readPortalTime({})).toEqual({})
  })

  it('leaves out values of another shape', () => {
    const time = readPortalTime({ date_start: 1_764_580_500, operating: 'n/a', operating_reset_at: { at: 5 } })
    expect(time).toEqual({})
    expect(readPortalTime({ date_start: '', operating: Number.NaN, operating_reset_at: 'soon' })).toEqual({})
    expect(readPortalTime({ operating: Infinity })).toEqual({})
  })

  it('leaves out a reset time that is not a moment after the epoch', () => {
    expect(readPortalTime({ operating: 3, operating_reset_at: 0 })).toEqual({ operatingSec: 3 })
    expect(readPortalTime({ operating: 3, operating_reset_at: -20 })).toEqual({ operatingSec: 3 })
  })

  it('gives nothing for an answer without a time block', () => {
    for (const raw of [undefined, null, '', 'time', 42]) expect(readPortalTime(raw)).toBeUndefined()
  })
})

describe('createFrameRestClient', () => {
  function frameAnswering(data: unknown, total?: number) {
    const make = vi.fn(async () => ({
      isSuccess: true,
      getErrors: () => [],
      getErrorMessages: () => [],
      getData: () => data,
      getTotal: () => total,
      getStatus: () => 200,
    }))
    return { b24: { actions: { v2: { call: { make } } } } as unknown as B24Frame, make }
  }

  it('hands back the answer’s time read into the app’s terms', async () => {
    const { b24, make } = frameAnswering({ result: [{ ID: '1' }], total: 1, time: cloudTime }, 1)
    const answer = await createFrameRestClient(b24).call('user.get', { start: 0 })
    expect(make).toHaveBeenCalledWith({ method: 'user.get', params: { start: 0 } })
    expect(answer).toEqual({
      result: [{ ID: '1' }],
      total: 1,
      time: { dateStart: '2026-12-01T09:15:00+03:00', operatingSec: 12.875, operatingResetAt: 1_764_581_100_000 },
    })
  })

  it('has no time when the answer has none', async () => {
    const { b24 } = frameAnswering({ result: true })
    const answer = await createFrameRestClient(b24).call('user.access')
    expect(answer.time).toBeUndefined()
  })
})
