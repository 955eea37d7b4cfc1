/**
 * 100k people: a batch of keyset pages and a batch of counted pages answer whole and correct. Their times are
 * printed for whoever tunes the stand-in; speed is measured by `npm run bench`, never asserted here.
 */
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
  it('a batch of 50 keyset pages (ACTIVE + >ID, start -1) reads 2,500 people in ID order, each once', async () => {
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
  })

  it('counted pages (start ≥ 0) answer the whole batch with the count', async () => {
    const token = p.token('employee')
    const cmd = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`s${i}`, `user.get?filter[ACTIVE]=1&start=${i * 50}`]))
    const t = performance.now()
    const { body } = await p.call('batch', { halt: 1, cmd }, token)
    const ms = performance.now() - t
    console.log(`[scale] batch of 50 counted pages over 100k: ${ms.toFixed(0)} ms`)
    expect(body.result.result_total.s0).toBe(p.store.visibleActiveCount(p.store.personaUserId('employee')))
    // every page answered, each 50 long and in order after the one before
    const pages = body.result.result as Record<string, { ID: string }[]>
    expect(Object.keys(pages)).toHaveLength(50)
    for (let i = 1; i < 50; i++) expect(ids(pages[`s${i}`]!)[0]).toBeGreaterThan(ids(pages[`s${i - 1}`]!).at(-1)!)
  })
})
