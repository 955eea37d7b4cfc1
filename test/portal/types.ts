/**
 * Shared shapes of the local stand-in portal.
 *
 * The stand-in is split into three parts that only meet here:
 * - state/  : fixtures and the in-memory portal state (people, departments, tokens, options, log)
 * - rest/   : the `/rest/*` server (envelopes, limits, methods, batch)
 * - page/   : the portal page, its postMessage bridge, sliders, profile pages and avatars
 * server.ts wires them together and serves the control API under `/_portal/api/*`.
 */

/** Scopes a token may carry. `user` wins over `user_basic`, which wins over `user_brief`. */
export type Scope = 'user' | 'user_basic' | 'user_brief' | 'department' | 'placement' | 'im' | string

export type UserType = 'employee' | 'extranet' | 'email'

/** A person as the portal database holds them (portal-protocol.md 7.3.5). Dates are ISO strings. */
export interface FixtureUser {
  ID: number
  XML_ID: string
  ACTIVE: boolean
  NAME: string
  LAST_NAME: string
  SECOND_NAME: string
  TITLE: string
  EMAIL: string
  LOGIN: string
  PERSONAL_GENDER: 'M' | 'F' | ''
  PERSONAL_BIRTHDAY: string | null // YYYY-MM-DD
  PERSONAL_PHOTO: string | null // absolute URL served by the portal
  PERSONAL_PHONE: string
  PERSONAL_MOBILE: string
  PERSONAL_CITY: string
  PERSONAL_COUNTRY: string
  WORK_PHONE: string
  WORK_POSITION: string
  WORK_COMPANY: string
  WORK_CITY: string
  WORK_COUNTRY: string
  UF_DEPARTMENT: number[]
  UF_PHONE_INNER: string
  UF_EMPLOYMENT_DATE: string | null // YYYY-MM-DD
  UF_SKILLS: string
  UF_INTERESTS: string
  DATE_REGISTER: string // ISO datetime
  LAST_LOGIN: string | null // ISO datetime, null = never logged in
  LAST_ACTIVITY_DATE: string | null
  TIMESTAMP_X: string
  TIME_ZONE: string // IANA name, '' when unset
  IS_ONLINE: boolean
  USER_TYPE: UserType
  /** null for people; 'bot' | 'email' | 'imconnector' | 'replica' are never returned by user.get */
  EXTERNAL_AUTH_ID: null | 'bot' | 'email' | 'imconnector' | 'replica'
  /** main module group ids: 1 = administrators, 2 = everyone, 3 = employees, 12 = extranet */
  groups: number[]
  isAdmin: boolean
  /** social network (workgroup) ids the person belongs to; extranet visibility goes through shared groups */
  socialGroups: number[]
  /**
   * fields whose empty value the portal database holds as NULL (profile never edited), so user.get omits
   * the key instead of sending "" — real answers show differing key sets per user
   */
  dbNulls?: string[]
}

export interface FixtureDepartment {
  ID: number
  NAME: string
  SORT: number
  PARENT: number | null
  UF_HEAD: number | null
}

export interface FixtureGroup {
  ID: number
  NAME: string
}

export interface Fixtures {
  users: FixtureUser[]
  departments: FixtureDepartment[]
  groups: FixtureGroup[]
  /** social network workgroups (access codes SG<id>_K) */
  socialGroups: FixtureGroup[]
}

export interface FixtureOptions {
  /** number of real people (bots and e-mail users come on top); default 1000 */
  people: number
  /** PRNG seed; the same seed and count always give the same portal */
  seed: number
  /** absolute origin of the portal, for PERSONAL_PHOTO URLs, e.g. http://127.0.0.1:8787 */
  origin: string
  /** the moment dates are generated around (epoch ms); defaults to now rounded down to the hour */
  now?: number
}

/** The four people a developer or a test can be, chosen deterministically from the fixtures. */
export type PersonaKey = 'admin' | 'employee' | 'head' | 'extranet'

