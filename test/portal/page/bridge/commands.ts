/**
 * The portal's command handlers (portal-protocol.md 1.3 and the 7.2 command table). A handler returns an
 * Outcome; the host (host.ts) posts the reply, logs, then runs `after` (page reloads).
 */
import { api, ApiError, type AccessHit, type PersonHit } from './api'
import { summarize } from './dom'
import type { FrameMessage } from './message'
import type { FrameHost } from './host'
import { portalUi } from './ui'

export type Outcome =
  | { status: 'reply'; result?: unknown; note?: string; after?: () => void }
  | { status: 'no-reply' | 'denied'; note?: string; after?: () => void }

export interface CommandContext {
  host: FrameHost
  msg: FrameMessage
  /** args as an object ({} when the app sent none or a bare string) */
  args: Record<string, unknown>
}

type Handler = (ctx: CommandContext) => Outcome | Promise<Outcome>

const reply = (result?: unknown, note?: string): Outcome => ({ status: 'reply', result, note })
const noReply = (note?: string, after?: () => void): Outcome => ({ status: 'no-reply', note, after })

/** Paths the portal opens in a slider (openPath), after normalisation. */
const OPEN_PATH_ALLOWED =
  /^\/(?:crm\/(?:deal|lead|contact|company)\/|marketplace\/|company\/personal\/user\/\d+\/|workgroups\/group\/\d+\/)/

/** The SDK encodes the wanted slider width in a `../`-laden prefix (slider.openPath(url, width)). */
function widthFromPrefix(rawPath: string): number {
  if (rawPath.startsWith('/crm/type/0/details/0/')) return 1640
  if (rawPath.startsWith('/company/personal/user/0/groups/create/')) return 1200
  if (rawPath.startsWith('/crm/company/requisite/0/')) return 950
  if (rawPath.startsWith('/workgroups/group/0/card/')) return 900
  return 1100
}

function errorText(err: unknown): string {
  if (err instanceof ApiError) return `HTTP ${err.status} ${summarize(err.body, 120)}`
  return err instanceof Error ? err.message : String(err)
}

function viewerParams(ctx: CommandContext): URLSearchParams {
  return new URLSearchParams(ctx.host.page.viewerQuery)
}

function selectedUser(p: PersonHit): Record<string, unknown> {
  return {
    id: String(p.id),
    name: p.name,
    photo: p.photo,
    position: p.position,
    url: `/company/personal/user/${p.id}/`,
    sub: false,
    sup: false,
  }
}

function reloadWith(params: Record<string, string>): () => void {
  return () => {
    const url = new URL(window.location.href)
    for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v)
    window.location.replace(url.toString())
  }
}

