/**
 * The live log panel: frame messages and REST calls as they happen, from the SSE stream
 * `GET /_portal/api/log/stream` (one LogEntry JSON per event), backfilled from `GET /_portal/api/log`.
 */
import type { LogEntry } from '../../types'
import { api } from './api'
import { $, h, summarize } from './dom'

const MAX_ROWS = 500

type Filter = 'all' | 'rest' | 'frame' | 'errors'

function statusClass(entry: LogEntry): string {
  const s = entry.status
  if (typeof s === 'number') return s >= 200 && s < 300 ? 'ok' : s === 0 ? 'bad' : 'bad'
  if (s === 'reply') return 'ok'
  if (s === 'denied') return 'warn'
  if (s === 'dropped') return 'bad'
  return 'muted'
}

function isError(entry: LogEntry): boolean {
  const c = statusClass(entry)
  return c === 'bad' || c === 'warn' || Boolean(entry.error)
}

/** REST params without the SDK's bookkeeping query keys (bx24_request_id …), for a readable one-liner. */
function paramsSummary(entry: LogEntry): string {
  const p = entry.params
  if (entry.kind === 'rest' && p && typeof p === 'object' && !Array.isArray(p)) {
    const rest = Object.fromEntries(Object.entries(p as Record<string, unknown>).filter(([k]) => !k.startsWith('bx24_')))
    return Object.keys(rest).length ? summarize(rest) : ''
  }
  return summarize(p)
}

