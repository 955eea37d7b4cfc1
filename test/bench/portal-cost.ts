/**
 * The benchmark's "portal cost" section: what opening the app costs the portal's operating limit for user.get
 * (Bitrix24 books each user.get page execution against 480 s per 10 minutes, shared by every viewer of the
 * app, and blocks the method for the whole app at 429 OPERATION_TIME_LIMIT).
 *
 * 1. Per size (10,000 and 50,000 people, or BENCH_SIZES), with the cloud's limits (2 requests/s burst 50,
 *    30 ms latency, the operating limit on with the stand-in's default cost): a cold open (fresh browser
 *    context, storage empty) as the employee persona — user.get executions before the first row, before a
 *    search for a person deep in the ID order answers, and until the list is complete and kept — then a
 *    reopen in the same context (a new tab once the first open saved), counted until it settles,
 *    and a third open the same way (the reopen of a list a reopen kept).
 * 2. A rush: 15 different viewers open the app cold one after another on a heavy 10,000-person portal
 *    (0.2 s booked per user.get execution), each searching for another person deep in the ID order and
 *    staying 3 s; per viewer the times, the executions and any OPERATION_TIME_LIMIT.
 *
 * Figures come from the stand-in's usage counter (`GET /_portal/api/usage`, reset before each open) and its
 * log. Nothing here fails the run on a time or a count: it reports, with "met" / "missed" beside each target.
 */
import type { Browser, BrowserContext, Frame, FrameLocator, Locator, Page } from '@playwright/test'
import { defaultConfig } from '../portal/config'
import type { PortalServer } from '../portal/server'
import type { FixtureUser, LogEntry } from '../portal/types'

/** reopen: at most this many user.get executions, at any size */
const REOPEN_TARGET = 5
/** a large portal's cold open: at most this many user.get executions before the first row and the search answer */
const LARGE_COLD_TARGET = 10
/** the size the cold-open target applies from */
const LARGE_PORTAL = 50_000
const RUSH_VIEWERS = 15
const RUSH_PEOPLE = 10_000
/** a heavy portal: seconds booked per user.get execution on top of the measured time */
const RUSH_COST_SEC = 0.2
const RUSH_LIMIT_SEC = 480
/** how long each viewer of the rush stays after finding their colleague */
const RUSH_STAY_MS = 3_000
const RUSH_FIRST_ROW_TARGET_MS = 2_000
const RUSH_FOUND_TARGET_MS = 3_000
/** after a reopen settled, this long before its executions are read */
const SETTLE_MS = 1_000

const ROW = '[data-testid="person-row"]'

interface UserGetUsage {
  executions: number
  operatingSec: number
  refused: number
  /** where the sliding 10-minute window stands */
  operating: number
  blocked: boolean
}

/** One open's cost in user.get executions (and the operating seconds booked for them). */
export interface OpenCost {
  people: number
  /** the app's first REST request done (the SDK started inside the frame), from the portal page's navigation */
  firstRequestMs: number | null
  /** from the portal page's navigation */
  firstRowMs: number | null
  /** executions the portal finished before the first row entered the app's DOM */
  executionsAtFirstRow: number | null
  /** the cold open's search for a person deep in the ID order: when a row with their name showed */
  searchFor?: string
  /** when the typed name reached the app (its input event) */
  typedMs?: number | null
  /** main-thread long tasks between the first row and the typed name reaching the app: their sum, the longest */
  busyBeforeTypedMs?: number | null
  longestTaskMs?: number | null
  foundMs?: number | null
  /** executions the portal finished before that row entered the DOM */
  executionsAtSearchAnswer?: number | null
  /** cold: until the list was complete and kept; reopen: until it settled */
  doneMs: number | null
  /** the open reached its end state (complete and kept / settled with the kept notice gone) */
  settled: boolean
  /** reopen: the list came from the device first (the kept-copy notice showed) */
  fromKeptCopy?: boolean
  executions: number
  operatingSec: number
  refused: number
  /** executions of the other methods the portal books (department.get, …) */
  others: Record<string, number>
  /** REST requests (HTTP) during the open, and what they were */
  requests: number
  requestLog: string[]
}

