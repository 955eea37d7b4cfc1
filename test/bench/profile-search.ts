/**
 * Where a keystroke's time goes at 50,000 people: loads the built app (PROFILE_DIST, default dist) in the
 * stand-in, waits for the complete list, then records a CPU profile of the app's frame while queries are
 * typed, and prints the functions with the most self time and the heaviest call paths' totals. PROFILE_WAIT:
 * ms between the complete list and the first keystroke (default 1500).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { preview } from 'vite'
import { chromium } from '@playwright/test'
import { DEFAULT_APP_HOST } from '../portal/config'
import { createPortalServer } from '../portal/server'
import { CHROMIUM_ARGS, STORAGE_ALLOWED_ARGS, ensureChromium } from '../tools/chromium'

const PEOPLE = Number(process.env.PROFILE_PEOPLE ?? 50_000)
const APP_PORT = 4183
const distCopy = mkdtempSync(join(tmpdir(), 'profile-dist-'))
cpSync(process.env.PROFILE_DIST ?? 'dist', distCopy, { recursive: true })
const appServer = await preview({ build: { outDir: distCopy }, preview: { port: APP_PORT, strictPort: true }, logLevel: 'error' })
const portal = createPortalServer({ port: 0, appUrl: `http://${DEFAULT_APP_HOST}:${APP_PORT}/`, people: PEOPLE, latencyMs: 0 })
await portal.listen()
const browser = await chromium.launch({ executablePath: ensureChromium(), args: [...CHROMIUM_ARGS, ...STORAGE_ALLOWED_ARGS] })
interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
try {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
  const page = await context.newPage()
  await page.goto(`${portal.url}/?persona=employee`)
  const app = page.frameLocator('iframe[id^="appframe_"]')
  const expected = portal.store.visibleActiveCount(portal.store.personaUserId('employee'))
  await app.locator(`[data-testid="people-grid"][aria-rowcount="${expected + 1}"]`).waitFor({ timeout: 300_000 })
  await app.locator('[data-testid="load-progress"]').waitFor({ state: 'detached', timeout: 300_000 })
  await page.waitForTimeout(Number(process.env.PROFILE_WAIT ?? 1500))
  const frame = page.frames().find((f) => f.url().includes(`:${APP_PORT}/`))!
  const cdp = await context.newCDPSession(frame)
  await cdp.send('HeapProfiler.collectGarbage')
  await cdp.send('Performance.enable')
  const heap = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')!.value
  console.log(`heap after GC ${(heap / 1048576).toFixed(1)} MB`)
  // PROFILE_TIMELINE=1: the renderer's time by kind of work (script, style, layout, paint) instead
  const timeline = process.env.PROFILE_TIMELINE === '1'
  if (timeline) await browser.startTracing(page, { categories: ['devtools.timeline', 'blink'] })
  else {
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
  }
  const times = (await frame.evaluate(`(async () => {
    const input = document.querySelector('input[type="search"]')
    const answers = () => document.querySelector('[data-testid="people-results"]')?.getAttribute('data-answers')
    const times = []
    for (const q of ${JSON.stringify(process.env.PROFILE_QUERIES?.split(',') ?? ['anna', 'smirnov', 'manager', 'ivan', 'petrov', 'olga', 'sales', 'kuz', 'dmitr', 'elena'])}) {
      input.value = ''; input.dispatchEvent(new Event('input', { bubbles: true }))
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
      for (let i = 1; i <= q.length; i++) {
        const t = q.slice(0, i); const s = performance.now()
        input.value = t; input.dispatchEvent(new Event('input', { bubbles: true }))
        while (answers() !== t) await new Promise((r) => requestAnimationFrame(r))
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)))
        times.push([t, Math.round(performance.now() - s)])
      }
    }
    return times
  })()`)) as [string, number][]
  console.log(times.map(([t, ms]) => `${t}:${ms}`).join(' '))
  if (timeline) {
    type TraceEvent = { name: string; ph: string; dur?: number; tid: number; pid: number; args?: { name?: string; data?: { url?: string } } }
    const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents
    const app = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.args?.data?.url?.includes(`:${APP_PORT}`)))
    const sums = new Map<string, number>()
    for (const e of events) if (e.pid === app?.pid && e.tid === app?.tid && e.ph === 'X') sums.set(e.name, (sums.get(e.name) ?? 0) + (e.dur ?? 0) / 1000)
    for (const [k, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`event ${ms.toFixed(0).padStart(6)}  ${k}`)
    process.exit(0)
  }
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const self = new Map<string, number>()
  const total = new Map<string, number>()
  const name = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\//, '')}:${n.callFrame.lineNumber + 1}`
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000
    const key = name(byId.get(id)!)
    self.set(key, (self.get(key) ?? 0) + ms)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const k = name(byId.get(at)!)
      if (!seen.has(k)) total.set(k, (total.get(k) ?? 0) + ms)
      seen.add(k)
    }
  })
  for (const [k, ms] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`self  ${ms.toFixed(0).padStart(6)}  ${k}`)
  for (const [k, ms] of [...total].sort((a, b) => b[1] - a[1]).slice(0, 50)) console.log(`total ${ms.toFixed(0).padStart(6)}  ${k}`)
} finally {
  await browser.close()
  await portal.close()
  await new Promise<void>((r) => appServer.httpServer.close(() => r()))
  rmSync(distCopy, { recursive: true, force: true })
}
