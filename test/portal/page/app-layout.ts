/**
 * The `bitrix:app.layout` markup (portal-protocol.md 1.1 and 7.2): the layout div, the named iframe, and the
 * hidden form that POSTs the auth fields into it; plus the matching bridge configuration.
 */
import { createHash } from 'node:crypto'
import type { FrameSession, PortalStore } from '../types'
import type { AppFrameConfig, InitData } from './bridge/config'
import { esc } from './html'

const SERVER_ENDPOINT = 'https://oauth.bitrix.info/rest/'

export interface AppOrigin {
  /** `proto://host[:explicit port]` as the real portal compares it */
  origin: string
  /** explicit port of APP_URL or '' */
  port: string
}

/** APP_PROTO + '://' + APP_HOST, where APP_HOST keeps the port only when the URL names it. */
function appOriginOf(appUrl: string): AppOrigin {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?([^/?#]+)/i.exec(appUrl.trim())
  if (!m) {
    const u = new URL(appUrl)
    return { origin: u.origin, port: u.port }
  }
  const host = (m[2] ?? '').toLowerCase()
  const port = /:(\d+)$/.exec(host)?.[1] ?? ''
  return { origin: `${(m[1] ?? 'http').toLowerCase()}://${host}`, port }
}

/** APP_URL + ('?' | '&') + DOMAIN, PROTOCOL, LANG, APP_SID (before any #fragment). */
function frameAction(appUrl: string, params: Array<[string, string]>): string {
  const hashAt = appUrl.indexOf('#')
  const base = hashAt >= 0 ? appUrl.slice(0, hashAt) : appUrl
  const hash = hashAt >= 0 ? appUrl.slice(hashAt) : ''
  const qs = params.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&')
  return `${base}${base.includes('?') ? '&' : '?'}${qs}${hash}`
}

function optionsOrEmpty(value: Record<string, unknown> | undefined | null): Record<string, unknown> | [] {
  return value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length ? { ...value } : []
}

export interface BuiltFrame {
  cfg: AppFrameConfig
  /** the hidden form fields, in the template's order */
  fields: Array<[string, string]>
}

export function buildAppFrame(store: PortalStore, session: FrameSession, opts: { inSlider: boolean }): BuiltFrame {
  const portal = new URL(store.origin())
  const domain = portal.host
  const protocol = portal.protocol === 'https:' ? 1 : 0
  const sid = session.appSid
  const scenario = session.scenario
  const lang = scenario.lang || 'en'
  const placement = String(scenario.placement || 'DEFAULT').toUpperCase()
  const appUrl = store.config.appUrl
  const { origin: appOrigin, port: appPort } = appOriginOf(appUrl)
  const token = session.token
  const ttl = String(Math.max(0, Math.round((token.expiresAt - Date.now()) / 1000)))

  let placementOptions: Record<string, unknown> | [] = Array.isArray(session.placementOptions)
    ? []
    : { ...session.placementOptions }
  if (!Array.isArray(placementOptions) && Object.keys(placementOptions).length === 0) placementOptions = []
  // USER_PROFILE_* always carry the card URI (docs widget_data)
  if (!Array.isArray(placementOptions) && placement.startsWith('USER_PROFILE_') && placementOptions.USER_ID && !placementOptions.URI) {
    placementOptions.URI = `/company/personal/user/${String(placementOptions.USER_ID)}/`
  }

  const deny: string[] = []
  if (placement !== 'DEFAULT') deny.push('setTitle')
  if (opts.inSlider) deny.push('resizeWindow')
  // a portal page that hangs: these commands get no answer at all
  deny.push(...(scenario.silent ?? []))

  const init: InitData = {
    LANG: lang,
    DOMAIN: domain,
    PROTOCOL: protocol,
    PATH: '/rest',
    AUTH_ID: token.accessToken,
    AUTH_EXPIRES: ttl,
    REFRESH_ID: token.refreshToken,
    MEMBER_ID: store.config.memberId,
    FIRST_RUN: session.firstRun,
    IS_ADMIN: session.isAdmin,
    INSTALL: session.install,
    USER_OPTIONS: optionsOrEmpty(store.userOptions(session.userId)),
    APP_OPTIONS: optionsOrEmpty(store.appOptions()),
    PLACEMENT: placement,
    PLACEMENT_OPTIONS: placementOptions,
  }

  const fields: Array<[string, string]> = [
    ['AUTH_ID', token.accessToken],
    ['AUTH_EXPIRES', ttl],
    ['REFRESH_ID', token.refreshToken],
    ['SERVER_ENDPOINT', SERVER_ENDPOINT],
    ['APPLICATION_TOKEN', createHash('md5').update(`application_token:${store.config.memberId}`).digest('hex')],
    ['APPLICATION_SCOPE', (token.scopes.length ? token.scopes : scenario.scopes).join(',')],
    ['member_id', store.config.memberId],
    ['status', 'L'],
    ['PLACEMENT', placement],
  ]
  if (!Array.isArray(placementOptions)) fields.push(['PLACEMENT_OPTIONS', JSON.stringify(placementOptions)])

  const cfg: AppFrameConfig = {
    appSid: sid,
    frameName: `${domain}|${protocol}|${sid}`,
    action: frameAction(appUrl, [
      ['DOMAIN', domain],
      ['PROTOCOL', String(protocol)],
      ['LANG', lang],
      ['APP_SID', sid],
    ]),
    appOrigin,
    appPort,
    staticOpen: scenario.staticOpen,
    deny,
    inSlider: opts.inSlider,
    init,
  }
  return { cfg, fields }
}

/** `<div id="appframe_layout_<sid>"><iframe id="appframe_<sid>" name="…">` plus the hidden form. */
export function appLayoutHtml(frame: BuiltFrame, extraClass = ''): string {
  const { cfg, fields } = frame
  const sid = esc(cfg.appSid)
  const inputs = fields.map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(v)}">`).join('\n    ')
  return `<div id="appframe_layout_${sid}" class="app-layout pd-app-layout ${esc(extraClass)}">
  <iframe id="appframe_${sid}" name="${esc(cfg.frameName)}" class="pd-app-frame" title="People Directory" allow="geolocation *; microphone *; camera *; autoplay *;"></iframe>
</div>
<form method="POST" target="${esc(cfg.frameName)}" action="${esc(cfg.action)}" data-app-sid="${sid}" hidden>
    ${inputs}
</form>`
}
