/**
 * The portal state (PortalStore): fixtures, personas, tokens and frame renders, options, install state,
 * faults and the event log. One instance per running portal; tests create their own.
 * REST-only details (indexes, placement bindings) are reached through storeInternals().
 */
import type {
  FaultRule, FixtureDepartment, FixtureUser, Fixtures, FrameSession, IncomingWebhook, PeopleChange, PersonaKey,
  PersonFields, PortalConfig, PortalStore, Scenario, Token,
} from '../types'
import { DEFAULT_PORTAL_HOST } from '../config'
import { accessCodes } from './access'
import { Directory } from './directory'
import { FaultQueue } from './faults'
import { generateFixtures, generateNewPeople } from './fixtures'
import { EventLog } from './log'
import { applyPersonEdit } from './person-edit'
import { choosePersonas, type Personas } from './personas'
import { createRng, deriveSeed } from './random'
import { TokenStore, randomHex } from './tokens'

export interface PlacementBinding {
  placement: string
  handler: string
  title: string
  description: string
  groupName: string
  langAll: unknown
  options: unknown
  userId: number
}

export interface StoreInternals {
  directory(): Directory
  tokens: TokenStore
  faults: FaultQueue
  placements: PlacementBinding[]
  /** the server listened on another port than configured (port 0): photo URLs follow the real origin */
  setOrigin(origin: string): void
  /** REST keeps limiter state per store; it forgets it when the portal is reset */
  onReset(listener: () => void): void
}

const internals = new WeakMap<PortalStore, StoreInternals>()

export function storeInternals(store: PortalStore): StoreInternals {
  const found = internals.get(store)
  if (!found) throw new Error('this PortalStore was not created by createPortalStore()')
  return found
}

function defaultScenario(): Scenario {
  return {
    persona: 'admin',
    userId: null,
    placement: 'DEFAULT',
    placementUserId: null,
    lang: 'en',
    scopes: ['user', 'department', 'placement'],
    installed: true,
    staticOpen: false,
  }
}