function time(at: number): string {
  const d = new Date(at)
  const pad = (n: number, w = 2): string => String(n).padStart(w, '0')
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`
}

export function mountLogPanel(): void {
  const root = $('#pd-log')
  const body = $('#pd-log-rows')
  if (!root || !body) return
  const stateDot = $('[data-log-state]', root)
  const countEl = $('[data-log-count]', root)
  const search = $('[data-log-search]', root) as HTMLInputElement | null
  const seen = new Set<number>()
  let filter: Filter = 'all'
  let paused = false
  const queued: LogEntry[] = []

  const visible = (entry: LogEntry): boolean => {
    if (filter === 'rest' && entry.kind !== 'rest') return false
    if (filter === 'frame' && entry.kind !== 'frame') return false
    if (filter === 'errors' && !isError(entry)) return false
    const q = search?.value.trim().toLowerCase()
    if (q && !`${entry.name} ${summarize(entry.params, 400)} ${entry.status} ${entry.error ?? ''}`.toLowerCase().includes(q)) return false
    return true
  }

  const applyFilter = (): void => {
    for (const row of Array.from(body.children) as HTMLElement[]) {
      const entry = (row as HTMLElement & { __entry?: LogEntry }).__entry
      if (entry) row.hidden = !visible(entry)
    }
  }

  const updateCount = (): void => {
    if (countEl) countEl.textContent = `${body.children.length}${paused && queued.length ? ` (+${queued.length} paused)` : ''}`
  }

  const renderRow = (entry: LogEntry): HTMLElement => {
    const status = String(entry.status)
    const detail = h(
      'pre',
      { class: 'pd-log__detail', hidden: true },
      JSON.stringify(
        { params: entry.params, status: entry.status, error: entry.error, detail: entry.detail, userId: entry.userId, durationMs: entry.durationMs },
        null,
        2,
      ),
    )
    const row = h(
      'div',
      { class: `pd-log__row pd-log__row--${entry.kind}`, role: 'row', tabindex: '0', 'data-kind': entry.kind, 'data-name': entry.name, 'data-status': status },
      h('span', { class: 'pd-log__time' }, time(entry.at)),
      h('span', { class: `pd-log__kind pd-log__kind--${entry.kind}` }, entry.kind === 'rest' ? 'REST' : 'FRAME'),
      h('span', { class: 'pd-log__name', title: entry.name }, entry.name),
      h('span', { class: 'pd-log__params', title: summarize(entry.params, 2000) }, entry.detail && entry.kind === 'rest' ? entry.detail : paramsSummary(entry)),
      h('span', { class: `pd-log__status pd-log__status--${statusClass(entry)}`, title: entry.error ?? '' }, entry.error && entry.kind === 'rest' ? `${status} ${entry.error}` : status),
      h('span', { class: 'pd-log__dur' }, entry.durationMs === undefined ? '' : `${entry.durationMs} ms`),
      detail,
    )
    const toggle = (): void => {
      detail.hidden = !detail.hidden
      row.classList.toggle('is-open', !detail.hidden)
    }
    row.addEventListener('click', toggle)
    row.addEventListener('keydown', (e) => {
      if (e.key === 'Enter') toggle()
    })
    ;(row as HTMLElement & { __entry?: LogEntry }).__entry = entry
    row.hidden = !visible(entry)
    return row
  }

  const add = (entry: LogEntry): void => {
    if (typeof entry.seq === 'number') {
      if (seen.has(entry.seq)) return
      seen.add(entry.seq)
    }
    if (paused) {
      queued.push(entry)
      updateCount()
      return
    }
    const row = renderRow(entry)
    row.dataset.seq = String(entry.seq)
    // newest on top; entries arriving out of order (backfill vs stream) find their place by seq
    let before = body.firstElementChild as HTMLElement | null
    while (before && Number(before.dataset.seq) > entry.seq) before = before.nextElementSibling as HTMLElement | null
    body.insertBefore(row, before)
    while (body.children.length > MAX_ROWS) body.lastElementChild?.remove()
    updateCount()
  }

  // controls
  for (const btn of Array.from(root.querySelectorAll<HTMLButtonElement>('[data-log-filter]'))) {
    btn.addEventListener('click', () => {
      filter = (btn.dataset.logFilter as Filter) || 'all'
      for (const b of Array.from(root.querySelectorAll<HTMLButtonElement>('[data-log-filter]'))) b.setAttribute('aria-pressed', String(b === btn))
      applyFilter()
    })
  }
  search?.addEventListener('input', applyFilter)
  $('[data-log-pause]', root)?.addEventListener('click', (e) => {
    paused = !paused
    const btn = e.currentTarget as HTMLButtonElement
    btn.setAttribute('aria-pressed', String(paused))
    btn.textContent = paused ? 'Resume' : 'Pause'
    if (!paused) for (const entry of queued.splice(0).sort((a, b) => a.seq - b.seq)) add(entry)
    updateCount()
  })
  $('[data-log-clear]', root)?.addEventListener('click', () => {
    body.replaceChildren()
    queued.length = 0
    updateCount()
    void api('/_portal/api/log', undefined, 'DELETE').catch(() => undefined)
  })
  $('[data-log-toggle]', root)?.addEventListener('click', (e) => {
    const collapsed = root.classList.toggle('is-collapsed')
    document.documentElement.classList.toggle('pd-log-collapsed', collapsed)
    ;(e.currentTarget as HTMLElement).setAttribute('aria-expanded', String(!collapsed))
    try {
      localStorage.setItem('pd-log-collapsed', collapsed ? '1' : '0')
    } catch {
      // storage may be unavailable
    }
  })
  try {
    if (localStorage.getItem('pd-log-collapsed') === '1') {
      root.classList.add('is-collapsed')
      document.documentElement.classList.add('pd-log-collapsed')
      $('[data-log-toggle]', root)?.setAttribute('aria-expanded', 'false')
    }
  } catch {
    // ignore
  }

  const setState = (state: 'live' | 'connecting' | 'offline'): void => {
    if (!stateDot) return
    stateDot.dataset.logState = state
    stateDot.title = state === 'live' ? 'Live' : state === 'connecting' ? 'Connecting…' : 'Disconnected (retrying)'
  }

  // backfill the recent past, then stream what follows (the stream sends `event: log` with `id: <seq>`)
  const connect = (since: number): void => {
    if (typeof EventSource === 'undefined') return
    setState('connecting')
    const source = new EventSource(`/_portal/api/log/stream?since=${since}`)
    const onEntry = (e: MessageEvent<string>): void => {
      try {
        const entry = JSON.parse(e.data) as LogEntry
        if (entry && typeof entry === 'object' && typeof entry.name === 'string') add(entry)
      } catch {
        // ignore keep-alives and malformed events
      }
    }
    source.addEventListener('log', onEntry as EventListener)
    source.onmessage = onEntry
    source.onopen = () => setState('live')
    source.onerror = () => setState(source.readyState === EventSource.CLOSED ? 'offline' : 'connecting')
    window.addEventListener('pagehide', () => source.close())
  }
  void api<LogEntry[]>('/_portal/api/log?since=0')
    .then((entries) => {
      let last = 0
      if (Array.isArray(entries)) {
        for (const entry of entries.slice(-200)) add(entry)
        for (const entry of entries) last = Math.max(last, entry.seq)
      }
      connect(last)
    })
    .catch(() => connect(0))
}
