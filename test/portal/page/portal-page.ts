/**
 * The portal page (`/`, `/marketplace/app/1/`): the app layout in the work area, the scenario switcher and
 * simulation controls beside it, and the live log drawer. Also the "installation not finished" page and the
 * mini page the openApplication slider loads.
 */
import type { FixtureUser, FrameSession, PortalStore, Scenario } from '../types'
import type { PageConfig, PersonaInfo, ScenarioView } from './bridge/config'
import { appLayoutHtml, buildAppFrame, type BuiltFrame } from './app-layout'
import { esc } from './html'
import { LANGS, PERSONAS, PLACEMENTS, SCOPES } from './scenario'
import { APP_TITLE, displayName, renderBare, renderShell, withQuery } from './shell'

/** Codes the fault injector offers (portal-protocol.md 2.3 / 7.3.3 and the SDK table in b24jssdk.md C.4). */
const FAULT_CODES: Array<[code: string, note: string]> = [
  ['QUERY_LIMIT_EXCEEDED', '503 · SDK retries'],
  ['OPERATION_TIME_LIMIT', '429 · SDK waits'],
  ['expired_token', '401 · SDK refreshes'],
  ['invalid_token', '401 · SDK refreshes'],
  ['NO_AUTH_FOUND', '401'],
  ['insufficient_scope', '403'],
  ['ACCESS_DENIED', '403'],
  ['user_access_error', '403'],
  ['ERROR_METHOD_NOT_FOUND', '404'],
  ['INVALID_ARG_VALUE', '400'],
  ['ERROR_ARGUMENT', '400'],
  ['ERROR_ENTITY_NOT_FOUND', '400'],
  ['INTERNAL_SERVER_ERROR', '500'],
]

function personas(store: PortalStore): PersonaInfo[] {
  return PERSONAS.map((key) => {
    let userId = 0
    try {
      userId = store.personaUserId(key)
    } catch {
      // a portal without, say, extranet users
    }
    const u = userId ? store.userById(userId) : undefined
    return { key, userId, name: u ? displayName(u) : '—' }
  }).filter((p) => p.userId > 0)
}

function scenarioView(s: Scenario): ScenarioView {
  return {
    persona: s.persona,
    userId: s.userId,
    placement: s.placement,
    placementUserId: s.placementUserId,
    lang: s.lang,
    scopes: [...s.scopes],
    installed: s.installed,
    staticOpen: s.staticOpen,
  }
}

function option(value: string, label: string, selected: boolean): string {
  return `<option value="${esc(value)}"${selected ? ' selected' : ''}>${esc(label)}</option>`
}

