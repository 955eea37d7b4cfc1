import { initializeB24Frame, ParamsFactory, type B24Frame } from '@bitrix24/b24jssdk'
import { FrameStartError } from './frame-errors'
import { createFrameRestClient, type RestClient } from './rest-client'
import { createPortalActions, type PortalActions } from './portal-actions'

/** What the portal told the app when it opened it (getInitData), in the app's own terms. */
export interface PortalFrame {
  /** PLACEMENT code, 'DEFAULT' for the app's own page */
  placement: string
  /** PLACEMENT_OPTIONS exactly as the portal sent them: an object, a JSON string or an empty array */
  placementOptions: unknown
  /** Bitrix24 language id (en, ru, de, ua, …) */
  lang: string
  /** IS_ADMIN of the viewer: portal admin or allowed to install apps */
  isAdmin: boolean
  /** the portal's MEMBER_ID, stable per portal; keys caches */
  memberId: string
  /** the portal opened the installer (admin, app not yet installed) */
  installMode: boolean
  /** the portal page's origin, where REST lives too */
  portalOrigin: string
  /** an app option (APP_OPTIONS) as the portal sent it, undefined when not set */
  appOption(name: string): unknown
  /** saves an app option (admins only); true when the portal confirmed it, and appOption() then reads it */
  saveAppOption(name: string, value: string): Promise<boolean>
  /** the viewer's own option (USER_OPTIONS of the init data, or saved during this visit), undefined when not set */
  userOption(name: string): unknown
  /** saves the viewer's own option in the portal; it comes back in the next visit's init data */
  saveUserOption(name: string, value: string): void
  rest: RestClient
  actions: PortalActions
}

export interface ConnectOptions {
  /** how long to wait for the portal's getInitData answer */
  timeoutMs?: number
  /** the window the app runs in; tests pass their own */
  win?: Window
}

const DEFAULT_TIMEOUT_MS = 10_000

/**
 * Opens the app's page in its frame again. Bitrix24 opens it with a form POST, and until the router has
 * replaced that history entry `location.reload()` posts the form again, which the page's own policy forbids
 * (`form-action 'none'`: the reload then does nothing). A GET of the same address is what a static host
 * serves, and the SDK finds the portal again in the frame's name (`DOMAIN|PROTOCOL|APP_SID`), which outlives
 * the page.
 */
export function reloadAppPage(win: Window = window): void {
  win.location.replace(win.location.href.split('#')[0]!)
}

/** True when the page is not inside a portal frame at all (no parent, or no portal name on the window). */
export function isOutsidePortal(win: Window = window): boolean {
  const inIframe = win.self !== win.top
  const parts = win.name.split('|')
  return !inIframe || parts.length < 3 || !parts[0] || !parts[2]
}

let connection: Promise<PortalFrame> | null = null

/**
 * Starts the SDK once per page. The SDK waits forever for the portal's getInitData answer, so the app puts
 * its own deadline on it; a failed start can be retried (the SDK clears its own singleton on rejection).
 */
export function connectFrame(options: ConnectOptions = {}): Promise<PortalFrame> {
  connection ??= startFrame(options).catch((error: unknown) => {
    connection = null
    throw error
  })
  return connection
}

async function startFrame({ timeoutMs = DEFAULT_TIMEOUT_MS, win = window }: ConnectOptions): Promise<PortalFrame> {
  if (isOutsidePortal(win)) {
    throw new FrameStartError('outside-portal', 'The app was opened outside a Bitrix24 portal.')
  }
  let timer: ReturnType<typeof setTimeout> | undefined
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new FrameStartError('no-answer', `The portal did not answer within ${timeoutMs} ms.`)),
      timeoutMs,
    )
  })
  try {
    // Restriction params merge shallowly in the SDK: always hand it complete objects, or the limiter switches off.
    const b24 = await Promise.race([
      initializeB24Frame({ restrictionParams: ParamsFactory.getDefault() }),
      deadline,
    ])
    return describeFrame(b24)
  } catch (error) {
    if (error instanceof FrameStartError) throw error
    const code = (error as { code?: string } | null)?.code
    if (code === 'JSSDK_CLIENT_SIDE_WARNING') {
      throw new FrameStartError('outside-portal', 'The app was opened outside a Bitrix24 portal.')
    }
    throw new FrameStartError('failed', error instanceof Error ? error.message : String(error))
  } finally {
    clearTimeout(timer)
  }
}

/** An option as the init data sent it; the SDK throws for options that are missing or falsy. */
function optionOrUndefined(read: () => unknown): unknown {
  try {
    return read()
  } catch {
    return undefined
  }
}

function describeFrame(b24: B24Frame): PortalFrame {
  const auth = b24.auth.getAuthData()
  const actions = createPortalActions(b24)
  // options saved during this visit; the SDK's own copy only changes through a second setAppOption message
  const saved = new Map<string, unknown>()
  const savedForUser = new Map<string, string>()
  return {
    placement: String(b24.placement.placement || 'DEFAULT').toUpperCase(),
    placementOptions: b24.placement.options,
    lang: String(b24.getLang() || 'en'),
    isAdmin: b24.auth.isAdmin === true,
    memberId: auth ? String(auth.member_id ?? '') : '',
    installMode: b24.isInstallMode,
    portalOrigin: b24.getTargetOrigin(),
    appOption: (name) => (saved.has(name) ? saved.get(name) : optionOrUndefined(() => b24.options.appGet(name))),
    async saveAppOption(name, value) {
      const confirmed = await actions.setAppOption(name, value)
      if (confirmed) saved.set(name, value)
      return confirmed
    },
    userOption: (name) => (savedForUser.has(name) ? savedForUser.get(name) : optionOrUndefined(() => b24.options.userGet(name))),
    saveUserOption(name, value) {
      savedForUser.set(name, value)
      actions.setUserOption(name, value)
    },
    rest: createFrameRestClient(b24),
    actions,
  }
}