export interface RushViewer {
  viewerId: number
  searchFor: string
  /** the app's first REST request done (the SDK started inside the frame) */
  firstRequestMs: number | null
  firstRowMs: number | null
  /** when the typed name reached the app (its input event) */
  typedMs: number | null
  /** main-thread long tasks between the first row and the typed name reaching the app: their sum, the longest */
  busyBeforeTypedMs: number | null
  longestTaskMs: number | null
  foundMs: number | null
  /** user.get executions the portal finished before the first row showed */
  executionsAtFirstRow: number | null
  /** user.get executions the portal finished before the person's row showed */
  executionsToFound: number | null
  /** user.get executions during the whole visit (navigation to closing the page) */
  executions: number
  operatingSec: number
  /** executions of the other methods the portal books (department.get, …) during the visit */
  others: Record<string, number>
  /** the operating window after the visit */
  windowAfterSec: number
  /** user.get calls or batch commands the portal refused with OPERATION_TIME_LIMIT (usage `refused`) */
  refused: number
  /** log entries with HTTP 429 or OPERATION_TIME_LIMIT */
  limitEntries: number
  /** requests throttled by the request-rate limit (503 QUERY_LIMIT_EXCEEDED) */
  throttled: number
  requests: number
  requestLog: string[]
}

export interface PortalCostFigures {
  latencyMs: number
  rateLimit: string
  operatingLimit: { limitSec: number; costSec: number }
  /** per size: the cold open, the reopen of what it kept, and one more reopen (of what the reopen kept) */
  opens: { cold: OpenCost; reopen: OpenCost; reopenAgain: OpenCost }[]
  rush: {
    people: number
    viewers: RushViewer[]
    operatingLimit: { limitSec: number; costSec: number }
    totalExecutions: number
    totalOperatingSec: number
    windowAfterSec: number
    refused: number
    limitEntries: number
    throttled: number
    maxFirstRowMs: number | null
    maxFoundMs: number | null
  } | null
}

export interface PortalCostOptions {
  browser: Browser
  portal: PortalServer
  sizes: number[]
  latencyMs: number
  rateLimit: { enabled: boolean; burst: number; drainPerSec: number }
  viewport: { width: number; height: number }
  /** skip the rush (BENCH_RUSH=0) */
  rush?: boolean
}

function app(page: Page): FrameLocator {
  return page.frameLocator('iframe[id^="appframe_"]')
}

/**
 * Runs in every frame of a bench context: notes the wall-clock moments the app's first row, the kept-copy
 * notice and a row naming the person searched for enter the DOM, and when the typed name reached the app.
 * Playwright sees rows a little later, and by then requests the app sent right after (the next batch of pages)
 * may have run: counting what the portal executed before these moments needs the app's own moment. A notice
 * that shows for a moment only is missed by a later look. Kept as source text, so the bundler's helpers never
 * leak into it.
 *
 * With a name to look for (`window.__benchSearch`, set by the visit), the name is typed here too, in one go as
 * a paste or Playwright's `fill` gives it: as a task queued the moment the first row and the search box are
 * both in the DOM, so it reaches the app when a keystroke made then would, behind whatever the page's one
 * thread still has to do. Typed through Playwright instead, it came 0.2–0.4 s later: the polling that sees
 * the row and the round trips of the typing itself, none of it the app's.
 */
const MARKS = `(() => {
  if (window === window.top) return
  const marks = (window.__benchMarks = { firstRow: 0, keptNotice: 0, typed: 0, found: 0, find: null, longTasks: [] })
  // read when needed: the order in which a page's and its context's init scripts run is not defined
  let search = null
  let typing = false
  const type = () => {
    const input = document.querySelector('input[type="search"]')
    // gone again since: the next change of the page types it
    if (!input) return void (typing = false)
    input.focus()
    input.value = search.text
    input.dispatchEvent(new Event('input', { bubbles: true }))
    input.dispatchEvent(new Event('change', { bubbles: true }))
  }
  // tasks of 50 ms and more on the main thread: while one runs, a keystroke waits
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) marks.longTasks.push([performance.timeOrigin + e.startTime, e.duration])
    }).observe({ type: 'longtask', buffered: true })
  } catch {}
  // when the typed name reached the app: a busy main thread takes it late
  document.addEventListener('input', () => { if (!marks.typed) marks.typed = Date.now() }, true)
  const check = () => {
    if (!marks.firstRow && document.querySelector('[data-testid="person-row"]')) marks.firstRow = Date.now()
    if (!marks.keptNotice && document.querySelector('[data-testid="cache-notice"]')) marks.keptNotice = Date.now()
    if (!search && window.__benchSearch) marks.find = (search = window.__benchSearch).words
    if (search && marks.firstRow && !typing && document.querySelector('input[type="search"]')) {
      typing = true
      setTimeout(type, 0)
    }
    // found once typed: the colleague's row before that answers no search
    if (marks.find && marks.typed && !marks.found) {
      for (const row of document.querySelectorAll('[data-testid="person-row"]')) {
        const text = row.textContent || ''
        if (marks.find.every((word) => text.includes(word))) {
          marks.found = Date.now()
          break
        }
      }
    }
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true })
})()`