/** The scenario switcher form (works without JS as a GET form; the bridge submits a clean query). */
function switcherHtml(s: Scenario, people: PersonaInfo[], action: string): string {
  const scopes = [...new Set<string>([...SCOPES, ...s.scopes])]
  const placements = [...new Set<string>([...PLACEMENTS, s.placement])]
  return `<section class="pd-card pd-card--tools" aria-labelledby="pd-scn-h">
  <h2 class="pd-card__title" id="pd-scn-h">Scenario</h2>
  <form id="pd-scenario" class="pd-form" method="get" action="${esc(action)}">
    <label class="pd-field pd-field--wide"><span>Persona</span>
      <select name="persona">${people
        .map((p) => option(p.key, `${p.key} — ${p.name} (#${p.userId})`, s.userId === null && s.persona === p.key))
        .join('')}${s.userId !== null ? option(s.persona, 'user id below', true) : ''}</select></label>
    <label class="pd-field"><span>or user id</span>
      <input name="userId" inputmode="numeric" pattern="\\d*" placeholder="e.g. 5" value="${esc(s.userId ?? '')}"></label>
    <label class="pd-field"><span>Language</span>
      <select name="lang">${LANGS.map(([code, label]) => option(code, `${code} — ${label}`, code === s.lang)).join('')}${
        LANGS.some(([c]) => c === s.lang) ? '' : option(s.lang, s.lang, true)
      }</select></label>
    <label class="pd-field"><span>Placement</span>
      <select name="placement">${placements.map((p) => option(p, p, p === s.placement)).join('')}</select></label>
    <label class="pd-field"><span>USER_ID</span>
      <input name="placementUserId" inputmode="numeric" pattern="\\d*" placeholder="card owner" value="${esc(s.placementUserId ?? '')}"></label>
    <fieldset class="pd-field pd-field--wide"><legend>Scopes</legend>
      <input type="hidden" name="scope" value="">
      <div class="pd-checks">${scopes
        .map(
          (sc) =>
            `<label class="pd-check"><input type="checkbox" name="scope" value="${esc(sc)}"${s.scopes.includes(sc) ? ' checked' : ''}><span>${esc(sc)}</span></label>`,
        )
        .join('')}</div>
    </fieldset>
    <div class="pd-field pd-field--wide pd-checks">
      <input type="hidden" name="installed" value="0">
      <label class="pd-check"><input type="checkbox" name="installed" value="1"${s.installed ? ' checked' : ''}><span>installed</span></label>
      <input type="hidden" name="static" value="0">
      <label class="pd-check" title="Open the app with a plain GET (static apps), no POST body"><input type="checkbox" name="static" value="1"${
        s.staticOpen ? ' checked' : ''
      }><span>static open (GET)</span></label>
    </div>
    <div class="pd-form__actions">
      <button class="pd-btn pd-btn--primary" type="submit">Open</button>
      <a class="pd-btn pd-btn--light" href="${esc(action)}" title="Reload with the portal's default scenario">Defaults</a>
    </div>
  </form>
</section>`
}

function controlsHtml(store: PortalStore): string {
  const c = store.config
  return `<section class="pd-card pd-card--tools" id="pd-controls" aria-labelledby="pd-ctl-h">
  <h2 class="pd-card__title" id="pd-ctl-h">Simulate</h2>
  <div class="pd-ctl">
    <label class="pd-field"><span>REST latency, ms</span><input name="latencyMs" type="number" min="0" step="50" value="${esc(c.latencyMs)}"></label>
    <button class="pd-btn pd-btn--light" type="button" data-action="latency">Apply</button>
  </div>
  <div class="pd-ctl pd-ctl--rate">
    <label class="pd-check"><input type="checkbox" name="rateEnabled"${c.rateLimit.enabled ? ' checked' : ''}><span>rate limit</span></label>
    <label class="pd-field pd-field--mini"><span>burst</span><input name="rateBurst" type="number" min="1" value="${esc(c.rateLimit.burst)}"></label>
    <label class="pd-field pd-field--mini"><span>drain/s</span><input name="rateDrain" type="number" min="0" step="0.5" value="${esc(c.rateLimit.drainPerSec)}"></label>
    <button class="pd-btn pd-btn--light" type="button" data-action="rate-limit">Apply</button>
  </div>
  <div class="pd-ctl pd-ctl--fault">
    <label class="pd-field pd-field--mini"><span>next N</span><input name="faultCount" type="number" min="1" value="1"></label>
    <label class="pd-field"><span>fail with</span><select name="faultCode">${FAULT_CODES.map(([code, note]) => option(code, `${code} (${note})`, false)).join('')}</select></label>
    <label class="pd-field pd-field--wide"><span>only methods (comma list, empty = any)</span><input name="faultMethods" placeholder="user.get, batch"></label>
    <div class="pd-form__actions">
      <button class="pd-btn pd-btn--danger" type="button" data-action="fault">Inject</button>
      <button class="pd-btn pd-btn--light" type="button" data-action="clear-faults">Clear faults</button>
    </div>
  </div>
  <div class="pd-form__actions pd-ctl__row">
    <button class="pd-btn pd-btn--light" type="button" data-action="expire-tokens">Expire tokens now</button>
    <button class="pd-btn pd-btn--light" type="button" data-action="drop">Drop next connection</button>
    <button class="pd-btn pd-btn--ghost" type="button" data-action="reset">Reset portal</button>
  </div>
  <p class="pd-ctl__status" data-controls-status aria-live="polite"></p>
</section>`
}

function logHtml(): string {
  return `<section id="pd-log" class="pd-log" aria-label="Portal log">
  <header class="pd-log__bar">
    <button class="pd-log__toggle" type="button" data-log-toggle aria-expanded="true" aria-controls="pd-log-rows" title="Show or hide the log">
      <span class="pd-log__dot" data-log-state="connecting"></span>Log <small>frame messages &amp; REST calls</small>
    </button>
    <span class="pd-log__count" data-log-count>0</span>
    <div class="pd-log__filters" role="group" aria-label="Filter">
      <button type="button" data-log-filter="all" aria-pressed="true">All</button>
      <button type="button" data-log-filter="frame" aria-pressed="false">Frame</button>
      <button type="button" data-log-filter="rest" aria-pressed="false">REST</button>
      <button type="button" data-log-filter="errors" aria-pressed="false">Problems</button>
    </div>
    <input class="pd-input pd-log__search" type="search" placeholder="Filter…" aria-label="Filter log" data-log-search>
    <button class="pd-btn pd-btn--mini" type="button" data-log-pause aria-pressed="false">Pause</button>
    <button class="pd-btn pd-btn--mini" type="button" data-log-clear>Clear</button>
  </header>
  <div class="pd-log__head" role="row"><span>time</span><span>kind</span><span>method / command</span><span>params</span><span>status</span><span>duration</span></div>
  <div id="pd-log-rows" class="pd-log__rows" role="rowgroup"></div>
</section>`
}

function frameInfoHtml(frame: BuiltFrame, session: FrameSession, viewer: FixtureUser | undefined): string {
  const i = frame.cfg.init
  const chips: string[] = [
    `<span class="pd-chip" title="PLACEMENT"><b>${esc(i.PLACEMENT)}</b></span>`,
  ]
  if (!Array.isArray(i.PLACEMENT_OPTIONS)) {
    chips.push(`<span class="pd-chip" title="PLACEMENT_OPTIONS">${esc(JSON.stringify(i.PLACEMENT_OPTIONS))}</span>`)
  }
  chips.push(`<span class="pd-chip" title="viewer">user #${esc(session.userId)}${viewer?.USER_TYPE === 'extranet' ? ' · extranet' : ''}${i.IS_ADMIN ? ' · admin' : ''}</span>`)
  chips.push(`<span class="pd-chip" title="APPLICATION_SCOPE">scope: ${esc(session.token.scopes.join(', ') || '—')}</span>`)
  chips.push(`<span class="pd-chip" title="LANG">${esc(i.LANG)}</span>`)
  chips.push(`<span class="pd-chip" title="how the frame is opened">${frame.cfg.staticOpen ? 'GET (static)' : 'POST'}</span>`)
  if (i.INSTALL) chips.push('<span class="pd-chip pd-chip--warn">INSTALL mode</span>')
  if (i.FIRST_RUN) chips.push('<span class="pd-chip">FIRST_RUN</span>')
  return `<div class="pd-frameinfo">
    <div class="pd-frameinfo__chips">${chips.join('')}</div>
    <div class="pd-frameinfo__sid" title="APP_SID of this render">APP_SID <code>${esc(frame.cfg.appSid)}</code> · <a href="${esc(frame.cfg.action)}" target="_blank" rel="noopener">${esc(
      frame.cfg.action.split('?')[0],
    )}</a></div>
  </div>`
}

