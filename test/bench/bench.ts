/**
 * `npm run bench`: the built app, in Chromium, inside the stand-in portal with Bitrix24's cloud limits
 * (2 requests/s, burst 50) and 30 ms of latency on every REST call.
 *
 * For 1,000 / 10,000 / 50,000 people: HTTP requests, time to the first row and to the complete list.
 * At the largest size: search keystroke-to-rendered latency (p50 / p95) beside the same keystrokes on a page that
 * does no work (search-latency.ts), rows in the DOM, JS heap.
 * Plus the gzip size of the initial JS and CSS, and a chaos run: 5,000 people with 5% throttled and 1% failing
 * pages and requests, an expired token and a dropped connection mid-load, reporting the faults injected, whether
 * the load survived them and how many people were lost. Writes bench-results/latest.json and latest.md.
 *
 * Then the portal cost (portal-cost.ts): user.get executions and operating seconds of a cold open and a
 * reopen at 10,000 and 50,000 people, and a rush of 15 viewers on a heavy portal.
 *
 * Then the reference (reference-compare.ts): the app beside a plain loader with the real SDK, opened
 * alternately (BENCH_REFERENCE_RUNS times each, default 5: single opens spread by a few hundred ms on a shared
 * machine) at 1,000 and 10,000 people, or BENCH_SIZES.
 *
 * Needs `npm run build` first. BENCH_SIZES=1000,10000 picks other sizes (for the portal cost and the reference
 * too). `--only load`, `--only portal-cost` or `--only reference` (or BENCH_ONLY=…) runs that part alone and keeps the other
 * figures already in bench-results/latest.json; BENCH_RUSH=0 leaves the rush out.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { preview } from 'vite'
import { chromium, type FrameLocator, type Page } from '@playwright/test'
import { DEFAULT_APP_HOST } from '../portal/config'
import { createPortalServer } from '../portal/server'
import { CHROMIUM_ARGS, STORAGE_ALLOWED_ARGS, ensureChromium } from '../tools/chromium'
import { bundleSizes } from './bundle-size'
import { floorText, frameReachedText, measureSearch, pickQueries, type SearchFigures } from './search-latency'
import { measurePortalCost, portalCostMarkdown, type PortalCostFigures } from './portal-cost'
import { measureReference, referenceMarkdown, type ReferenceFigures } from './reference-compare'

const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,50000').split(',').map(Number)
const PORTAL_COST_SIZES = process.env.BENCH_SIZES ? SIZES : [10_000, 50_000]
// 50,000 doubles the reference's time (a minute or more per pair of opens on this machine): only when asked for
const REFERENCE_SIZES = process.env.BENCH_SIZES ? SIZES : [1_000, 10_000]
const onlyFlag = process.argv.indexOf('--only')
const ONLY = (onlyFlag >= 0 ? process.argv[onlyFlag + 1] : process.env.BENCH_ONLY) ?? null
const PARTS = ['load', 'portal-cost', 'reference'] as const
if (ONLY !== null && !(PARTS as readonly string[]).includes(ONLY)) throw new Error(`--only: unknown part ${ONLY} (${PARTS.join(', ')})`)
/** whether this run measures a part: all of them, or the one asked for */
const runs = (part: (typeof PARTS)[number]) => ONLY === null || ONLY === part
const CLOUD_RATE_LIMIT = { enabled: true, burst: 50, drainPerSec: 2 }
const VIEWPORT = { width: 1400, height: 900 }
const LATENCY_MS = 30
const APP_PORT = 4180

interface LoadFigures {
  people: number
  requests: number
  peopleRequests: number
  firstRowMs: number
  completeMs: number
}

interface ChaosFigures {
  people: number
  faultsInjected: number
  survived: boolean
  peopleLost: number
  requests: number
  completeMs: number
}

function app(page: Page): FrameLocator {
  return page.frameLocator('iframe[id^="appframe_"]')
}