export function createPortalStore(config: PortalConfig): PortalStore {
  let fixtures: Fixtures
  let directory: Directory
  let personas: Personas
  let photoOrigin = ''
  let peopleBatches = 0
  const tokens = new TokenStore()
  const frames = new Map<string, FrameSession>()
  let appOptions: Record<string, unknown> = {}
  const userOptions = new Map<number, Record<string, unknown>>()
  const firstRunDone = new Set<number>()
  const faultRng = createRng(deriveSeed(config.seed, 7))
  const faults = new FaultQueue(() => faultRng.next())
  const webhooks: IncomingWebhook[] = []
  const log = new EventLog(5000)
  const resetListeners: Array<() => void> = []
  const state: { placements: PlacementBinding[] } = { placements: [] }

  // the portal's own origin: DOMAIN in the frame name, the REST base, photo URLs. A wildcard bind address
  // (0.0.0.0, ::) is no address to browse to: it falls back to the default host, which keeps the portal
  // on another site than apps on localhost (config.ts)
  const origin = (): string => {
    const host = config.host === '0.0.0.0' || config.host === '::' || !config.host ? DEFAULT_PORTAL_HOST : config.host
    return `http://${host.includes(':') ? `[${host}]` : host}:${config.port}`
  }

  const build = (): void => {
    photoOrigin = origin()
    fixtures = generateFixtures({ people: config.people, seed: config.seed, origin: photoOrigin })
    directory = new Directory(fixtures)
    personas = choosePersonas(fixtures)
  }
  build()

  const placementOptions = (s: Scenario, viewer: number): FrameSession['placementOptions'] => {
    switch (s.placement) {
      case 'USER_PROFILE_MENU':
        return { USER_ID: String(viewer), URI: `/company/personal/user/${viewer}/` }
      case 'USER_PROFILE_TOOLBAR': {
        const owner = s.placementUserId ?? viewer
        return { USER_ID: String(owner), URI: `/company/personal/user/${owner}/` }
      }
      case 'LEFT_MENU':
        return { URI: '/' }
      default:
        return []
    }
  }

  const store: PortalStore = {
    config,
    get fixtures() {
      return fixtures
    },
    scenarioDefaults: defaultScenario(),
    log,

    origin,
    userById: (id) => directory.byId.get(id),
    departmentById: (id) => directory.departments.get(id),
    personaUserId: (key: PersonaKey) => personas[key],
    accessCodes: (userId) => accessCodes(directory, userId),

    openFrame(scenario: Scenario): FrameSession {
      const userId = scenario.userId ?? personas[scenario.persona]
      const user = directory.byId.get(userId)
      if (!user) throw new Error(`openFrame: no user ${userId}`)
      const appSid = randomHex(16)
      const token = tokens.mint(userId, scenario.scopes, appSid, config.tokenTtl)
      const session: FrameSession = {
        appSid,
        scenario: { ...scenario, scopes: [...scenario.scopes] },
        userId,
        token,
        install: !scenario.installed && user.isAdmin,
        firstRun: !firstRunDone.has(userId),
        isAdmin: user.isAdmin,
        placementOptions: placementOptions(scenario, userId),
      }
      frames.set(appSid, session)
      return session
    },
    frameBySid: (appSid) => frames.get(appSid),
    refreshToken(refreshToken: string): Token | undefined {
      const fresh = tokens.refresh(refreshToken, config.tokenTtl)
      const session = fresh ? frames.get(fresh.appSid) : undefined
      if (fresh && session) session.token = fresh
      return fresh
    },
    tokenByAccess: (accessToken) => tokens.access(accessToken),
    expireAllTokens: () => tokens.expireAll(),

    appOptions: () => ({ ...appOptions }),
    setAppOption(userId, name, value) {
      if (!directory.byId.get(userId)?.isAdmin) return undefined
      appOptions = { ...appOptions, [name]: value }
      return { ...appOptions }
    },
    userOptions: (userId) => ({ ...(userOptions.get(userId) ?? {}) }),
    setUserOption(userId, name, value) {
      userOptions.set(userId, { ...(userOptions.get(userId) ?? {}), [name]: value })
    },
    markFirstRunDone: (userId) => void firstRunDone.add(userId),
    finishInstall(userId) {
      if (!directory.byId.get(userId)?.isAdmin) return false
      store.setInstalled(true)
      return true
    },
    // the defaults' `installed` is the install state: renders take it unless a query overrides it
    isInstalled: () => store.scenarioDefaults.installed,
    setInstalled(installed) {
      store.scenarioDefaults = { ...store.scenarioDefaults, installed }
    },

    changePeople(change: PeopleChange) {
      const added: FixtureUser[] = change.add && change.add > 0
        ? generateNewPeople(fixtures, Math.floor(change.add), config.seed, photoOrigin, ++peopleBatches)
        : []
      fixtures.users.push(...added)
      // a dismissal is a CUser::Update of ACTIVE: the record's TIMESTAMP_X moves to now
      const now = Date.now()
      for (const id of change.dismiss ?? []) {
        const u = directory.byId.get(Number(id))
        if (u) applyPersonEdit(u, { ACTIVE: false }, now)
      }
      if (change.remove?.length) {
        const gone = new Set(change.remove.map(Number))
        fixtures.users = fixtures.users.filter((u) => !gone.has(u.ID))
        fixtures.departments.forEach((d: FixtureDepartment) => {
          if (d.UF_HEAD !== null && gone.has(d.UF_HEAD)) d.UF_HEAD = null
        })
      }
      directory = new Directory(fixtures)
      // a removed persona is replaced, so every persona can still open the app
      if (Object.values(personas).some((id) => !directory.byId.has(id))) personas = choosePersonas(fixtures)
      return { added: added.map((u) => u.ID) }
    },
    updatePerson(id: number, fields: PersonFields) {
      const u = directory.byId.get(id)
      if (!u) return undefined
      applyPersonEdit(u, fields)
      // indexes and cached query results hold the old values: rebuild, as for any change of people
      directory = new Directory(fixtures)
      return u
    },
    visibleActiveCount(viewerId) {
      const viewer = directory.byId.get(viewerId)
      if (!viewer) return 0
      const vis = directory.visibility(viewer, false, false)
      let n = 0
      for (const u of directory.people) if (u.ACTIVE && (!vis || vis.test(u))) n++
      return n
    },

    addWebhook(userId, scopes) {
      // real webhook secrets are 16 characters
      const hook: IncomingWebhook = { userId, secret: randomHex(8), scopes: [...scopes] }
      webhooks.push(hook)
      return { ...hook }
    },
    webhook: (userId, secret) => webhooks.find((w) => w.userId === userId && w.secret === secret),

    addFault: (rule: FaultRule) => faults.add(rule),
    clearFaults: () => faults.clear(),

    reset(people?: number, seed?: number) {
      if (people !== undefined && Number.isFinite(people) && people > 0) config.people = Math.floor(people)
      if (seed !== undefined && Number.isFinite(seed)) config.seed = Math.floor(seed)
      build()
      tokens.clear()
      frames.clear()
      appOptions = {}
      userOptions.clear()
      firstRunDone.clear()
      faults.clear()
      webhooks.length = 0
      log.clear()
      state.placements = []
      store.scenarioDefaults = { ...store.scenarioDefaults, installed: true }
      for (const listener of resetListeners) listener()
    },
  }

  internals.set(store, {
    directory: () => directory,
    tokens,
    faults,
    get placements() {
      return state.placements
    },
    set placements(list: PlacementBinding[]) {
      state.placements = list
    },
    setOrigin(next: string) {
      if (next === photoOrigin) return
      for (const u of fixtures.users) {
        if (u.PERSONAL_PHOTO?.startsWith(photoOrigin)) u.PERSONAL_PHOTO = next + u.PERSONAL_PHOTO.slice(photoOrigin.length)
      }
      photoOrigin = next
    },
    onReset: (listener) => void resetListeners.push(listener),
  })
  return store
}