interface Marks {
  /** [epoch ms, duration ms] of each main-thread task of 50 ms or more */
  longTasks: [number, number][]
  firstRow: number
  /** the kept-copy notice ("saved at …, bringing it up to date") showed */
  keptNotice: number
  typed: number
  found: number
}

async function appFrame(page: Page): Promise<Frame> {
  const frame = await (await page.locator('iframe[id^="appframe_"]').elementHandle())?.contentFrame()
  if (!frame) throw new Error('app frame not found')
  return frame
}

async function marksOf(page: Page): Promise<Marks> {
  return (await (await appFrame(page)).evaluate('({ ...window.__benchMarks })')) as Marks
}

/** user.get executions in REST requests the portal finished by `until` (epoch ms; every one when undefined). */
function userGetExecutions(log: readonly LogEntry[], until?: number): number {
  let count = 0
  for (const e of log) {
    if (until !== undefined && e.at > until) continue
    if (e.name === 'user.get' && e.status === 200) count++
    if (e.name === 'batch' && e.status === 200 && e.detail) {
      const m = /user\.get(?:×(\d+))?/.exec(e.detail)
      if (m) count += m[1] ? Number(m[1]) : 1
    }
  }
  return count
}

/** A direct user.get's filter and paging, short: `{NAME_SEARCH=…, ACTIVE} sort LAST_NAME start 0`. */
function userGetParams(params: unknown): string {
  const p = (params ?? {}) as Record<string, unknown>
  const filter = (p.filter ?? p.FILTER ?? {}) as Record<string, unknown>
  const keys = Object.entries(filter).map(([k, v]) =>
    k === 'NAME_SEARCH' ? `${k}=${String(v)}` : v && typeof v === 'object' ? `${k}[${Object.keys(v).length}]` : k,
  )
  const sort = p.sort ?? p.SORT
  const start = p.start ?? p.START
  return `{${keys.join(', ')}}${sort ? ` sort ${String(sort)}` : ''}${start !== undefined ? ` start ${String(start)}` : ''}`
}

/** Runs `wait`; the time it took, or null when it did not happen in time (the bench reports, never fails). */
async function timed(started: number, wait: () => Promise<unknown>): Promise<number | null> {
  try {
    await wait()
    return Date.now() - started
  } catch (e) {
    if (e instanceof Error && e.name === 'TimeoutError') return null
    throw e
  }
}