export type Placement = 'DEFAULT' | 'LEFT_MENU' | 'USER_PROFILE_MENU' | 'USER_PROFILE_TOOLBAR' | string

/** What one render of the portal page shows: who is signed in, where the app opens, with what grants. */
export interface Scenario {
  persona: PersonaKey
  /** overrides persona when set */
  userId: number | null
  placement: Placement
  /** USER_ID for USER_PROFILE_*; defaults to the viewer for USER_PROFILE_MENU */
  placementUserId: number | null
  lang: string
  scopes: Scope[]
  /** false → the app is not installed: admins get INSTALL=true, others the "installation not finished" page */
  installed: boolean
  /** open the app with a plain GET of the query params (static apps) instead of a form POST */
  staticOpen: boolean
  /** frame commands this page never answers, e.g. getInitData for a portal page that hangs */
  silent?: string[]
}

export interface RateLimitConfig {
  enabled: boolean
  /** bucket size X (requests) */
  burst: number
  /** drain Y per second */
  drainPerSec: number
}

export interface OperatingLimitConfig {
  /** whether the limit refuses calls (429); usage is booked and reported either way */
  enabled: boolean
  /** seconds of method time per (app, method) per 10-minute window (cloud: 480) */
  limitSec: number
  /** seconds booked per execution on top of the measured time: a heavy portal (e.g. 0.2 per user.get page) */
  costSec: number
}

export interface PortalConfig {
  port: number
  /** where the app handler lives (another site than the portal), e.g. http://localhost:4173/ */
  appUrl: string
  /** the address the portal listens on and names itself by (DOMAIN); default 127.0.0.1, another site than localhost */
  host: string
  people: number
  seed: number
  memberId: string
  /** token lifetime in seconds */
  tokenTtl: number
  /** artificial latency added to every REST response */
  latencyMs: number
  rateLimit: RateLimitConfig
  operatingLimit: OperatingLimitConfig
  /** 'docs' (403 for scope/access errors) or 'code' (401, as the public core code does) */
  authErrorStatus: 'docs' | 'code'
  /** print each REST call to stdout */
  verbose: boolean
  /**
   * A real portal's incoming webhook (https://<portal>/rest/<user>/<secret>/): REST calls from the app are
   * answered by that portal instead of the fixtures. Server-side only: never sent to the browser.
   */
  webhook: string | null
}

/** An incoming webhook of this portal: a user's permissions and a set of scopes behind a secret URL. */
export interface IncomingWebhook {
  userId: number
  secret: string
  scopes: Scope[]
}

export interface Token {
  accessToken: string
  refreshToken: string
  userId: number
  scopes: Scope[]
  /** epoch ms */
  expiresAt: number
  /** the render (APP_SID) the token was minted for */
  appSid: string
}

/** A fault the next matching REST calls will suffer (scenario control). */
export interface FaultRule {
  /** error code to answer with, e.g. QUERY_LIMIT_EXCEEDED; or 'DROP' to destroy the socket */
  code: string
  /** HTTP status; defaults to the documented status of the code */
  status?: number
  /** how many calls it hits */
  count: number
  /** only these methods (lower-case); empty = any */
  methods?: string[]
  /** probability 0..1 per call instead of "the next N"; count then caps the total */
  rate?: number
}

export type LogKind = 'rest' | 'frame'

export interface LogEntry {
  seq: number
  /** epoch ms */
  at: number
  kind: LogKind
  /** REST method, or frame command */
  name: string
  /** REST params (auth removed) or frame args */
  params: unknown
  /** REST: HTTP status; frame: 'reply' | 'no-reply' | 'denied' */
  status: number | string
  error?: string
  durationMs?: number
  userId?: number
  /** REST: the batch sub-commands, for a readable log */
  detail?: string
}

