/**
 * The benchmark's reference: the app beside a plain loader (reference/loader.ts: the real SDK, user.current,
 * then batches of 50 user.get pages by offset into a plain list), both in Chromium inside the stand-in with the
 * same limits, framed cross-site the same way (portal on 127.0.0.1, page on localhost, served by vite preview),
 * at the same viewport. The loader is bundled with esbuild at run time into a temp dir and gets a stand-in
 * portal of its own, whose app URL is the loader's: the app is never told about it.
 *
 * Per size, app and reference open alternately, each open a fresh browser context (cold, nothing cached) on a
 * freshly reset portal (fixtures, rate limiter, log) with the bench's cloud limits and the operating limit off,
 * as in the bench's loads. Marks kept in the frame give, from the portal page's navigation start, the first row
 * and the complete list, and, from the init data arriving (the portal's answer to the SDK's getInitData), the
 * first row. Reported as medians per side and the ratio app / reference.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { preview } from 'vite'
import type { Browser, Frame, Page } from '@playwright/test'
import { DEFAULT_APP_HOST, defaultConfig } from '../portal/config'
import { createPortalServer, type PortalServer } from '../portal/server'
import { percentile } from './stats'

const REFERENCE_PORT = 4182
const SOURCE = join(import.meta.dirname, 'reference')

/** One cold open, in ms. */
export interface OpenTimes {
  firstRowMs: number
  completeMs: number
  /** from the init data arriving in the frame to the first row */
  initToFirstRowMs: number
  /** REST requests (HTTP) the portal finished by the complete list */
  requests: number
}

type Figure = Exclude<keyof OpenTimes, 'requests'>
const FIGURES: [Figure, string][] = [
  ['firstRowMs', 'first row'],
  ['completeMs', 'complete list'],
  ['initToFirstRowMs', 'init data → first row'],
]

export interface ReferenceSize {
  people: number
  /** medians */
  app: OpenTimes
  reference: OpenTimes
  /** app median / reference median */
  ratio: Record<Figure, number>
  runs: { app: OpenTimes[]; reference: OpenTimes[] }
}

export interface ReferenceFigures {
  latencyMs: number
  rateLimit: string
  /** opens per side and size */
  runs: number
  /** the machine's load average (1 min) before and after: wall-clock figures on a shared machine move with it */
  load: { before: number; after: number }
  sizes: ReferenceSize[]
}

export interface ReferenceOptions {
  browser: Browser
  /** the stand-in around the app */
  appPortal: PortalServer
  sizes: number[]
  runs: number
  latencyMs: number
  rateLimit: { enabled: boolean; burst: number; drainPerSec: number }
  viewport: { width: number; height: number }
}

/**
 * Runs in every frame: notes (epoch ms) when the portal's answer to getInitData arrives (the one reply that
 * carries MEMBER_ID), when the first row enters the DOM and when the list is complete: the app's grid counting
 * every expected person with its progress gone, or the loader's end marker. Kept as source text, so the
 * bundler's helpers never leak into it.
 */
const marksScript = (expected: number) => `(() => {
  if (window === window.top) return
  const now = () => performance.timeOrigin + performance.now()
  const marks = (window.__referenceMarks = { initData: 0, firstRow: 0, complete: 0 })
  window.addEventListener('message', (e) => {
    if (!marks.initData && e.source === window.parent && typeof e.data === 'string' && e.data.includes('"MEMBER_ID"')) marks.initData = now()
  }, true)
  const check = () => {
    if (!marks.firstRow && document.querySelector('[data-testid="person-row"]')) marks.firstRow = now()
    if (marks.firstRow && !marks.complete && (document.querySelector('[data-testid="people-complete"]') ||
      (document.querySelector('[data-testid="people-grid"][aria-rowcount="${expected + 1}"]') && !document.querySelector('[data-testid="load-progress"]'))))
      marks.complete = now()
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['aria-rowcount'] })
})()`