export async function measurePortalCost(options: PortalCostOptions): Promise<PortalCostFigures> {
  const { browser, portal, latencyMs, rateLimit, viewport } = options

  async function api<T>(path: string, body?: unknown, method = body === undefined ? 'GET' : 'POST'): Promise<T> {
    const response = await fetch(`${portal.url}/_portal/api/${path}`, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`)
    return (await response.json()) as T
  }
  const zero: UserGetUsage = { executions: 0, operatingSec: 0, refused: 0, operating: 0, blocked: false }
  /** user.get's usage, and the executions of every other method the portal books (not `batch`) */
  async function userGet(): Promise<UserGetUsage & { others: Record<string, number> }> {
    const usage = await api<{ methods: Record<string, UserGetUsage | undefined> }>('usage')
    const others = Object.fromEntries(
      Object.entries(usage.methods)
        .filter(([method, u]) => method !== 'user.get' && method !== 'batch' && u)
        .map(([method, u]) => [method, (u as UserGetUsage).executions]),
    )
    return { ...(usage.methods['user.get'] ?? zero), others }
  }
  /** The usage once the portal has finished what a closed page left in flight: two equal readings 300 ms apart. */
  async function settledUsage(): Promise<Awaited<ReturnType<typeof userGet>>> {
    let last = await userGet()
    for (let i = 0; i < 20; i++) {
      await new Promise((resolve) => setTimeout(resolve, 300))
      const now = await userGet()
      if (now.executions === last.executions) return now
      last = now
    }
    return last
  }
  const othersDelta = (after: Record<string, number>, before: Record<string, number>) =>
    Object.fromEntries(
      Object.entries(after)
        .map(([method, count]) => [method, count - (before[method] ?? 0)] as const)
        .filter(([, count]) => count > 0),
    )
  const resetUsage = () => api('usage/reset', {})
  const lastSeq = () => portal.store.log.since(0).at(-1)?.seq ?? 0
  const restLog = async (since: number) =>
    (await api<LogEntry[]>(`log?since=${since}`)).filter((e) => e.kind === 'rest')
  /** A request as the report shows it: when it finished after the navigation, status, method, commands. */
  const describe = (e: LogEntry, started: number) =>
    `+${e.at - started}ms ${e.status} ${e.name}${e.name === 'user.get' ? ` ${userGetParams(e.params)}` : ''}` +
    `${e.error ? ` ${e.error}` : ''}${e.detail ? ` (${e.detail})` : ''}`
  const isLimit = (e: LogEntry) =>
    e.status === 429 || e.error === 'OPERATION_TIME_LIMIT' || !!e.detail?.includes('OPERATION_TIME_LIMIT')

  /** People every employee sees (in a department, active, a real user), named in plain letters, by ID. */
  function searchable(): FixtureUser[] {
    const plain = (s: string) => /^\p{L}+$/u.test(s)
    const people = portal.store.fixtures.users.filter(
      (u) => u.ACTIVE && u.EXTERNAL_AUTH_ID === null && u.USER_TYPE === 'employee' && u.UF_DEPARTMENT.length > 0,
    )
    // not on the first page by name, or the list already on screen answers the search
    const surnames = people.map((u) => u.LAST_NAME).sort((a, b) => a.localeCompare(b))
    const firstPage = surnames[Math.min(surnames.length - 1, 100)] ?? ''
    return people
      .filter((u) => plain(u.NAME) && plain(u.LAST_NAME) && u.LAST_NAME.localeCompare(firstPage) > 0)
      .sort((a, b) => a.ID - b.ID)
  }
  /** The n-th person counted back from the end of the ID order, spread so each is different. */
  const deep = (list: FixtureUser[], n: number) => list[Math.max(0, list.length - 1 - n * 7)] as FixtureUser
  const fullName = (u: FixtureUser) => `${u.NAME} ${u.LAST_NAME}`
  const rowOf = (frame: FrameLocator, u: FixtureUser): Locator =>
    frame.locator(ROW).filter({ hasText: u.LAST_NAME }).filter({ hasText: u.NAME }).first()

  async function cloudPortal(people: number, operatingLimit: { enabled: boolean; limitSec: number; costSec: number }) {
    await api('reset', { people })
    await api('config', { latencyMs, rateLimit, operatingLimit })
    await resetUsage()
  }

  const defaults = defaultConfig().operatingLimit
  const cloudLimit = { enabled: true, limitSec: defaults.limitSec, costSec: defaults.costSec }

  interface Visit {
    /** the main thread's long tasks between the first row and the typed name reaching the app: sum, longest */
    busyMs: number | null
    longestTaskMs: number | null
    started: number
    firstRowAt: number | null
    keptNoticeAt: number | null
    typedAt: number | null
    foundAt: number | null
  }

  /**
   * Opens the portal page and waits for the app's first row; with a target, types their full name into the
   * search box right then and waits for a row naming them. Moments are the app's own (in-page marks).
   */
  async function visit(page: Page, url: string, target: FixtureUser | null, timeoutMs: number): Promise<Visit> {
    const frame = app(page)
    // the name is typed by the frame's own marks script (see MARKS)
    if (target) {
      const search = { text: fullName(target), words: [target.NAME, target.LAST_NAME] }
      await page.addInitScript(`window.__benchSearch = ${JSON.stringify(search)}`)
    }
    const started = Date.now()
    await page.goto(url)
    const sawRow = await timed(started, () => frame.locator(ROW).first().waitFor({ timeout: timeoutMs }))
    if (sawRow === null) return { started, firstRowAt: null, keptNoticeAt: null, typedAt: null, foundAt: null, busyMs: null, longestTaskMs: null }
    let found: number | null = null
    if (target) found = await timed(started, () => rowOf(frame, target).waitFor({ timeout: timeoutMs }))
    const marks = await marksOf(page)
    const from = marks.firstRow
    const to = marks.typed
    const busy = from && to ? marks.longTasks.filter(([at, duration]) => at + duration > from && at < to) : null
    return {
      busyMs: busy ? Math.round(busy.reduce((sum, [, duration]) => sum + duration, 0)) : null,
      longestTaskMs: busy ? Math.round(Math.max(0, ...busy.map(([, duration]) => duration))) : null,
      started,
      firstRowAt: marks.firstRow || started + sawRow,
      keptNoticeAt: marks.keptNotice || null,
      typedAt: marks.typed || null,
      foundAt: found === null ? null : marks.found || started + found,
    }
  }
  const since = (started: number, at: number | null) => (at === null ? null : at - started)
  const firstRequest = (log: readonly LogEntry[], started: number) => (log[0] ? log[0].at - started : null)

  /**
   * A reopen in the same context, in a new tab (a later visit, not a reload of the page, which keeps the view
   * the viewer left, search and all): counted from a usage reset until it settles — the kept-copy notice gone,
   * the count shown, the list kept again — and a second more.
   */
  async function reopen(context: BrowserContext, url: string, size: number): Promise<OpenCost> {
    const page = await context.newPage()
    const frame = app(page)
    await resetUsage()
    const seq = lastSeq()
    const opened = await visit(page, url, null, 120_000)
    const settledMs = await timed(opened.started, async () => {
      await frame.locator('[data-testid="cache-notice"]').waitFor({ state: 'detached', timeout: 600_000 })
      await frame.locator('[data-testid="people-count"]').filter({ hasText: /\d/ }).waitFor({ timeout: 60_000 })
      await frame.locator('main[data-cache-saved="yes"]').waitFor({ state: 'attached', timeout: 60_000 })
    })
    await page.waitForTimeout(SETTLE_MS)
    const counted = await openCost(size, opened, seq, settledMs)
    // from the device: the kept-copy notice showed, or rows were on screen before the portal had run a single
    // user.get (a sync that answers before the notice's part has loaded leaves no notice to see)
    const cost = { ...counted, fromKeptCopy: opened.keptNoticeAt !== null || counted.executionsAtFirstRow === 0 }
    await page.close()
    return cost
  }

  /** What an open cost the portal and when its first row came, from the usage counter and the log since `seq`. */
  async function openCost(size: number, opened: Visit, seq: number, doneMs: number | null): Promise<OpenCost> {
    const usage = await userGet()
    const log = await restLog(seq)
    return {
      people: size,
      firstRequestMs: firstRequest(log, opened.started),
      firstRowMs: since(opened.started, opened.firstRowAt),
      executionsAtFirstRow: opened.firstRowAt === null ? null : userGetExecutions(log, opened.firstRowAt),
      doneMs,
      settled: doneMs !== null,
      executions: usage.executions,
      operatingSec: usage.operatingSec,
      refused: usage.refused,
      others: usage.others,
      requests: log.length,
      requestLog: log.map((e) => describe(e, opened.started)),
    }
  }

  /**
   * A cold open of `size` people as the employee persona (searching for a person deep in the ID order as soon
   * as the first row shows), then a reopen in the same context, then one more: the first reopen of a list a
   * cold open kept, and one of a list a reopen kept.
   */
  async function coldThenReopen(size: number): Promise<PortalCostFigures['opens'][number]> {
    await cloudPortal(size, cloudLimit)
    const target = deep(searchable(), 0)
    const url = `${portal.url}/?persona=employee`
    const context = await browser.newContext({ viewport })
    await context.addInitScript(MARKS)
    try {
      const page = await context.newPage()
      await resetUsage()
      const seq = lastSeq()
      const opened = await visit(page, url, target, 120_000)
      const doneMs = await timed(opened.started, () =>
        app(page).locator('main[data-cache-saved="yes"]').waitFor({ state: 'attached', timeout: 600_000 }),
      )
      const log = await restLog(seq)
      const cold: OpenCost = {
        ...(await openCost(size, opened, seq, doneMs)),
        searchFor: fullName(target),
        typedMs: since(opened.started, opened.typedAt),
        busyBeforeTypedMs: opened.busyMs,
        longestTaskMs: opened.longestTaskMs,
        foundMs: since(opened.started, opened.foundAt),
        executionsAtSearchAnswer: opened.foundAt === null ? null : userGetExecutions(log, opened.foundAt),
      }
      await page.close()
      const first = await reopen(context, url, size)
      const again = await reopen(context, url, size)
      return { cold, reopen: first, reopenAgain: again }
    } finally {
      await context.close()
    }
  }

  /** Viewers for the rush: ordinary employees spread over the ID order, none of them an administrator. */
  function rushViewers(n: number): number[] {
    const candidates = portal.store.fixtures.users.filter(
      (u) => u.ACTIVE && u.EXTERNAL_AUTH_ID === null && u.USER_TYPE === 'employee' && u.UF_DEPARTMENT.length > 0 && !u.isAdmin,
    )
    const step = Math.max(1, Math.floor(candidates.length / n))
    return Array.from({ length: n }, (_, i) => (candidates[Math.min(candidates.length - 1, i * step)] as FixtureUser).ID)
  }

  async function rush(): Promise<NonNullable<PortalCostFigures['rush']>> {
    const operatingLimit = { enabled: true, limitSec: RUSH_LIMIT_SEC, costSec: RUSH_COST_SEC }
    await cloudPortal(RUSH_PEOPLE, operatingLimit)
    const targets = searchable()
    const viewers: RushViewer[] = []
    for (const [i, viewerId] of rushViewers(RUSH_VIEWERS).entries()) {
      const target = deep(targets, i + 1)
      const before = await userGet()
      const seq = lastSeq()
      const context = await browser.newContext({ viewport })
      await context.addInitScript(MARKS)
      let opened: Visit | null = null
      try {
        const page = await context.newPage()
        opened = await visit(page, `${portal.url}/?userId=${viewerId}`, target, 30_000)
        // the viewer reads the card for a moment: the background read may run meanwhile
        await page.waitForTimeout(RUSH_STAY_MS)
      } finally {
        await context.close()
      }
      const after = await settledUsage()
      const log = await restLog(seq)
      const figures: RushViewer = {
        viewerId,
        searchFor: fullName(target),
        firstRequestMs: firstRequest(log, opened.started),
        firstRowMs: since(opened.started, opened.firstRowAt),
        typedMs: since(opened.started, opened.typedAt),
        busyBeforeTypedMs: opened.busyMs,
        longestTaskMs: opened.longestTaskMs,
        foundMs: since(opened.started, opened.foundAt),
        executionsAtFirstRow: opened.firstRowAt === null ? null : userGetExecutions(log, opened.firstRowAt),
        executionsToFound: opened.foundAt === null ? null : userGetExecutions(log, opened.foundAt),
        executions: after.executions - before.executions,
        operatingSec: after.operatingSec - before.operatingSec,
        others: othersDelta(after.others, before.others),
        windowAfterSec: after.operating,
        refused: after.refused - before.refused,
        limitEntries: log.filter(isLimit).length,
        throttled: log.filter((e) => e.error === 'QUERY_LIMIT_EXCEEDED').length,
        requests: log.length,
        requestLog: log.map((e) => describe(e, (opened as Visit).started)),
      }
      viewers.push(figures)
      console.log(
        `  rush viewer ${i + 1} (#${viewerId}): first request ${ms(figures.firstRequestMs)}, first row ${ms(figures.firstRowMs)}, ${figures.searchFor} typed ` +
          `${ms(figures.typedMs)} (after ${figures.busyBeforeTypedMs ?? '—'} ms of long tasks, longest ${figures.longestTaskMs ?? '—'} ms), ` +
          `found ${ms(figures.foundMs)}, ${figures.executions} user.get executions (${figures.executionsAtFirstRow ?? '—'} ` +
          `before first row, ${figures.executionsToFound ?? '—'} to found), ${figures.operatingSec.toFixed(1)} s booked, ` +
          `window ${figures.windowAfterSec.toFixed(1)} s, ${figures.refused} refused, ${figures.limitEntries} limit entries, ` +
          `${figures.throttled} throttled; other methods: ${othersText(figures.others)}`,
      )
    }
    const final = await settledUsage()
    const times = (pick: (v: RushViewer) => number | null) =>
      viewers.some((v) => pick(v) === null) ? null : Math.max(...viewers.map((v) => pick(v) as number))
    return {
      people: RUSH_PEOPLE,
      viewers,
      operatingLimit: { limitSec: RUSH_LIMIT_SEC, costSec: RUSH_COST_SEC },
      totalExecutions: final.executions,
      totalOperatingSec: final.operatingSec,
      windowAfterSec: final.operating,
      refused: final.refused,
      limitEntries: viewers.reduce((s, v) => s + v.limitEntries, 0),
      throttled: viewers.reduce((s, v) => s + v.throttled, 0),
      maxFirstRowMs: times((v) => v.firstRowMs),
      maxFoundMs: times((v) => v.foundMs),
    }
  }

  const opens: PortalCostFigures['opens'] = []
  try {
    for (const size of options.sizes) {
      const figures = await coldThenReopen(size)
      opens.push(figures)
      const { cold, reopen, reopenAgain } = figures
      console.log(
        `portal cost at ${size}: cold ${cold.executions} user.get executions (${cold.operatingSec.toFixed(2)} s), ` +
          `${cold.executionsAtFirstRow ?? '—'} before the first row (first request ${ms(cold.firstRequestMs)}, row ${ms(cold.firstRowMs)}), ` +
          `${cold.executionsAtSearchAnswer ?? '—'} before the search answered (typed ${ms(cold.typedMs ?? null)} after ` +
          `${cold.busyBeforeTypedMs ?? '—'} ms of long tasks, longest ${cold.longestTaskMs ?? '—'} ms; answered ${ms(cold.foundMs ?? null)}), ` +
          `complete and kept ${ms(cold.doneMs)}; other methods: ${othersText(cold.others)}` +
          (size >= LARGE_PORTAL ? ` — ${targetNote(largeColdMet(cold))} (≤ ${LARGE_COLD_TARGET} before first row and answer)` : ''),
      )
      console.log(`    requests: ${cold.requestLog.join('; ') || 'none'}`)
      for (const [label, open] of [['reopen', reopen], ['reopen again', reopenAgain]] as const) {
        console.log(
          `  ${label}: ${open.executions} user.get executions (${open.operatingSec.toFixed(2)} s), first row ${ms(open.firstRowMs)}, ` +
            `${open.fromKeptCopy ? 'from the kept copy' : 'NOT from a kept copy'}, ` +
            `${open.settled ? `settled ${ms(open.doneMs)}` : 'never settled'} — ` +
            `${targetNote(open.executions <= REOPEN_TARGET)} (≤ ${REOPEN_TARGET}); other methods: ${othersText(open.others)}`,
        )
        console.log(`    requests: ${open.requestLog.join('; ') || 'none'}`)
      }
    }
    const rushFigures = options.rush === false ? null : await rush()
    if (rushFigures) {
      console.log(
        `rush of ${rushFigures.viewers.length} viewers at ${rushFigures.people} people (${RUSH_COST_SEC} s per execution): ` +
          `${rushFigures.totalExecutions} user.get executions, ${rushFigures.totalOperatingSec.toFixed(1)} s booked ` +
          `(window ${rushFigures.windowAfterSec.toFixed(1)} of ${RUSH_LIMIT_SEC} s), ${rushFigures.refused} refused, ` +
          `${rushFigures.limitEntries} OPERATION_TIME_LIMIT entries; slowest first row ${ms(rushFigures.maxFirstRowMs)}, ` +
          `slowest found ${ms(rushFigures.maxFoundMs)} — ${targetNote(rushMet(rushFigures))}`,
      )
    }
    return {
      latencyMs,
      rateLimit: `${rateLimit.drainPerSec}/s, burst ${rateLimit.burst}`,
      operatingLimit: { limitSec: cloudLimit.limitSec, costSec: cloudLimit.costSec },
      opens,
      rush: rushFigures,
    }
  } finally {
    // leave the portal as the rest of the bench expects it: no operating limit
    await api('config', { operatingLimit: { ...defaults } }).catch(() => undefined)
  }
}