/** Data changes a test can make while the app is loading (people joining and leaving). */
export interface PeopleChange {
  /** add this many new active employees (new, higher IDs, TIMESTAMP_X now) */
  add?: number
  /** set ACTIVE=false for these IDs (TIMESTAMP_X moves to now) */
  dismiss?: number[]
  /** delete these IDs outright: gone from user.get, no TIMESTAMP_X to notice it by */
  remove?: number[]
}

/** An edit of one person's record (POST /_portal/api/people/update); the ID and the group links stay. */
export type PersonFields = Partial<Omit<FixtureUser, 'ID' | 'EXTERNAL_AUTH_ID' | 'groups' | 'isAdmin' | 'socialGroups' | 'dbNulls'>>

/** Everything known about the render a frame belongs to, created when the portal page is rendered. */
export interface FrameSession {
  appSid: string
  scenario: Scenario
  userId: number
  token: Token
  /** INSTALL flag sent in getInitData */
  install: boolean
  firstRun: boolean
  isAdmin: boolean
  /** as PHP arrays come: text values, or nested ones from bracket keys (`params[view]=…`) */
  placementOptions: Record<string, unknown> | []
}

/**
 * The portal state: implemented by state/store.ts, used by rest/, page/ and the control API.
 * One instance per running portal; tests create their own.
 */
export interface PortalStore {
  readonly config: PortalConfig
  readonly fixtures: Fixtures
  /** defaults for renders that do not override them in the query string */
  scenarioDefaults: Scenario
  readonly log: EventLogApi

  /** the portal origin, e.g. http://127.0.0.1:8787 */
  origin(): string
  userById(id: number): FixtureUser | undefined
  departmentById(id: number): FixtureDepartment | undefined
  personaUserId(key: PersonaKey): number
  /** access codes a user holds (U, G, IU, D, DR …), portal-protocol.md 3.6 */
  accessCodes(userId: number): Set<string>

  /** start a render: pick the user, mint a token, compute INSTALL / FIRST_RUN */
  openFrame(scenario: Scenario): FrameSession
  frameBySid(appSid: string): FrameSession | undefined
  /** refreshAuth: a new token pair for the same user and scopes; the old access token stays valid until it expires */
  refreshToken(refreshToken: string): Token | undefined
  tokenByAccess(accessToken: string): Token | undefined
  expireAllTokens(): void

  appOptions(): Record<string, unknown>
  setAppOption(userId: number, name: string, value: unknown): Record<string, unknown> | undefined // undefined = not admin
  userOptions(userId: number): Record<string, unknown>
  setUserOption(userId: number, name: string, value: unknown): void
  /** setInstall: FIRST_RUN becomes false for this user */
  markFirstRunDone(userId: number): void
  /** setInstallFinish (admins only); returns false when refused */
  finishInstall(userId: number): boolean
  isInstalled(): boolean
  setInstalled(installed: boolean): void

  changePeople(change: PeopleChange): { added: number[] }
  /** edits one person as CUser::Update does (state/person-edit.ts); undefined when there is no such person */
  updatePerson(id: number, fields: PersonFields): FixtureUser | undefined
  /** how many people user.get returns to this viewer (no ADMIN_MODE, ACTIVE=true) */
  visibleActiveCount(viewerId: number): number

  /** creates an incoming webhook (/rest/<userId>/<secret>/) */
  addWebhook(userId: number, scopes: Scope[]): IncomingWebhook
  webhook(userId: number, secret: string): IncomingWebhook | undefined

  addFault(rule: FaultRule): void
  clearFaults(): void
  /** regenerate the fixtures and forget tokens, options, faults, log */
  reset(people?: number, seed?: number): void
}

export interface EventLogApi {
  add(entry: Omit<LogEntry, 'seq' | 'at'> & { at?: number }): LogEntry
  since(seq: number): LogEntry[]
  clear(): void
  subscribe(listener: (entry: LogEntry) => void): () => void
}
