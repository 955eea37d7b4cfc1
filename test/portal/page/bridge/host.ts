/**
 * One `app.layout` on a portal page: opens the app (form POST or static GET), listens to its postMessage
 * traffic, applies the real portal's checks (origin, payload type, APP_SID, interface and deny list), runs the
 * command handlers and answers `callbackId:JSON` to the iframe. Every message is recorded in the portal log.
 */
import type { AppFrameConfig, InitData, PageConfig } from './config'
import { postFrameLog } from './api'
import { summarize } from './dom'
import { argsObject, originAllowed, parseFrameMessage, type FrameMessage } from './message'
import { COMMANDS, type Outcome } from './commands'

/** What the layout knows and changes while the app runs (tokens after refreshAuth, options, FIRST_RUN). */
export interface FrameState {
  authId: string
  refreshId: string
  authExpires: string
  firstRun: boolean
  userOptions: Record<string, unknown>
  appOptions: Record<string, unknown>
}

/** A record of each message, kept on `window.__portal.events` for developers (devtools) and tests. */
export interface LocalEvent {
  at: number
  name: string
  args: unknown
  callback: string
  status: 'reply' | 'no-reply' | 'denied' | 'dropped'
  reply?: string
  note?: string
  origin: string
}

declare global {
  interface Window {
    __portal?: { events: LocalEvent[]; hosts: FrameHost[] }
  }
}

function objectOrEmpty(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {}
}

export class FrameHost {
  readonly iframe: HTMLIFrameElement
  readonly layout: HTMLElement
  readonly form: HTMLFormElement | null
  readonly state: FrameState
  /** reply target: the normalised app origin */
  readonly replyOrigin: string

  constructor(
    readonly cfg: AppFrameConfig,
    readonly page: PageConfig,
  ) {
    const iframe = document.getElementById(`appframe_${cfg.appSid}`)
    const layout = document.getElementById(`appframe_layout_${cfg.appSid}`)
    if (!(iframe instanceof HTMLIFrameElement) || !layout) throw new Error('app layout markup is missing')
    this.iframe = iframe
    this.layout = layout
    this.form = document.querySelector<HTMLFormElement>(`form[data-app-sid="${cfg.appSid}"]`)
    this.state = {
      authId: cfg.init.AUTH_ID,
      refreshId: cfg.init.REFRESH_ID,
      authExpires: cfg.init.AUTH_EXPIRES,
      firstRun: cfg.init.FIRST_RUN,
      userOptions: objectOrEmpty(cfg.init.USER_OPTIONS),
      appOptions: objectOrEmpty(cfg.init.APP_OPTIONS),
    }
    let replyOrigin = cfg.appOrigin
    try {
      replyOrigin = new URL(cfg.appOrigin).origin
    } catch {
      // keep as given
    }
    this.replyOrigin = replyOrigin
    const registry = (window.__portal ??= { events: [], hosts: [] })
    registry.hosts.push(this)
  }

  /** Listen first, then open the app: the form POST into the iframe, or `iframe.src = action` for static apps. */
  start(): void {
    window.addEventListener('message', (e) => void this.onMessage(e))
    if (this.cfg.staticOpen || !this.form) {
      this.iframe.src = this.cfg.action
    } else {
      this.form.submit()
    }
  }

  /** The getInitData answer, with the current tokens and options (portal-protocol.md 1.4). */
  initData(): InitData {
    const i = this.cfg.init
    const opts = (o: Record<string, unknown>): Record<string, unknown> | [] => (Object.keys(o).length ? { ...o } : [])
    return {
      LANG: i.LANG,
      DOMAIN: i.DOMAIN,
      PROTOCOL: i.PROTOCOL,
      PATH: i.PATH,
      AUTH_ID: this.state.authId,
      AUTH_EXPIRES: this.state.authExpires,
      REFRESH_ID: this.state.refreshId,
      MEMBER_ID: i.MEMBER_ID,
      FIRST_RUN: this.state.firstRun,
      IS_ADMIN: i.IS_ADMIN,
      INSTALL: i.INSTALL,
      USER_OPTIONS: opts(this.state.userOptions),
      APP_OPTIONS: opts(this.state.appOptions),
      PLACEMENT: i.PLACEMENT,
      PLACEMENT_OPTIONS:
        Array.isArray(i.PLACEMENT_OPTIONS) || Object.keys(i.PLACEMENT_OPTIONS).length === 0 ? [] : { ...i.PLACEMENT_OPTIONS },
    }
  }