async function measureLoad(page: Page, portalUrl: string, people: number, expected: number, logStart: number) {
  const started = Date.now()
  await page.goto(`${portalUrl}/?persona=employee`)
  const frame = app(page)
  await frame.locator('[data-testid="person-row"]').first().waitFor({ timeout: 120_000 })
  const firstRowMs = Date.now() - started
  await frame.locator(`[data-testid="people-grid"][aria-rowcount="${expected + 1}"]`).waitFor({ timeout: 300_000 })
  await frame.locator('[data-testid="load-progress"]').waitFor({ state: 'detached', timeout: 300_000 })
  const completeMs = Date.now() - started
  const log = (await (await fetch(`${portalUrl}/_portal/api/log?since=${logStart}`)).json()) as {
    kind: string
    name: string
    detail?: string
  }[]
  const rest = log.filter((e) => e.kind === 'rest')
  return {
    people,
    requests: rest.length,
    peopleRequests: rest.filter((e) => e.name === 'batch' && e.detail?.includes('user.get')).length,
    firstRowMs,
    completeMs,
  } satisfies LoadFigures
}

const CHAOS_PEOPLE = 5000
const CHAOS_RULE_COUNT = 100_000

async function control(path: string, body: unknown, method = 'POST') {
  const response = await fetch(`${portal.url}/_portal/api/${path}`, { method, body: method === 'POST' ? JSON.stringify(body) : undefined })
  if (!response.ok) throw new Error(`${path}: ${response.status}`)
  return response.json()
}

/** Loads 5,000 people through throttling, server errors, an expired token and a dropped connection. */
async function measureChaos(page: Page): Promise<ChaosFigures> {
  await control('reset', { people: CHAOS_PEOPLE })
  await control('config', { latencyMs: LATENCY_MS, rateLimit: { enabled: true, burst: 50, drainPerSec: 2 } })
  for (const methods of [['user.get'], undefined]) {
    const only = methods ? { methods } : {}
    await control('faults', { code: 'QUERY_LIMIT_EXCEEDED', status: 503, rate: 0.05, count: CHAOS_RULE_COUNT, ...only })
    await control('faults', { code: 'INTERNAL_SERVER_ERROR', status: 500, rate: 0.01, count: CHAOS_RULE_COUNT, ...only })
  }
  const expected = portal.store.visibleActiveCount(portal.store.personaUserId('employee'))
  const logStart = portal.store.log.since(0).at(-1)?.seq ?? 0
  const started = Date.now()
  await page.goto(`${portal.url}/?persona=employee`)
  const frame = app(page)
  await frame.locator('[data-testid="person-row"]').first().waitFor({ timeout: 120_000 })
  // mid-load: every token expires, and the next connection drops
  await control('expire-tokens', {})
  await control('faults', { code: 'DROP', count: 1 })
  const complete = frame.locator(`[data-testid="people-grid"][aria-rowcount="${expected + 1}"]`)
  const failed = frame.locator('[data-testid="load-error"]')
  await complete.or(failed).first().waitFor({ timeout: 300_000 })
  const completeMs = Date.now() - started
  const survived = (await failed.count()) === 0
  const shownText = await frame.locator('[data-testid="people-count"]').innerText()
  const shown = Number(shownText.replace(/\D/g, ''))
  const rules = (await control('faults', undefined, 'GET')) as { code: string; count: number; rate?: number }[]
  const left = rules.filter((r) => r.rate !== undefined).reduce((sum, r) => sum + r.count, 0)
  const dropLeft = rules.some((r) => r.code === 'DROP') ? 1 : 0
  const log = portal.store.log.since(logStart)
  const expiredRefused = log.some((e) => e.kind === 'rest' && e.status === 401)
  const faultsInjected = 4 * CHAOS_RULE_COUNT - left + (1 - dropLeft) + (expiredRefused ? 1 : 0)
  await control('faults', undefined, 'DELETE')
  return {
    people: expected,
    faultsInjected,
    survived,
    peopleLost: Math.max(0, expected - shown),
    requests: log.filter((e) => e.kind === 'rest').length,
    completeMs,
  }
}

