/**
 * Where a cold open's time goes: the built app in Chromium inside the stand-in (cloud limits, 30 ms latency,
 * framed cross-site). Prints, in ms from the portal page's navigation: the frame's document, each script and
 * stylesheet, the init-data handshake, each REST request (start → end, and the stand-in's own time for it),
 * first paint, the first row and the complete list (TRACE_COMPLETE=0: the first row only).
 * TRACE_DIST names another build than dist; TRACE_STORAGE=blocked traces a browser that keeps nothing for the
 * frame (not with TRACE_PROFILE=1, whose switches replace the list that blocks it). TRACE_TIMELINE=1 with
 * TRACE_COMPILE=1 splits each long module evaluation into V8's phases (compiling functions as they are first
 * called, running them, collecting garbage); the trace itself makes V8 collect source positions (a re-parse of
 * each script, shown as such), which an open without the trace does not pay.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { preview } from 'vite'
import { chromium } from '@playwright/test'
import { DEFAULT_APP_HOST } from '../portal/config'
import { createPortalServer } from '../portal/server'
import { CHROMIUM_ARGS, STORAGE_ALLOWED_ARGS, ensureChromium } from '../tools/chromium'

const PEOPLE = Number(process.env.TRACE_PEOPLE ?? 10_000)
const RUNS = Number(process.env.TRACE_RUNS ?? 3)
const APP_PORT = 4181

/** Marks kept in the frame: messages, long tasks, the first row and the complete list (`expected` people). */
const marksScript = (expected: number) => `(() => {
  if (window === window.top) return
  const marks = (window.__trace = { messages: [], firstRow: 0, complete: 0, longTasks: [] })
  try { new PerformanceObserver((l) => { for (const e of l.getEntries()) marks.longTasks.push([e.startTime, e.duration]) }).observe({ type: 'longtask', buffered: true }) } catch {}
  window.addEventListener('message', (e) => marks.messages.push([performance.now(), String(typeof e.data === 'string' ? e.data : JSON.stringify(e.data)).slice(0, 60)]), true)
  const post = window.parent.postMessage.bind(window.parent)
  try { window.parent.postMessage = (m, o) => { marks.messages.push([performance.now(), 'OUT ' + String(m).slice(0, 60)]); return post(m, o) } } catch {}
  new MutationObserver(() => {
    if (!marks.firstRow && document.querySelector('[data-testid="person-row"]')) marks.firstRow = performance.now()
    if (marks.firstRow && !marks.complete && document.querySelector('[data-testid="people-grid"][aria-rowcount="${expected + 1}"]') &&
      !document.querySelector('[data-testid="load-progress"]')) marks.complete = performance.now()
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-rowcount'] })
})()`

// a copy of the build: a `vite build` elsewhere cannot swap the app under the trace
const distCopy = mkdtempSync(join(tmpdir(), 'trace-dist-'))
cpSync(process.env.TRACE_DIST ?? 'dist', distCopy, { recursive: true })
const appServer = await preview({ build: { outDir: distCopy }, preview: { port: APP_PORT, strictPort: true }, logLevel: 'error' })
const portal = createPortalServer({
  port: 0,
  appUrl: `http://${DEFAULT_APP_HOST}:${APP_PORT}/`,
  people: PEOPLE,
  latencyMs: 30,
  rateLimit: { enabled: true, burst: 50, drainPerSec: 2 },
})
await portal.listen()
// TRACE_PROFILE=1: a CPU profile of the whole open, its heaviest functions printed. The frame then runs in the
// portal page's process (site isolation off), so one profiler sees both
const PROFILE = process.env.TRACE_PROFILE === '1'
const storageArgs = process.env.TRACE_STORAGE === 'blocked' ? [] : STORAGE_ALLOWED_ARGS
const profileArgs = PROFILE ? ['--disable-site-isolation-trials', '--disable-features=IsolateOrigins,site-per-process'] : []
const browser = await chromium.launch({ executablePath: ensureChromium(), args: [...CHROMIUM_ARGS, ...storageArgs, ...profileArgs] })

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }

/** The functions the profile spent most of its own time in. */
function heaviest(profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<string, number>()
  profile.samples.forEach((id, i) => {
    const f = byId.get(id)!.callFrame
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/^.*\//, '')}:${f.lineNumber + 1}:${f.columnNumber + 1}`
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
  })
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, top)
}
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    await context.addInitScript(marksScript(portal.store.visibleActiveCount(portal.store.personaUserId('employee'))))
    const page = await context.newPage()
    const cdp = PROFILE ? await context.newCDPSession(page) : null
    if (cdp) {
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
      await cdp.send('Profiler.start')
    }
    // TRACE_TIMELINE=1: the renderer's own time by kind of work (script, style, layout, paint, parse)
    const timeline = process.env.TRACE_TIMELINE === '1'
    const compile = timeline && process.env.TRACE_COMPILE === '1'
    const categories = ['devtools.timeline', 'v8', 'blink', ...(compile ? ['disabled-by-default-v8.compile'] : [])]
    if (timeline) await browser.startTracing(page, { categories })
    const started = Date.now()
    await page.goto(`${portal.url}/?persona=employee`)
    const frame = page.frameLocator('iframe[id^="appframe_"]')
    await frame.locator('[data-testid="person-row"]').first().waitFor({ timeout: 60_000 })
    // the complete list as well, unless only the first screen is traced
    if (process.env.TRACE_COMPLETE !== '0') await frame.locator('[data-testid="load-progress"]').waitFor({ state: 'detached', timeout: 300_000 })
    if (timeline) {
      type TraceEvent = { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: { name?: string; data?: { url?: string; frame?: string }; beginData?: { url?: string } } }
      const events = (JSON.parse((await browser.stopTracing()).toString()) as { traceEvents: TraceEvent[] }).traceEvents
      // the app frame's renderer: the process that parsed the app's document; its main thread
      const parse = events.find((e) => e.name === 'ParseHTML' && e.args?.beginData?.url?.includes(`:${APP_PORT}`))
      const main = events.find((e) => e.pid === parse?.pid && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      // the main thread's complete events; the longer of its tasks printed one by one
      const onMain = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X')
      const top = onMain.filter((e) => (e.dur ?? 0) >= 8000 && /^(EvaluateScript|v8\.evaluateModule|FunctionCall|RunMicrotasks|TimerFire|XHRLoad|XHRReadyStateChange|EventDispatch|UpdateLayoutTree|Layout|Paint|ParseHTML|FireAnimationFrame|ParseAuthorStyleSheet|RunTask|ThreadControllerImpl::RunTask)$/.test(e.name))
      const t0 = parse ? parse.ts : 0
      for (const e of top) console.log(`  main ${((e.ts - t0) / 1000).toFixed(0).padStart(6)} +${((e.dur ?? 0) / 1000).toFixed(0).padStart(4)} ms  ${e.name}`)
      if (compile) {
        // what the main thread did inside each module evaluation of 20 ms or more, by V8's event names (nested
        // events count in each of their parents)
        for (const module of onMain.filter((e) => e.name === 'v8.evaluateModule' && (e.dur ?? 0) >= 20_000)) {
          const end = module.ts + (module.dur ?? 0)
          const phases = new Map<string, number>()
          for (const e of onMain) if (e !== module && e.ts >= module.ts && e.ts < end) phases.set(e.name, (phases.get(e.name) ?? 0) + (e.dur ?? 0) / 1000)
          const heaviest = [...phases].sort((a, b) => b[1] - a[1]).slice(0, 8)
          console.log(`  module ${((module.ts - t0) / 1000).toFixed(0).padStart(4)} +${((module.dur ?? 0) / 1000).toFixed(0)} ms: ${heaviest.map(([name, ms]) => `${name} ${ms.toFixed(0)}`).join(', ')}`)
        }
      }
    }
    if (cdp) {
      const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] } }
      for (const [fn, ms] of heaviest(profile)) console.log(`  self ${ms.toFixed(0).padStart(5)} ms  ${fn}`)
    }
    await page.waitForTimeout(300)
    const appFrame = page.frames().find((f) => f.url().includes(`:${APP_PORT}`))!
    const t = await appFrame.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((r) => [
        r.initiatorType, r.name.replace(/^https?:\/\/[^/]+/, ''), r.startTime, r.responseEnd, r.encodedBodySize,
      ])
      const paints = performance.getEntriesByType('paint').map((p) => [p.name, p.startTime])
      // user timing marks, for a closer look at the app's own steps (performance.mark in a local change)
      paints.push(...performance.getEntriesByType('mark').map((m) => [`mark ${m.name}`, m.startTime]))
      const w = window as unknown as { __trace: { messages: [number, string][]; firstRow: number; complete: number; longTasks: [number, number][] } }
      return { origin: performance.timeOrigin, nav: { html: nav.responseEnd, interactive: nav.domInteractive, dcl: nav.domContentLoadedEventEnd, load: nav.loadEventEnd }, res, paints, ...w.__trace }
    })
    const top = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming
      const res = (performance.getEntriesByType('resource') as PerformanceResourceTiming[])
        .filter((r) => r.initiatorType !== 'xmlhttprequest' && r.initiatorType !== 'img')
        .map((r) => [r.initiatorType, r.name.replace(/^https?:\/\/[^/]+/, ''), r.startTime, r.responseEnd])
      return { origin: performance.timeOrigin, request: nav.requestStart, firstByte: nav.responseStart, htmlEnd: nav.responseEnd, interactive: nav.domInteractive, res }
    })
    // the portal page itself: how long the stand-in takes before it submits the frame's form
    const topOff = top.origin - started
    const g = (ms: number) => `${Math.round(ms + topOff)}`.padStart(5)
    console.log(`\nportal page: time origin at ${Math.round(topOff)} ms; request ${g(top.request)}, first byte ${g(top.firstByte)}, html end ${g(top.htmlEnd)}, interactive ${g(top.interactive)}`)
    for (const [kind, name, s, e] of top.res as [string, string, number, number][]) console.log(`  ${kind.padEnd(6)} ${g(s)} → ${g(e)}  ${name.slice(0, 70)}`)
    const off = t.origin - started
    const f = (ms: number) => `${Math.round(ms + off)}`.padStart(5)
    console.log(`\nrun ${run + 1}: frame time origin at ${Math.round(off)} ms; html end ${f(t.nav.html)}, interactive ${f(t.nav.interactive)}, DCL ${f(t.nav.dcl)}, load ${f(t.nav.load)}`)
    for (const [kind, name, s, e, size] of t.res as [string, string, number, number, number][])
      console.log(`  ${kind.padEnd(6)} ${f(s)} → ${f(e)}  ${name.slice(0, 70)} ${size ? `${(size / 1024).toFixed(0)}KB` : ''}`)
    for (const [at, m] of t.messages) console.log(`  msg    ${f(at)}  ${m}`)
    for (const [name, at] of t.paints as [string, number][]) console.log(`  paint  ${f(at)}  ${name}`)
    for (const [at, d] of t.longTasks) console.log(`  long   ${f(at)} +${Math.round(d)}`)
    console.log(`  FIRST ROW ${f(t.firstRow)}`)
    console.log(`  COMPLETE ${f(t.complete)}`)
    // the stand-in's own time per request (ms from the trace's start at its answer; its work, latency aside)
    for (const e of portal.store.log.since(0).filter((e) => e.kind === 'rest' && e.at >= started))
      console.log(`  portal ${String(e.at - started).padStart(5)} ${e.name} ${e.durationMs ?? '?'} ms ${String(e.detail ?? '').slice(0, 60)}`)
    await context.close()
  }
} finally {
  await browser.close()
  await portal.close()
  await new Promise<void>((r) => appServer.httpServer.close(() => r()))
  rmSync(distCopy, { recursive: true, force: true })
}
