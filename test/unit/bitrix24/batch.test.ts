import { describe, expect, it } from 'vitest'
import { callBatch, encodeBatchCommand } from '@/bitrix24/batch'
import { clientAnswering } from './answering-client'

describe('encodeBatchCommand', () => {
  it('writes parameters in PHP bracket notation with booleans as 1/0', () => {
    const cmd = encodeBatchCommand({
      method: 'user.get',
      params: { filter: { '>ID': '$result[p0][49][ID]', ACTIVE: true }, start: -1 },
    })
    const [method, query] = cmd.split('?')
    expect(method).toBe('user.get')
    const decoded = decodeURIComponent(query ?? '')
    expect(decoded).toBe('filter[>ID]=$result[p0][49][ID]&filter[ACTIVE]=1&start=-1')
  })

  it('sends a bare method name when there are no parameters', () => {
    expect(encodeBatchCommand({ method: 'user.current' })).toBe('user.current')
  })
})

describe('callBatch', () => {
  it('reports each command as a result or an error, without halting', async () => {
    const client = clientAnswering({
      result: { me: { ID: '1' } },
      result_error: { access: { error: 'insufficient_scope', error_description: '' } },
      result_total: [],
    })
    const outcomes = await callBatch(client, {
      me: { method: 'user.current' },
      access: { method: 'user.access', params: { ACCESS: ['U1'] } },
      skipped: { method: 'user.admin' },
    })
    expect(client.sent[0]).toMatchObject({ halt: 0 })
    expect(outcomes.me).toEqual({ ok: true, result: { ID: '1' } })
    expect(outcomes.access.ok).toBe(false)
    expect(!outcomes.access.ok && outcomes.access.error.code).toBe('insufficient_scope')
    expect(!outcomes.skipped.ok && outcomes.skipped.error.code).toBe('BATCH_COMMAND_SKIPPED')
  })

  it('reads PHP list buckets (JSON arrays) by index', async () => {
    const client = clientAnswering({ result: [[{ ID: '1' }], true], result_error: [], result_total: [120] })
    const outcomes = await callBatch(client, { 0: { method: 'user.get' }, 1: { method: 'user.admin' } })
    expect(outcomes[0]).toEqual({ ok: true, result: [{ ID: '1' }], total: 120 })
    expect(outcomes[1]).toEqual({ ok: true, result: true })
  })

  it('refuses more than 50 commands before sending anything', async () => {
    const client = clientAnswering({})
    const commands = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`c${i}`, { method: 'user.admin' }]))
    await expect(callBatch(client, commands)).rejects.toMatchObject({ code: 'ERROR_BATCH_LENGTH_EXCEEDED' })
    expect(client.sent).toHaveLength(0)
  })
})