const executablePath = ensureChromium()
// the bench serves a copy of the build: a `vite build` elsewhere during the run (the end-to-end tests build
// too) cannot swap the app under it halfway
const distCopy = mkdtempSync(join(tmpdir(), 'bench-dist-'))
cpSync('dist', distCopy, { recursive: true })
const bundle = bundleSizes(distCopy)
const loadBefore = loadavg()[0] ?? 0
const appServer = await preview({ build: { outDir: distCopy }, preview: { port: APP_PORT, strictPort: true }, logLevel: 'error' })
// the app on localhost, the portal on its default host (127.0.0.1): framed cross-site, as on a real portal.
// Pages open the portal at its own origin, portal.url
const portal = createPortalServer({
  port: 0,
  appUrl: `http://${DEFAULT_APP_HOST}:${APP_PORT}/`,
  people: SIZES[0],
  latencyMs: LATENCY_MS,
  rateLimit: CLOUD_RATE_LIMIT,
})
await portal.listen()
// a browser that gives the frame (partitioned) storage, as most do; every context starts empty: cold opens
const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...STORAGE_ALLOWED_ARGS] })
const loads: LoadFigures[] = []
let search: SearchFigures | null = null
let chaos: ChaosFigures | null = null
let portalCost: PortalCostFigures | null = null
let reference: ReferenceFigures | null = null
try {
  for (const size of runs('load') ? SIZES : []) {
    await fetch(`${portal.url}/_portal/api/reset`, { method: 'POST', body: JSON.stringify({ people: size }) })
    // reset forgets the limits too: put the cloud's back
    await fetch(`${portal.url}/_portal/api/config`, {
      method: 'POST',
      body: JSON.stringify({ latencyMs: LATENCY_MS, rateLimit: { enabled: true, burst: 50, drainPerSec: 2 } }),
    })
    const viewer = portal.store.personaUserId('employee')
    const expected = portal.store.visibleActiveCount(viewer)
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    const page = await context.newPage()
    const logStart = portal.store.log.since(0).at(-1)?.seq ?? 0
    const figures = await measureLoad(page, portal.url, size, expected, logStart)
    loads.push(figures)
    console.log(
      `${size} people: ${figures.requests} requests (${figures.peopleRequests} for people), ` +
        `first row ${figures.firstRowMs} ms, complete ${(figures.completeMs / 1000).toFixed(2)} s`,
    )
    if (size === Math.max(...SIZES)) {
      const names = portal.store.fixtures.users.filter((u) => u.ACTIVE).map((u) => `${u.NAME} ${u.LAST_NAME} ${u.WORK_POSITION}`)
      search = await measureSearch(browser, page, APP_PORT, size, pickQueries(names))
      console.log(
        `search at ${size}: p50 ${search.p50Ms.toFixed(1)} ms, p95 ${search.p95Ms.toFixed(1)} ms over ` +
          `${search.keystrokes} keystrokes in ${search.queries} queries (${floorText(search)}); ${frameReachedText(search)}; DOM rows ≤ ${search.maxDomRows}; ` +
          `JS heap ${search.jsHeapMb.toFixed(0)} MB`,
      )
    }
    await context.close()
  }
  if (runs('load')) {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } })
    chaos = await measureChaos(await context.newPage())
    console.log(
      `chaos at ${chaos.people} people: ${chaos.faultsInjected} faults injected, ` +
        `${chaos.survived ? 'all survived' : 'the load failed'}, ${chaos.peopleLost} people lost, ` +
        `${chaos.requests} requests, complete ${(chaos.completeMs / 1000).toFixed(2)} s`,
    )
    await context.close()
  }
  if (runs('portal-cost')) portalCost = await measurePortalCost({
    browser,
    portal,
    sizes: PORTAL_COST_SIZES,
    latencyMs: LATENCY_MS,
    rateLimit: CLOUD_RATE_LIMIT,
    viewport: VIEWPORT,
    rush: process.env.BENCH_RUSH !== '0',
  })
  if (runs('reference')) {
    reference = await measureReference({
      browser,
      appPortal: portal,
      sizes: REFERENCE_SIZES,
      runs: Number(process.env.BENCH_REFERENCE_RUNS ?? 5),
      latencyMs: LATENCY_MS,
      rateLimit: CLOUD_RATE_LIMIT,
      viewport: VIEWPORT,
    })
  }
} finally {
  await browser.close()
  await portal.close()
  await new Promise<void>((resolve) => appServer.httpServer.close(() => resolve()))
  rmSync(distCopy, { recursive: true, force: true })
}

