/**
 * The search part of `npm run bench`: keystroke to rendered rows at the largest size, and the same harness on a
 * page that does no work at all, so the figures show how much of them is the harness's own frame.
 */
import type { Browser, Frame, Page } from '@playwright/test'
import { percentile } from './stats'

export interface SearchFigures {
  people: number
  queries: number
  keystrokes: number
  p50Ms: number
  p95Ms: number
  /** the same keystrokes on a page that answers each one in a microtask: what no app can beat (absent from
   * figures measured before it was) */
  floorP50Ms?: number
  floorP95Ms?: number
  /** from the keystroke until the page's thread ran the animation callbacks of the frame that drew its rows:
   * the app's work, or the wait for the display's next frame when the work ended sooner. Beside the no-work
   * page's figure it says whether the work held that frame back; the painted figures add the frame's own
   * style, layout and paint (absent from figures measured before it was) */
  frameReachedP95Ms?: number
  floorFrameReachedP95Ms?: number
  maxDomRows: number
  jsHeapMb: number
}

const SEARCH_QUERIES = 60

/**
 * Runs in a page: types a query key by key and times each keystroke from its input event until the rows that
 * answer it are on screen and painted. The results carry the query they answer (`data-answers`), so a
 * debounced or deferred search is timed until its answer shows, not until the next frame. The answer is looked
 * for at each frame's animation callbacks, before the frame is drawn (an answer given at once, in the
 * microtasks the event queued as Vue's update is, is there at the first); the first frame that has it draws
 * it, and the timing ends with a task queued from there, which runs once it is drawn. Each keystroke starts
 * just after a frame was drawn, so a page that answers at once measures one frame. Each keystroke also notes
 * when the page's thread got to the frame that draws its answer (performance.now() in that frame's animation
 * callbacks, not the frame's own timestamp, which is the display's tick the frame was meant for).
 * Kept as source text, so the bundler's helpers never leak into it.
 */
const TYPE_AND_TIME = `async (text) => {
  const input = document.querySelector('input[type="search"]')
  if (!input) throw new Error('no search box in ' + location.href)
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now())))
  const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))
  const answers = () => document.querySelector('[data-testid="people-results"]')?.getAttribute('data-answers')
  input.value = ''
  input.dispatchEvent(new Event('input', { bubbles: true }))
  await nextFrame()
  await nextTask()
  const times = []
  const reached = []
  let rows = 0
  for (let i = 1; i <= text.length; i++) {
    const typed = text.slice(0, i)
    const started = performance.now()
    input.value = typed
    input.dispatchEvent(new Event('input', { bubbles: true }))
    let frameAt = 0
    do {
      if (performance.now() - started > 10000) throw new Error('no answer to "' + typed + '" in 10 s')
      frameAt = await nextFrame()
    } while (answers() !== typed)
    reached.push(frameAt - started)
    await nextTask()
    times.push(performance.now() - started)
    rows = Math.max(rows, document.querySelectorAll('[data-testid="people-grid"] tbody tr').length)
  }
  return { times, reached, rows }
}`

/** A search box whose answer is its own text, given in a microtask like a Vue update: no work at all. */
const NO_WORK_PAGE = `<input type="search"><section data-testid="people-results"></section><script>
  const input = document.querySelector('input')
  const results = document.querySelector('section')
  input.addEventListener('input', () => queueMicrotask(() => {
    results.textContent = input.value
    results.setAttribute('data-answers', input.value)
  }))
</script>`

async function typeAll(page: Page | Frame, queries: string[]) {
  const timings: number[] = []
  const reached: number[] = []
  let maxRows = 0
  for (const query of queries) {
    const result = (await page.evaluate(`(${TYPE_AND_TIME})(${JSON.stringify(query)})`)) as { times: number[]; reached: number[]; rows: number }
    timings.push(...result.times)
    reached.push(...result.reached)
    maxRows = Math.max(maxRows, result.rows)
  }
  return { timings, reached, maxRows }
}

/** Real names and positions from the portal, as people would type them: a first name, a surname, a role. */
export function pickQueries(names: string[]): string[] {
  const queries: string[] = []
  for (let i = 0; queries.length < SEARCH_QUERIES && i < names.length; i += Math.max(1, Math.floor(names.length / SEARCH_QUERIES))) {
    const words = (names[i] ?? '').split(/\s+/).filter((w) => /^\p{L}+$/u.test(w))
    const word = words[i % Math.max(1, words.length)]
    if (word) queries.push(word.slice(0, 6))
  }
  return queries
}

/**
 * Types each query key by key in the app's frame (`appPort` names it) and times every keystroke until its
 * result is on screen; then the same on a page that does no work, in the same browser.
 */
export async function measureSearch(browser: Browser, page: Page, appPort: number, people: number, queries: string[]): Promise<SearchFigures> {
  const frame = page.frames().find((f) => f.url().includes(`:${appPort}/`))
  if (!frame) throw new Error('app frame not found')
  const { timings, reached, maxRows } = await typeAll(frame, queries)
  // the app's frame is cross-site, so Chromium runs it in a process of its own: its heap, not the portal page's.
  // What the app keeps alive, after a garbage collection: not whatever garbage the last keystroke left
  const client = await page.context().newCDPSession(frame)
  await client.send('HeapProfiler.collectGarbage')
  await client.send('Performance.enable')
  const { metrics } = await client.send('Performance.getMetrics')
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0
  const context = await browser.newContext({ viewport: page.viewportSize() ?? undefined })
  let floor: Awaited<ReturnType<typeof typeAll>>
  try {
    const blank = await context.newPage()
    await blank.setContent(NO_WORK_PAGE)
    floor = await typeAll(blank, queries)
  } finally {
    await context.close()
  }
  return {
    people,
    queries: queries.length,
    keystrokes: timings.length,
    p50Ms: percentile(timings, 50),
    p95Ms: percentile(timings, 95),
    floorP50Ms: percentile(floor.timings, 50),
    floorP95Ms: percentile(floor.timings, 95),
    frameReachedP95Ms: percentile(reached, 95),
    floorFrameReachedP95Ms: percentile(floor.reached, 95),
    maxDomRows: maxRows,
    jsHeapMb: heap / 1024 / 1024,
  }
}

/** The no-work page's figures, for a report: what the harness itself costs a keystroke. */
export function floorText(figures: SearchFigures): string {
  if (figures.floorP50Ms === undefined || figures.floorP95Ms === undefined) return 'no figures of a page that does no work'
  return `a page that does no work: p50 ${figures.floorP50Ms.toFixed(1)} ms, p95 ${figures.floorP95Ms.toFixed(1)} ms`
}

/** When the frame that drew a keystroke's rows was reached, beside the no-work page's, for a report. */
export function frameReachedText(figures: SearchFigures): string {
  if (figures.frameReachedP95Ms === undefined || figures.floorFrameReachedP95Ms === undefined) return 'no frame times'
  return `the frame that drew the rows reached p95 ${figures.frameReachedP95Ms.toFixed(1)} ms after the keystroke ` +
    `(no-work page ${figures.floorFrameReachedP95Ms.toFixed(1)} ms)`
}
