/** 100k people: the SDK's batch-of-keyset-pages load must stay fast (one batch of 50 pages well under 200 ms). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ids, startPortal, type TestPortal } from './helpers'

let p: TestPortal
beforeAll(async () => {
  p = await startPortal({ people: 100_000 })
}, 60_000)
afterAll(() => p.close())

/** 50 chained user.get pages, each cursor taken from the previous page */
function chain(from: number, extra = ''): Record<string, string> {
  const cmd: Record<string, string> = { p0: `user.get?filter[ACTIVE]=1&filter[>ID]=${from}&order[ID]=ASC&start=-1${extra}` }
  for (let i = 1; i < 50; i++) cmd[`p${i}`] = `user.get?filter[ACTIVE]=1&filter[>ID]=$result[p${i - 1}][49][ID]&order[ID]=ASC&start=-1${extra}`
  return cmd
}

describe('scale: 100k people', () => {
  it('a batch of 50 keyset pages (ACTIVE + >ID, start -1) answers fast', async () => {
    const token = p.token('admin')
    await p.call('batch', { halt: 1, cmd: chain(0) }, token) // warm-up (JIT)
    const times: number[] = []
    let cursor = 0
    for (let round = 0; round < 4; round++) {
      const t = performance.now()
      const { status, body } = await p.call('batch', { halt: 1, cmd: chain(cursor) }, token)
      times.push(performance.now() - t)
      expect(status).toBe(200)
      const got = Object.values(body.result.result as Record<string, { ID: string }[]>).flatMap((page) => ids(page))
      expect(got).toHaveLength(2500)
      expect(new Set(got).size).toBe(2500)
      cursor = got[got.length - 1] as number
    }
    console.log(`[scale] batch of 50 keyset pages over 100k: ${times.map((t) => t.toFixed(0)).join(', ')} ms`)
    expect(Math.min(...times)).toBeLessThan(200)
  })

  it('counted pages (start ≥ 0) reuse one scan for the whole batch', async () => {
    const token = p.token('employee')
    const cmd = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`s${i}`, `user.get?filter[ACTIVE]=1&start=${i * 50}`]))
    const t = performance.now()
    const { body } = await p.call('batch', { halt: 1, cmd }, token)
    const ms = performance.now() - t
    console.log(`[scale] batch of 50 counted pages over 100k: ${ms.toFixed(0)} ms`)
    expect(body.result.result_total.s0).toBe(p.store.visibleActiveCount(p.store.personaUserId('employee')))
    expect(ms).toBeLessThan(1000)
  })
})