// the machine's load: wall-clock figures on a shared 2-core machine move with it
const load = { before: Number(loadBefore.toFixed(2)), after: Number((loadavg()[0] ?? 0).toFixed(2)) }
console.log(`load average (1 min) ${load.before} before, ${load.after} after`)
console.log(`initial JS ${(bundle.jsGzip / 1024).toFixed(1)} KB gzip, CSS ${(bundle.cssGzip / 1024).toFixed(1)} KB gzip`)

mkdirSync('bench-results', { recursive: true })
// one part alone keeps the other figures of the last run
const previous = ONLY && existsSync('bench-results/latest.json')
  ? (JSON.parse(readFileSync('bench-results/latest.json', 'utf8')) as Partial<{
      loads: LoadFigures[]; search: SearchFigures | null; chaos: ChaosFigures | null; portalCost: PortalCostFigures | null; reference: ReferenceFigures | null
    }>)
  : {}
if (ONLY) {
  if (ONLY !== 'load') {
    loads.push(...(previous.loads ?? []))
    search = previous.search ?? null
    chaos = previous.chaos ?? null
  }
  if (ONLY !== 'portal-cost') portalCost = previous.portalCost ?? null
  if (ONLY !== 'reference') reference = previous.reference ?? null
}
const result = { date: new Date().toISOString(), latencyMs: LATENCY_MS, rateLimit: '2/s, burst 50', load, loads, search, chaos, bundle, portalCost, reference }
writeFileSync('bench-results/latest.json', JSON.stringify(result, null, 2) + '\n')
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`
writeFileSync(
  'bench-results/latest.md',
  [
    `Built app in Chromium inside the stand-in portal (rate limit 2/s burst 50, ${LATENCY_MS} ms latency per request).`,
    '',
    '| people | HTTP requests (all / people) | first row | complete list |',
    '|---:|---:|---:|---:|',
    ...loads.map(
      (l) => `| ${l.people} | ${l.requests} / ${l.peopleRequests} | ${l.firstRowMs} ms | ${(l.completeMs / 1000).toFixed(2)} s |`,
    ),
    '',
    search
      ? `Search at ${search.people} people, keystroke to painted rows: p50 ${search.p50Ms.toFixed(1)} ms, p95 ${search.p95Ms.toFixed(1)} ms ` +
        `(${search.keystrokes} keystrokes, ${search.queries} queries; ${floorText(search)}); ${frameReachedText(search)}. At most ${search.maxDomRows} rows in the DOM; ` +
        `JS heap ${search.jsHeapMb.toFixed(0)} MB.`
      : '',
    '',
    chaos
      ? `Chaos at ${chaos.people} people (5% throttled and 1% failing pages and requests, an expired token and a ` +
        `dropped connection): ${chaos.faultsInjected} faults injected, ${chaos.survived ? 'all survived' : 'the load failed'}, ` +
        `${chaos.peopleLost} people lost, ${chaos.requests} requests, ${(chaos.completeMs / 1000).toFixed(2)} s.`
      : '',
    '',
    `Initial JS ${kb(bundle.jsGzip)} gzip, CSS ${kb(bundle.cssGzip)} gzip.`,
    '',
    `Load average (1 min) of the machine: ${load.before} before the run, ${load.after} after.`,
    '',
    ...(portalCost ? portalCostMarkdown(portalCost) : []),
    ...(reference ? referenceMarkdown(reference) : []),
  ].join('\n') + '\n',
)