export interface PortalRenderInput {
  store: PortalStore
  scenario: Scenario
  viewerQuery: URLSearchParams
  path: string
  /** the Host header the browser used, to warn when it differs from the configured origin */
  requestHost: string | undefined
  installFinished: boolean
}

function hostWarning(store: PortalStore, requestHost: string | undefined): string {
  const domain = new URL(store.origin()).host
  if (!requestHost || requestHost.toLowerCase() === domain.toLowerCase()) return ''
  return `<div class="pd-notice pd-notice--warn" role="alert">You opened the portal as <b>${esc(requestHost)}</b>, but it is configured as
    <b>${esc(domain)}</b>. The SDK talks to <code>${esc(store.origin())}</code> (from the frame name), so open
    <a href="${esc(store.origin())}/">${esc(store.origin())}/</a> instead.</div>`
}

function toolsAside(store: PortalStore, scenario: Scenario, people: PersonaInfo[], path: string): string {
  return `<aside class="pd-tools" aria-label="Portal tools">
      ${switcherHtml(scenario, people, path)}
      ${controlsHtml(store)}
    </aside>`
}

/** A portal page of the app: its card beside the portal tools, in the shell with the live log. */
function portalDocument(input: PortalRenderInput, session: FrameSession, config: PageConfig, card: string): string {
  const { store, viewerQuery } = input
  const scenario = session.scenario
  const main = `<main class="pd-work">
  ${hostWarning(store, input.requestHost)}
  <div class="pd-work__row">
    ${card}
    ${toolsAside(store, scenario, config.personas ?? personas(store), input.path)}
  </div>
</main>`
  return renderShell({
    store,
    title: APP_TITLE,
    viewer: store.userById(session.userId),
    viewerId: session.userId,
    viewerQuery,
    active: 'app',
    main,
    after: logHtml(),
    config,
    lang: scenario.lang,
    bodyClass: 'pd-body--portal',
  })
}