  private record(ev: Omit<LocalEvent, 'at'>, durationMs?: number): void {
    const entry: LocalEvent = { at: Date.now(), ...ev }
    window.__portal?.events.push(entry)
    postFrameLog({
      kind: 'frame',
      name: ev.name,
      params: ev.args,
      status: ev.status,
      durationMs,
      error: ev.status === 'reply' ? undefined : ev.note,
      detail: ev.reply !== undefined ? `→ ${summarize(ev.reply, 300)}` : ev.note,
      userId: this.page.viewer.id || undefined,
    })
  }

  private async onMessage(e: MessageEvent): Promise<void> {
    const started = performance.now()
    if (!originAllowed(e.origin, this.cfg.appOrigin, this.cfg.appPort)) {
      // Not from the app. Only frame-protocol-looking traffic is worth a log line (sliders, extensions are not).
      const msg = parseFrameMessage(e.data)
      if (msg && msg.appSid === this.cfg.appSid) {
        this.record({ name: msg.method, args: msg.args, callback: msg.callback, status: 'dropped', note: `wrong origin ${e.origin}`, origin: e.origin })
      }
      return
    }
    const msg = parseFrameMessage(e.data)
    if (!msg) {
      this.record({ name: '(unparsable)', args: summarize(e.data), callback: '', status: 'dropped', note: 'not a frame message', origin: e.origin })
      return
    }
    if (msg.appSid !== this.cfg.appSid) {
      // Several layouts may share a page; each listener only takes its own APP_SID.
      if (!document.getElementById(`appframe_${msg.appSid}`)) {
        this.record({ name: msg.method, args: msg.args, callback: msg.callback, status: 'dropped', note: `unknown APP_SID ${msg.appSid}`, origin: e.origin })
      }
      return
    }
    const handler = Object.prototype.hasOwnProperty.call(COMMANDS, msg.method) ? COMMANDS[msg.method] : undefined
    if (!handler) {
      this.record({ name: msg.method, args: msg.args, callback: msg.callback, status: 'denied', note: 'unknown command', origin: e.origin })
      return
    }
    if (this.cfg.deny.includes(msg.method)) {
      this.record({ name: msg.method, args: msg.args, callback: msg.callback, status: 'denied', note: `denied in ${this.cfg.inSlider ? 'a slider' : this.cfg.init.PLACEMENT}`, origin: e.origin })
      return
    }
    let outcome: Outcome
    try {
      outcome = await handler({ host: this, msg, args: argsObject(msg.args) })
    } catch (err) {
      outcome = { status: 'no-reply', note: `handler failed: ${err instanceof Error ? err.message : String(err)}` }
    }
    const durationMs = Math.round(performance.now() - started)
    if (outcome.status === 'reply') {
      const payload = this.reply(msg, outcome.result)
      this.record({ name: msg.method, args: msg.args, callback: msg.callback, status: msg.callback ? 'reply' : 'no-reply', reply: payload, note: outcome.note, origin: e.origin }, durationMs)
    } else {
      this.record({ name: msg.method, args: msg.args, callback: msg.callback, status: outcome.status, note: outcome.note, origin: e.origin }, durationMs)
    }
    outcome.after?.()
  }

  /** `cb + ':' + JSON` to the app iframe, only when the message had a callback id. Returns the JSON part. */
  private reply(msg: FrameMessage, result: unknown): string {
    const body = result === undefined ? '' : JSON.stringify(result)
    if (msg.callback) {
      try {
        this.iframe.contentWindow?.postMessage(`${msg.callback}:${body}`, this.replyOrigin)
      } catch (err) {
        console.warn('[portal] reply failed', err)
      }
    }
    return body
  }
}
