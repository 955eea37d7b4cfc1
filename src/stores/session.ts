import { defineStore, acceptHMRUpdate } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { connectFrame, reloadAppPage, type ConnectOptions, type PortalFrame } from '@/bitrix24/frame'
import { FrameStartError, type FrameProblem } from '@/bitrix24/frame-errors'
import { fetchViewer } from '@/bitrix24/users'
import { takeEarlyViewer } from '@/bitrix24/opening-requests'
import { toPerson, type Person } from '@/domain/people/person'
import { ADMIN_ACCESS_OPTION, adminAccessCodes, adminGrants, serializeGrants, type AccessGrant } from '@/domain/admin/admin-access'
import { scopeAccess } from '@/domain/portal/scope-access'
import { intlLocale } from '@/domain/view/locale'
import { viewPlacementOptions } from '@/domain/view/placement'
import type { ViewState } from '@/domain/view/view-state'
import { restrictConnections } from '@/security/csp'
import { retryQuietly } from '@/bitrix24/quiet-retry'
import { toRestError } from '@/bitrix24/rest-error'
import { toAppError, type AppError } from '@/domain/errors/app-error'

export type SessionStatus = 'connecting' | 'ready' | FrameProblem

/** Who is looking, from where, with which grants, and what they may open. */
export const useSessionStore = defineStore('session', () => {
  const status = ref<SessionStatus>('connecting')
  /** the portal connection; shallow, so the SDK object is never wrapped in a proxy */
  const frame = shallowRef<PortalFrame | null>(null)
  const me = ref<Person | null>(null)
  /** may open the admin views: a portal admin, or someone holding an access code an admin granted */
  const canAdmin = ref(false)
  /** a portal administrator (user.admin) */
  const isAdmin = ref(false)
  /** the scopes granted to the app; null when the portal would not say */
  const scopes = ref<string[] | null>(null)
  /** the app's own ID on the portal (app.info), which its page address /marketplace/app/<ID>/ carries; null when unknown */
  const appId = ref<number | null>(null)
  const problemDetail = ref('')
  /** why the start failed, through the one error mapping; null while connecting or once ready */
  const problem = shallowRef<AppError | null>(null)
  /** a transient fault in the first requests is being retried quietly */
  const waiting = ref(false)

  const placement = computed(() => frame.value?.placement ?? 'DEFAULT')
  const lang = computed(() => frame.value?.lang ?? 'en')
  const locale = computed(() => intlLocale(lang.value))
  const access = computed(() => scopeAccess(scopes.value))

  /** Connects to the portal and learns who the viewer is, in one REST request. */
  async function start(options?: ConnectOptions & { retryDelays?: readonly number[] }): Promise<void> {
    status.value = 'connecting'
    problem.value = null
    try {
      const connected = await connectFrame(options)
      restrictConnections(connected.portalOrigin)
      frame.value = connected
      // the first requests ride out a busy portal or a dropped connection like the people load does
      const viewer = await retryQuietly(
        // the question asked as the init data arrived (start-early.ts), else (and on a retry) a new one
        () => takeEarlyViewer() ?? fetchViewer(connected.rest, adminAccessCodes(connected.appOption(ADMIN_ACCESS_OPTION))),
        { method: 'user.current', onWait: (on) => (waiting.value = on), delays: options?.retryDelays },
      )
      me.value = toPerson(viewer.user)
      if (!me.value) throw new Error('user.current sent no usable user')
      scopes.value = viewer.scopes
      appId.value = viewer.appId
      isAdmin.value = viewer.isAdmin
      canAdmin.value = viewer.isAdmin || viewer.granted
      status.value = 'ready'
    } catch (error) {
      console.error('[app] the start failed', error)
      status.value = error instanceof FrameStartError ? error.problem : 'failed'
      problemDetail.value = error instanceof Error ? error.message : String(error)
      const failure = error instanceof FrameStartError ? null : toRestError(error, 'user.current')
      problem.value = failure ? toAppError(failure.code, failure.status) : toAppError(status.value)
    }
  }

  /** The person's native Bitrix24 profile, in the portal's slider. */
  async function openProfile(userId: number): Promise<void> {
    try {
      await frame.value?.actions.openProfile(userId)
    } catch {
      // the portal refused the path (PATH_NOT_AVAILABLE) or went away: nothing is lost on our side
    }
  }

  /** The directory showing this view, on the app's own page in the portal's slider over the current one. */
  async function openDirectory(view: ViewState): Promise<void> {
    try {
      await frame.value?.actions.openApplication(viewPlacementOptions(view))
    } catch {
      // the portal went away before the slider closed: nothing is lost on our side
    }
  }

  function openMessenger(userId: number) {
    frame.value?.actions.openMessenger(userId)
  }

  function call(userId: number, video: boolean) {
    frame.value?.actions.call(userId, video)
  }

  function phone(number: string) {
    frame.value?.actions.phone(number)
  }

  /** Opens the app's page again, as the portal opened it (see reloadAppPage). */
  function reloadPage() {
    reloadAppPage()
  }

  /** Makes the portal's frame as tall as the app's content. */
  function fitFrame(height: number) {
    frame.value?.actions.resizeFrame(height)
  }

  /** The installer is done: the portal marks the app installed and reloads its page. */
  async function finishInstall() {
    await frame.value?.actions.finishInstall()
  }

  /** Who besides portal admins may open the admin views. */
  function adminAccessGrants(): AccessGrant[] {
    return adminGrants(frame.value?.appOption(ADMIN_ACCESS_OPTION))
  }

  /** The portal's access-rights dialog; codes already granted cannot be picked twice. */
  async function pickAccess(granted: readonly AccessGrant[]): Promise<AccessGrant[]> {
    const picked = (await frame.value?.actions.selectAccess(granted.map((grant) => grant.id))) ?? []
    // only codes user.access understands are kept, the same rule the saved option is read with
    return adminGrants(picked)
  }

  /** Saves who may open the admin views; false when the portal did not confirm (only admins may save). */
  async function saveAdminAccess(grants: readonly AccessGrant[]): Promise<boolean> {
    if (!frame.value || !isAdmin.value) return false
    return frame.value.saveAppOption(ADMIN_ACCESS_OPTION, serializeGrants(grants))
  }

  /** One of the viewer's own options kept in the portal (USER_OPTIONS), as text; null when not set. */
  function userOption(name: string): string | null {
    const value = frame.value?.userOption(name)
    return typeof value === 'string' ? value : null
  }

  /** Keeps one of the viewer's own options in the portal, so it follows them to any device. */
  function saveUserOption(name: string, value: string) {
    frame.value?.saveUserOption(name, value)
  }

  // One promise for everyone waiting on the viewer, settled by a watcher of the store's own: a waiting
  // view's scope can end (the viewer moves on) without leaving the next waiter stranded.
  let viewerArrived = () => {}
  const viewerArrival = new Promise<void>((resolve) => (viewerArrived = resolve))
  watch(me, (now) => now && viewerArrived(), { flush: 'sync' })
  /**
   * Resolves once Bitrix24 has said who is looking (the viewer, with the scopes and rights that came in the same
   * answer): what depends on them waits for it when a view shows before (App.vue). Stays pending while the
   * start fails.
   */
  function viewerKnown(): Promise<void> {
    return me.value ? Promise.resolve() : viewerArrival
  }

  let pageTitle = ''
  /** The portal page's own title (only the app's main page may set it); the same title is not sent twice. */
  function setPageTitle(title: string) {
    if (!frame.value || title === pageTitle) return
    pageTitle = title
    frame.value.actions.setTitle(title)
  }

  return {
    status, frame, me, canAdmin, isAdmin, scopes, appId, problemDetail, problem, waiting, placement, lang, locale, access,
    start, viewerKnown, reloadPage, openProfile, openDirectory, openMessenger, call, phone, finishInstall, setPageTitle, fitFrame,
    adminAccessGrants, pickAccess, saveAdminAccess, userOption, saveUserOption,
  }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useSessionStore, import.meta.hot))