/** `department.get 84, user.current 1`, or `—` */
function othersText(others: Record<string, number>): string {
  const list = Object.entries(others).map(([method, count]) => `${method} ${count}`)
  return list.length ? list.join(', ') : '—'
}

function ms(value: number | null): string {
  return value === null ? 'never (timed out)' : value < 10_000 ? `${value} ms` : `${(value / 1000).toFixed(1)} s`
}

function targetNote(met: boolean): string {
  return met ? 'target met' : 'target MISSED'
}

function largeColdMet(cold: OpenCost): boolean {
  return (
    cold.executionsAtFirstRow !== null && cold.executionsAtFirstRow <= LARGE_COLD_TARGET &&
    cold.executionsAtSearchAnswer != null && cold.executionsAtSearchAnswer <= LARGE_COLD_TARGET
  )
}

function rushMet(rush: NonNullable<PortalCostFigures['rush']>): boolean {
  return (
    rush.refused === 0 && rush.limitEntries === 0 &&
    rush.maxFirstRowMs !== null && rush.maxFirstRowMs <= RUSH_FIRST_ROW_TARGET_MS &&
    rush.maxFoundMs !== null && rush.maxFoundMs <= RUSH_FOUND_TARGET_MS
  )
}

const n = (value: number) => new Intl.NumberFormat('en').format(value)
const sec = (value: number | null | undefined) => (value == null ? '—' : `${(value / 1000).toFixed(2)} s`)

