/**
 * `npm run bench`: how fast the directory loads through the stand-in portal with Bitrix24's real limits,
 * and how big the app is. Writes bench-results/latest.json and bench-results/latest.md.
 *
 * Loading is measured with the app's own REST functions over a plain HTTP client, the same requests the
 * browser makes, against a portal with the cloud rate limit (2 requests/s, burst 50) and 30 ms latency.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { createPortalServer } from '../portal/server'
import { fetchUserPage, USER_PAGE_SIZE } from '../../src/bitrix24/users'
import type { RestClient } from '../../src/bitrix24/rest-client'

const SIZES = (process.env.BENCH_SIZES ?? '1000').split(',').map(Number)
const LATENCY_MS = 30

interface LoadFigures {
  people: number
  requests: number
  firstPageMs: number
  completeMs: number
  loaded: number
}

function httpClient(origin: string, token: string, counter: { requests: number }): RestClient {
  return {
    async call<T>(method: string, params: Record<string, unknown> = {}) {
      counter.requests++
      const response = await fetch(`${origin}/rest/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...params, auth: token }),
      })
      const body = (await response.json()) as { result: T; total?: number; error?: string }
      if (!response.ok) throw new Error(`${method}: ${body.error}`)
      return { result: body.result, total: body.total }
    },
  }
}

async function measureLoad(people: number): Promise<LoadFigures> {
  const portal = createPortalServer({
    port: 0,
    people,
    latencyMs: LATENCY_MS,
    rateLimit: { enabled: true, burst: 50, drainPerSec: 2 },
  })
  await portal.listen()
  try {
    const session = portal.store.openFrame({ ...portal.store.scenarioDefaults, persona: 'employee' })
    const counter = { requests: 0 }
    const client = httpClient(portal.url, session.token.accessToken, counter)
    const started = performance.now()
    let firstPageMs = 0
    let loaded = 0
    let afterId = 0
    for (;;) {
      const page = await fetchUserPage(client, { afterId, activeOnly: true })
      if (!firstPageMs) firstPageMs = performance.now() - started
      loaded += page.length
      const last = Number(page.at(-1)?.ID)
      if (page.length < USER_PAGE_SIZE || !last) break
      afterId = last
    }
    return { people, requests: counter.requests, firstPageMs, completeMs: performance.now() - started, loaded }
  } finally {
    await portal.close()
  }
}

function bundleSizes(): { jsGzip: number; cssGzip: number } {
  const assets = join('dist', 'assets')
  let jsGzip = 0
  let cssGzip = 0
  // The initial load is what index.html references; lazy chunks come later.
  const html = readFileSync(join('dist', 'index.html'), 'utf8')
  for (const file of readdirSync(assets)) {
    if (!html.includes(file)) continue
    const size = gzipSync(readFileSync(join(assets, file))).length
    if (file.endsWith('.js')) jsGzip += size
    if (file.endsWith('.css')) cssGzip += size
  }
  return { jsGzip, cssGzip }
}

const loads: LoadFigures[] = []
for (const size of SIZES) {
  const figures = await measureLoad(size)
  loads.push(figures)
  console.log(
    `${size} people: ${figures.requests} requests, first page ${figures.firstPageMs.toFixed(0)} ms, ` +
      `complete ${(figures.completeMs / 1000).toFixed(2)} s (${figures.loaded} loaded)`,
  )
}

let bundle: { jsGzip: number; cssGzip: number } | null = null
try {
  statSync(join('dist', 'index.html'))
  bundle = bundleSizes()
  console.log(`initial JS ${(bundle.jsGzip / 1024).toFixed(1)} KB gzip, CSS ${(bundle.cssGzip / 1024).toFixed(1)} KB gzip`)
} catch {
  console.log('No dist/: run `npm run build` first to measure the bundle.')
}

mkdirSync('bench-results', { recursive: true })
const result = { date: new Date().toISOString(), latencyMs: LATENCY_MS, rateLimit: '2/s, burst 50', loads, bundle }
writeFileSync('bench-results/latest.json', JSON.stringify(result, null, 2) + '\n')
const rows = loads.map(
  (l) => `| ${l.people} | ${l.requests} | ${l.firstPageMs.toFixed(0)} ms | ${(l.completeMs / 1000).toFixed(2)} s |`,
)
writeFileSync(
  'bench-results/latest.md',
  [
    `Loading through the stand-in portal (rate limit 2/s burst 50, ${LATENCY_MS} ms latency):`,
    '',
    '| people | HTTP requests | first page | complete list |',
    '|---:|---:|---:|---:|',
    ...rows,
    '',
    bundle ? `Initial JS ${(bundle.jsGzip / 1024).toFixed(1)} KB gzip, CSS ${(bundle.cssGzip / 1024).toFixed(1)} KB gzip.` : '',
  ].join('\n') + '\n',
)