async function api(portal: PortalServer, path: string, body: unknown): Promise<void> {
  const response = await fetch(`${portal.url}/_portal/api/${path}`, { method: 'POST', body: JSON.stringify(body) })
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`)
}

async function appFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('iframe[id^="appframe_"]').elementHandle())?.contentFrame()
  if (!frame) throw new Error('app frame not found')
  return frame
}

export async function measureReference(options: ReferenceOptions): Promise<ReferenceFigures> {
  const { browser, appPortal, latencyMs, rateLimit, viewport } = options
  const loadBefore = loadavg()[0] ?? 0
  const out = mkdtempSync(join(tmpdir(), 'bench-reference-'))
  await build({
    entryPoints: [join(SOURCE, 'loader.ts')],
    outfile: join(out, 'loader.js'),
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'error',
  })
  copyFileSync(join(SOURCE, 'index.html'), join(out, 'index.html'))
  // the same server as the app's (vite preview, which answers the portal's POST open), on the same host
  const server = await preview({ build: { outDir: out }, preview: { port: REFERENCE_PORT, strictPort: true }, logLevel: 'error' })
  const referencePortal = createPortalServer({
    port: 0,
    appUrl: `http://${DEFAULT_APP_HOST}:${REFERENCE_PORT}/`,
    people: options.sizes[0],
    latencyMs,
    rateLimit,
  })
  await referencePortal.listen()

  async function open(side: 'app' | 'reference', people: number): Promise<OpenTimes> {
    const portal = side === 'app' ? appPortal : referencePortal
    await api(portal, 'reset', { people })
    // reset keeps the config: set all of it, whatever ran before (the portal cost turns the operating limit on)
    await api(portal, 'config', { latencyMs, rateLimit, operatingLimit: defaultConfig().operatingLimit })
    const expected = portal.store.visibleActiveCount(portal.store.personaUserId('employee'))
    const logStart = portal.store.log.since(0).at(-1)?.seq ?? 0
    const context = await browser.newContext({ viewport })
    try {
      await context.addInitScript(marksScript(expected))
      const page = await context.newPage()
      await page.goto(`${portal.url}/?persona=employee`)
      const frame = await appFrame(page)
      const complete = side === 'app' ? `[data-testid="people-grid"][aria-rowcount="${expected + 1}"]` : '[data-testid="people-complete"]'
      await frame.locator(`${complete}, [data-testid="load-error"]`).first().waitFor({ timeout: 300_000 })
      const error = frame.locator('[data-testid="load-error"]')
      if (await error.count()) throw new Error(`${side}: ${await error.first().innerText()}`)
      if (side === 'app') await frame.locator('[data-testid="load-progress"]').waitFor({ state: 'detached', timeout: 300_000 })
      if (side === 'reference') {
        const rows = await frame.locator('[data-testid="person-row"]').count()
        if (rows !== expected) throw new Error(`reference: ${rows} rows of ${expected}`)
      }
      // the frame's own moment is a little earlier than Playwright sees it, so it is there by now or soon
      for (let i = 0; i < 50 && !(await frame.evaluate('window.__referenceMarks.complete')); i++) await page.waitForTimeout(100)
      const marks = (await frame.evaluate('({ ...window.__referenceMarks })')) as { initData: number; firstRow: number; complete: number }
      if (!marks.initData || !marks.firstRow || !marks.complete) throw new Error(`${side}: marks missing ${JSON.stringify(marks)}`)
      const navStart = (await page.evaluate('performance.timeOrigin')) as number
      const requests = portal.store.log.since(logStart).filter((e) => e.kind === 'rest' && e.at <= marks.complete).length
      return {
        firstRowMs: Math.round(marks.firstRow - navStart),
        completeMs: Math.round(marks.complete - navStart),
        initToFirstRowMs: Math.round(marks.firstRow - marks.initData),
        requests,
      }
    } finally {
      await context.close()
    }
  }

  const median = (runs: OpenTimes[]): OpenTimes => ({
    firstRowMs: percentile(runs.map((r) => r.firstRowMs), 50),
    completeMs: percentile(runs.map((r) => r.completeMs), 50),
    initToFirstRowMs: percentile(runs.map((r) => r.initToFirstRowMs), 50),
    requests: percentile(runs.map((r) => r.requests), 50),
  })
  const sizes: ReferenceSize[] = []
  try {
    for (const people of options.sizes) {
      const runs = { app: [] as OpenTimes[], reference: [] as OpenTimes[] }
      // alternating, so a change in the machine's load falls on both sides alike
      for (let i = 0; i < options.runs; i++) {
        runs.app.push(await open('app', people))
        runs.reference.push(await open('reference', people))
      }
      const app = median(runs.app)
      const reference = median(runs.reference)
      const ratio = Object.fromEntries(
        FIGURES.map(([key]) => [key, Number((app[key] / Math.max(1, reference[key])).toFixed(2))]),
      ) as Record<Figure, number>
      sizes.push({ people, app, reference, ratio, runs })
      console.log(
        `reference at ${people} people (medians of ${options.runs}, app / reference): ` +
          FIGURES.map(([key, label]) => `${label} ${app[key]} / ${reference[key]} ms (×${ratio[key]})`).join(', ') +
          `; requests ${app.requests} / ${reference.requests}`,
      )
    }
  } finally {
    await referencePortal.close()
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()))
    rmSync(out, { recursive: true, force: true })
  }
  const load = { before: Number(loadBefore.toFixed(2)), after: Number((loadavg()[0] ?? 0).toFixed(2)) }
  return { latencyMs, rateLimit: `${rateLimit.drainPerSec}/s, burst ${rateLimit.burst}`, runs: options.runs, load, sizes }
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`

export function referenceMarkdown(figures: ReferenceFigures): string[] {
  return [
    '',
    `## The app beside a plain loader`,
    '',
    `The built app and a plain page (test/bench/reference/: the SDK, user.current, then batches of 50 user.get ` +
      `pages by offset into a plain list) in the same stand-in (rate limit ${figures.rateLimit}, ${figures.latencyMs} ms ` +
      `latency), framed cross-site the same way. Medians of ${figures.runs} cold opens each, app and reference ` +
      `alternating; first row and complete list from the portal page's navigation start. Load average (1 min) ` +
      `${figures.load.before} before, ${figures.load.after} after.`,
    '',
    '| people | figure | app | reference | app / reference |',
    '|---:|---|---:|---:|---:|',
    ...figures.sizes.flatMap((s) => [
      ...FIGURES.map(([key, label]) => `| ${s.people.toLocaleString('en-US')} | ${label} | ${seconds(s.app[key])} | ${seconds(s.reference[key])} | ${s.ratio[key]} |`),
      `| ${s.people.toLocaleString('en-US')} | HTTP requests | ${s.app.requests} | ${s.reference.requests} | |`,
    ]),
  ]
}
