/**
 * The per-render configuration the server embeds in every portal page as
 * `<script type="application/json" id="portal-config">`. Shared by the server side (page/*.ts) and the
 * browser bridge (page/bridge/*.ts); type-only, no runtime code.
 */

/** The `getInitData` answer, exactly as the portal template produces it (portal-protocol.md 1.4 / 7.2). */
export interface InitData {
  LANG: string
  /** location.host of the portal page (with a non-default port) */
  DOMAIN: string
  /** number: 1 https, 0 http */
  PROTOCOL: number
  PATH: string
  AUTH_ID: string
  /** string of seconds to live, e.g. "3600" */
  AUTH_EXPIRES: string
  REFRESH_ID: string
  MEMBER_ID: string
  FIRST_RUN: boolean
  IS_ADMIN: boolean
  INSTALL: boolean
  /** object, or [] when empty (PHP empty array) */
  USER_OPTIONS: Record<string, unknown> | []
  APP_OPTIONS: Record<string, unknown> | []
  PLACEMENT: string
  /** object (not a JSON string) or [] when empty; values are text, or nested objects from bracket keys */
  PLACEMENT_OPTIONS: Record<string, unknown> | []
}

/** One `app.layout`: the iframe, the form that opens it, and what its bridge answers. */
export interface AppFrameConfig {
  appSid: string
  /** the iframe `name`: `<DOMAIN>|<0|1>|<APP_SID>` */
  frameName: string
  /** APP_URL plus DOMAIN, PROTOCOL, LANG, APP_SID */
  action: string
  /** `appProto://appHost`, appHost with the port only when APP_URL names one explicitly */
  appOrigin: string
  /** the explicit port of APP_URL, '' when none */
  appPort: string
  /** open with `iframe.src = action` (GET) instead of submitting the form */
  staticOpen: boolean
  /** commands this layout ignores (no reply): non-DEFAULT → setTitle; slider → resizeWindow */
  deny: string[]
  /** this layout was opened by openApplication and lives in a slider */
  inSlider: boolean
  init: InitData
}

export interface PersonaInfo {
  key: string
  userId: number
  name: string
}

export interface ScenarioView {
  persona: string
  userId: number | null
  placement: string
  placementUserId: number | null
  lang: string
  scopes: string[]
  installed: boolean
  staticOpen: boolean
}

export type PageKind = 'portal' | 'slider-app' | 'profile' | 'not-installed' | 'stub'

export interface PageConfig {
  page: PageKind
  /** e.g. http://127.0.0.1:8787 */
  portalOrigin: string
  viewer: { id: number; name: string }
  /** query string (without '?') that keeps the viewer on portal links, e.g. `persona=admin` */
  viewerQuery: string
  frame?: AppFrameConfig
  /** the scenario this render used (portal page only) */
  scenario?: ScenarioView
  personas?: PersonaInfo[]
  /** the page was reached after setInstallFinish */
  installFinished?: boolean
}