/** The portal page with the app frame. */
export function renderPortalPage(input: PortalRenderInput, session: FrameSession): string {
  const { store, viewerQuery } = input
  const frame = buildAppFrame(store, session, { inSlider: false })
  const viewer = store.userById(session.userId)
  const people = personas(store)
  const scenario = { ...session.scenario }
  const config: PageConfig = {
    page: 'portal',
    portalOrigin: store.origin(),
    viewer: { id: session.userId, name: viewer ? displayName(viewer) : '' },
    viewerQuery: viewerQuery.toString(),
    frame: frame.cfg,
    scenario: scenarioView(scenario),
    personas: people,
    installFinished: input.installFinished,
  }
  const card = `<section class="pd-app-card" aria-label="${esc(APP_TITLE)}">
      ${frameInfoHtml(frame, session, viewer)}
      ${appLayoutHtml(frame)}
    </section>`
  return portalDocument(input, session, config, card)
}

/** The real portal's answer to a non-admin when the app is not installed yet. */
export function renderNotInstalled(input: PortalRenderInput, session: FrameSession): string {
  const { store, viewerQuery } = input
  const viewer = store.userById(session.userId)
  const people = personas(store)
  const admin = people.find((p) => p.key === 'admin')
  const scenario = { ...session.scenario }
  const config: PageConfig = {
    page: 'not-installed',
    portalOrigin: store.origin(),
    viewer: { id: session.userId, name: viewer ? displayName(viewer) : '' },
    viewerQuery: viewerQuery.toString(),
    scenario: scenarioView(scenario),
    personas: people,
  }
  const asAdmin = withQuery(input.path, new URLSearchParams({ persona: 'admin', installed: '0' }))
  const card = `<section class="pd-app-card pd-app-card--message">
      <div class="pd-empty" role="alert">
        <div class="pd-empty__icon" aria-hidden="true">!</div>
        <h2>The application installation is not finished</h2>
        <p>“${esc(APP_TITLE)}” has not been installed completely. Please contact your Bitrix24 administrator.</p>
        <p class="pd-muted">Local portal: the app is not installed and ${esc(viewer ? displayName(viewer) : `user #${session.userId}`)} is not an administrator.
        ${admin ? `<a href="${esc(asAdmin)}">Open as the admin (${esc(admin.name)})</a> to run the installer.` : ''}</p>
      </div>
    </section>`
  return portalDocument(input, session, config, card)
}

/** The mini page inside an openApplication slider: one more app layout, DEFAULT, resizeWindow denied. */
export function renderFrameSlider(store: PortalStore, session: FrameSession, viewerQuery: URLSearchParams): string {
  const frame = buildAppFrame(store, session, { inSlider: true })
  const viewer = store.userById(session.userId)
  const config: PageConfig = {
    page: 'slider-app',
    portalOrigin: store.origin(),
    viewer: { id: session.userId, name: viewer ? displayName(viewer) : '' },
    viewerQuery: viewerQuery.toString(),
    frame: frame.cfg,
  }
  return renderBare({
    title: APP_TITLE,
    config,
    lang: session.scenario.lang,
    bodyClass: 'pd-body--slider-app',
    body: `<h1 id="pagetitle" class="pd-visually-hidden">${esc(APP_TITLE)}</h1>
${appLayoutHtml(frame, 'pd-app-layout--slider')}`,
  })
}