/** The section of bench-results/latest.md. */
export function portalCostMarkdown(f: PortalCostFigures): string[] {
  const lines = [
    `Portal cost: user.get executions and operating seconds the stand-in booked (\`GET /_portal/api/usage\`, reset ` +
      `before each open), rate limit ${f.rateLimit}, ${f.latencyMs} ms latency, operating limit on ` +
      `(${f.operatingLimit.limitSec} s per 10 min, ${f.operatingLimit.costSec} s booked per execution on top of the ` +
      'measured time). Cold: a fresh browser context as the employee persona, typing the full name of a person deep ' +
      'in the ID order as soon as the first row shows; counted until the list is complete and kept. Reopen: a second ' +
      'open in the same context, counted until it settles; reopen again: a third. "Before first row / search answer": ' +
      'executions the portal finished before that row entered the app\'s DOM (from its log).',
    '',
    '| open | people | user.get executions | operating s | before first row | before search answer | first row | search answered | done | target | other methods |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ]
  const reopenRow = (label: string, o: OpenCost) =>
    `| ${label} | ${n(o.people)} | ${n(o.executions)} | ${o.operatingSec.toFixed(2)} | ${o.executionsAtFirstRow ?? '—'} | — | ` +
    `${sec(o.firstRowMs)} | — | ${sec(o.doneMs)}${o.settled ? '' : ' (never settled)'} | ≤ ${REOPEN_TARGET}: ` +
    `${o.executions <= REOPEN_TARGET ? 'met' : 'MISSED'}${o.fromKeptCopy ? '' : ' (not from a kept copy)'} | ${othersText(o.others)} |`
  for (const { cold, reopen, reopenAgain } of f.opens) {
    const coldTarget =
      cold.people >= LARGE_PORTAL ? `≤ ${LARGE_COLD_TARGET} before first row and answer: ${largeColdMet(cold) ? 'met' : 'MISSED'}` : '—'
    lines.push(
      `| cold | ${n(cold.people)} | ${n(cold.executions)} | ${cold.operatingSec.toFixed(2)} | ${cold.executionsAtFirstRow ?? '—'} | ` +
        `${cold.executionsAtSearchAnswer ?? '—'} | ${sec(cold.firstRowMs)} | ${sec(cold.foundMs)} | ${sec(cold.doneMs)} | ${coldTarget} | ` +
        `${othersText(cold.others)} |`,
      reopenRow('reopen', reopen),
      reopenRow('reopen again', reopenAgain),
    )
  }
  const r = f.rush
  if (!r) return lines
  lines.push(
    '',
    `Rush: ${r.viewers.length} viewers open the app cold one after another on a heavy ${n(r.people)}-person portal ` +
      `(${r.operatingLimit.costSec} s booked per user.get execution, limit ${r.operatingLimit.limitSec} s per 10 min), ` +
      `each typing a colleague's full name as soon as the first row shows and staying ${RUSH_STAY_MS / 1000} s. ` +
      'Times from the navigation ("app\'s first request": the SDK started inside the frame and its first REST ' +
      'call done); executions before first row / before found / during the whole visit.',
    '',
    '| # | viewer | app\'s first request | first row | found | user.get executions | operating s | window after | refused / 429 entries |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.viewers.map(
      (v, i) =>
        `| ${i + 1} | #${v.viewerId} | ${sec(v.firstRequestMs)} | ${sec(v.firstRowMs)} | ${sec(v.foundMs)} | ` +
        `${v.executionsAtFirstRow ?? '—'} / ${v.executionsToFound ?? '—'} / ${v.executions} | ` +
        `${v.operatingSec.toFixed(1)} | ${v.windowAfterSec.toFixed(1)} | ${v.refused} / ${v.limitEntries} |`,
    ),
    '',
    `Rush totals: ${n(r.totalExecutions)} user.get executions, ${r.totalOperatingSec.toFixed(1)} s booked (window ` +
      `${r.windowAfterSec.toFixed(1)} of ${r.operatingLimit.limitSec} s after the last viewer), ${r.refused} refused, ` +
      `${r.limitEntries} OPERATION_TIME_LIMIT answers, ${r.throttled} requests throttled; slowest first row ` +
      `${sec(r.maxFirstRowMs)} (target ≤ ${sec(RUSH_FIRST_ROW_TARGET_MS)}), slowest found ${sec(r.maxFoundMs)} ` +
      `(target ≤ ${sec(RUSH_FOUND_TARGET_MS)}): ${rushMet(r) ? 'targets met' : 'targets MISSED'}.`,
  )
  return lines
}