export const COMMANDS: Record<string, Handler> = {
  getInitData({ host }) {
    const data = host.initData()
    host.state.firstRun = false
    return reply(data)
  },

  getInterface() {
    // DEFAULT and USER_PROFILE_* register no placement commands or events
    return reply({ command: [], event: [] })
  },

  async refreshAuth({ host }) {
    try {
      const res = await api<{ AUTH_ID: string; REFRESH_ID: string; AUTH_EXPIRES: string | number }>('/_portal/api/frame/refresh', {
        sid: host.cfg.appSid,
        refreshToken: host.state.refreshId,
      })
      host.state.authId = res.AUTH_ID
      host.state.refreshId = res.REFRESH_ID
      host.state.authExpires = String(res.AUTH_EXPIRES)
      return reply({ AUTH_ID: res.AUTH_ID, AUTH_EXPIRES: String(res.AUTH_EXPIRES), REFRESH_ID: res.REFRESH_ID })
    } catch (err) {
      // the real portal alert()s and never answers; a toast does not block the page
      portalUi().toast(`refreshAuth failed: ${errorText(err)}`, 'error')
      return noReply(`refresh failed: ${errorText(err)}`)
    }
  },

  setInstall({ host, msg }) {
    // The portal echoes at once and saves the user option in the background (BX.userOptions), as the SDK's
    // init() waits for this answer: a viewer's first run costs one message round trip, not a server one.
    void api('/_portal/api/frame/install', { sid: host.cfg.appSid }).catch((err: unknown) =>
      portalUi().toast(`setInstall not persisted: ${errorText(err)}`, 'error'),
    )
    host.state.firstRun = false
    return reply(msg.args)
  },

  async setInstallFinish({ host, args }) {
    if (args.value === false) {
      return noReply('install_finished=N', reloadWith({ install_finished: 'N' }))
    }
    try {
      await api('/_portal/api/frame/install-finish', { sid: host.cfg.appSid })
    } catch (err) {
      portalUi().toast(`setInstallFinish refused: ${errorText(err)}`, 'error')
      return noReply(`refused: ${errorText(err)}`)
    }
    return noReply('installed; reloading the portal page', reloadWith({ install_finished: 'Y', installed: '1' }))
  },

  resizeWindow({ host, args }) {
    const el = host.layout
    el.style.width = args.width === '100%' ? '100%' : `${parseInt(String(args.width), 10) || 100}px`
    const height = parseInt(String(args.height), 10)
    if (height) el.style.height = `${height}px`
    return reply({ width: el.offsetWidth, height: el.offsetHeight })
  },

  setTitle({ host, msg, args }) {
    const title = args.title === undefined || args.title === null ? '' : String(args.title)
    const node = document.getElementById('pagetitle')
    if (node) node.textContent = title
    document.title = title
    if (host.cfg.inSlider) portalUi().sliders.byWindow(window)?.setTitle(title)
    return reply(msg.args)
  },

  setScroll({ msg, args }) {
    const scroll = parseInt(String(args.scroll), 10)
    if (scroll >= 0) window.scrollTo(window.scrollX, scroll)
    return reply(msg.args)
  },

  async setUserOption({ host, msg, args }) {
    const name = String(args.name ?? '')
    host.state.userOptions[name] = args.value
    try {
      await api('/_portal/api/frame/option', { sid: host.cfg.appSid, kind: 'user', name, value: args.value })
      return reply(msg.args)
    } catch (err) {
      return reply(msg.args, `not persisted: ${errorText(err)}`)
    }
  },

  async setAppOption({ host, args }) {
    if (!host.cfg.init.IS_ADMIN) return { status: 'denied', note: 'not an admin: no reply ever' }
    const name = String(args.name ?? '')
    try {
      const all = await api<Record<string, unknown>>('/_portal/api/frame/option', {
        sid: host.cfg.appSid,
        kind: 'app',
        name,
        value: args.value,
      })
      host.state.appOptions = all && typeof all === 'object' && !Array.isArray(all) ? { ...all } : {}
      return reply(host.state.appOptions)
    } catch (err) {
      return noReply(`not saved: ${errorText(err)}`)
    }
  },

  reloadWindow() {
    return noReply('reloading the portal page', () => window.location.reload())
  },

  openPath(ctx) {
    const raw = String(ctx.args.path ?? '')
    const portalOrigin = ctx.host.page.portalOrigin
    let url: URL
    try {
      url = new URL(raw, portalOrigin)
    } catch {
      return reply({ result: 'error', errorCode: 'PATH_NOT_AVAILABLE' }, 'bad path')
    }
    url.searchParams.delete('IFRAME')
    url.searchParams.delete('IFRAME_TYPE')
    if (url.origin !== new URL(portalOrigin).origin || !OPEN_PATH_ALLOWED.test(url.pathname)) {
      return reply({ result: 'error', errorCode: 'PATH_NOT_AVAILABLE' }, `not allowed: ${url.pathname}`)
    }
    const target = new URL(url.pathname + url.search, portalOrigin)
    for (const [k, v] of viewerParams(ctx)) if (!target.searchParams.has(k)) target.searchParams.set(k, v)
    target.searchParams.set('IFRAME', 'Y')
    target.searchParams.set('IFRAME_TYPE', 'SIDE_SLIDER')
    const path = url.pathname + url.search
    return new Promise<Outcome>((resolve) => {
      const slider = portalUi().sliders.open({
        url: target.pathname + target.search,
        title: path,
        width: widthFromPrefix(raw),
        kind: 'path',
      })
      slider.onClose(() => resolve(reply({ result: 'close' }, `slider ${path} closed`)))
    })
  },

  openApplication({ host, args }) {
    const placementOptions: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(args)) {
      if (k.startsWith('bx24_')) continue
      placementOptions[k] = v !== null && typeof v === 'object' ? v : String(v)
    }
    const query = new URLSearchParams({ parentSid: host.cfg.appSid, placementOptions: JSON.stringify(placementOptions) })
    const title = typeof args.bx24_title === 'string' && args.bx24_title ? args.bx24_title : 'People Directory'
    const width = parseInt(String(args.bx24_width), 10) || 1100
    return new Promise<Outcome>((resolve) => {
      const slider = portalUi().sliders.open({ url: `/_portal/frame-slider?${query.toString()}`, title, width, kind: 'app' })
      // cb() with no payload, i.e. "<cb>:", when the slider closes
      slider.onClose(() => resolve(reply(undefined, 'application slider closed')))
    })
  },

  closeApplication({ host }) {
    if (!host.cfg.inSlider) return noReply('not in a slider')
    const slider = portalUi().sliders.byWindow(window)
    if (!slider) return noReply('slider not found')
    return new Promise<Outcome>((resolve) => {
      slider.onClose(() => resolve(reply(undefined, 'closed')))
      slider.close()
    })
  },

  async selectUser({ args }) {
    const multiple = args.mult === true || args.mult === 'true' || args.mult === 1
    const picked = await portalUi().pickUsers({ multiple, title: typeof args.title === 'string' ? args.title : undefined })
    if (!picked) return reply(multiple ? [] : null, 'cancelled')
    if (multiple) return reply(picked.map(selectedUser))
    const first = picked[0]
    return reply(first ? selectedUser(first) : null)
  },

  async selectAccess({ args }) {
    const blocked = Array.isArray(args.value) ? args.value.map((x) => String(x)) : []
    const picked: AccessHit[] | null = await portalUi().pickAccess({ blocked })
    if (!picked) return reply([], 'cancelled')
    return reply(picked.map((x) => ({ id: x.id, name: x.name })))
  },

  selectCRM({ args }) {
    portalUi().toast(`CRM selector: ${summarize(args.entityType ?? 'all entities', 60)} (no CRM in the local portal)`)
    return reply({})
  },

  imCallTo({ args }) {
    const video = args.video === true || args.video === 'true'
    portalUi().toast(`Messenger: ${video ? 'video' : 'audio'} call to #${String(args.userId ?? '?')}`)
    return noReply()
  },

  imPhoneTo({ args }) {
    portalUi().toast(`Telephony: call ${String(args.phone ?? '?')}`)
    return noReply()
  },

  imOpenMessenger({ args }) {
    portalUi().toast(`Messenger: open chat with #${String(args.dialogId ?? '?')}`)
    return noReply()
  },

  imOpenHistory({ args }) {
    portalUi().toast(`Messenger: open history of #${String(args.dialogId ?? '?')}`)
    return noReply()
  },

  showAppForm({ args }) {
    portalUi().toast(`App form requested ${summarize(args, 60)}`)
    return noReply()
  },

  placementBindEvent({ args }) {
    portalUi().toast(`Placement event "${String(args.event ?? '?')}" bound (this placement has no events)`)
    return noReply()
  },
}
