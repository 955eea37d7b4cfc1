import { MessageCommands, type B24Frame } from '@bitrix24/b24jssdk'
import type { AccessGrant } from '@/domain/admin/admin-access'

/** What the app asks of the portal page around it. Fire-and-forget commands never reject. */
export interface PortalActions {
  /** the portal page title; the portal only allows it on the app's own page (DEFAULT) */
  setTitle(title: string): void
  /** make the frame this tall (CSS pixels), as wide as the portal gives it */
  resizeFrame(height: number): void
  /** the native Bitrix24 profile of a person, in the portal's slider */
  openProfile(userId: number): Promise<void>
  /**
   * The app's own page (DEFAULT) again, in the portal's slider; the options arrive there as its
   * PLACEMENT_OPTIONS. Resolves when the slider closes.
   */
  openApplication(options: Record<string, string>): Promise<void>
  /** a chat with the person in the Bitrix24 messenger */
  openMessenger(userId: number): void
  /** an audio or video call through the Bitrix24 messenger */
  call(userId: number, video: boolean): void
  /** a phone call through Bitrix24 telephony */
  phone(number: string): void
  /** tells the portal the installer is done; the portal then reloads its page */
  finishInstall(): Promise<void>
  /** the portal's access-rights dialog; resolves with what the viewer picked (empty when cancelled) */
  selectAccess(blocked: readonly string[]): Promise<AccessGrant[]>
  /**
   * Saves an app option for every user of the app. Only admins may: the portal never answers anyone else,
   * and the SDK then gives up quietly, so the result says whether the portal confirmed the save.
   */
  setAppOption(name: string, value: string): Promise<boolean>
  /** Saves one of the viewer's own options in the portal (any user may); fire-and-forget. */
  setUserOption(name: string, value: string): void
}


export function createPortalActions(b24: B24Frame): PortalActions {
  const ignore = () => undefined
  return {
    setTitle(title) {
      // A non-DEFAULT placement denies setTitle and never answers: do not even ask there.
      if (b24.placement.isDefault) b24.parent.setTitle(title).catch(ignore)
    },
    resizeFrame(height) {
      // The SDK's fitWindow never shrinks (it sends the scroll height) and its resizeWindow fixes the width
      // in pixels; the same command with width 100% and the measured height does both right.
      b24.parent.message
        .send(MessageCommands.resizeWindow, { width: '100%', height: Math.max(1, Math.ceil(height)), isSafely: true })
        .catch(ignore)
    },
    async openProfile(userId) {
      await b24.slider.openPath(b24.slider.getUrl(`/company/personal/user/${userId}/`))
    },
    async openApplication(options) {
      // no bx24_title: the page names itself once it runs, and a different name first would flicker
      await b24.slider.openSliderAppPage({ ...options })
    },
    // The messenger commands are fire-and-forget: the portal never answers them.
    openMessenger(userId) {
      b24.parent.imOpenMessenger(userId).catch(ignore)
    },
    call(userId, video) {
      b24.parent.imCallTo(userId, video).catch(ignore)
    },
    phone(number) {
      b24.parent.imPhoneTo(number).catch(ignore)
    },
    async finishInstall() {
      // the portal reloads its page instead of answering, so do not wait for a reply
      void b24.installFinish().catch(ignore)
    },
    async selectAccess(blocked) {
      const picked: unknown = await b24.dialog.selectAccess([...blocked])
      if (!Array.isArray(picked)) return []
      return picked.flatMap((entry: unknown) => {
        const { id, name } = (entry ?? {}) as { id?: unknown; name?: unknown }
        return typeof id === 'string' && id ? [{ id, name: typeof name === 'string' ? name : id }] : []
      })
    },
    async setAppOption(name, value) {
      // setAppOption answers with every app option once the portal has saved them, which can take a while;
      // the SDK's "safe" send resolves with { isSafely: true } instead when the portal stays silent (not an
      // admin) for that long
      const answer: unknown = await b24.parent.message.send(MessageCommands.setAppOption, {
        name,
        value,
        isSafely: true,
        safelyTime: 10_000,
      })
      return typeof answer === 'object' && answer !== null && !('isSafely' in answer)
    },
    setUserOption(name, value) {
      // sent directly: the SDK's options.userSet throws when the init data carried no USER_OPTIONS
      b24.parent.message.send(MessageCommands.setUserOption, { name, value, isSafely: true }).catch(ignore)
    },
  }
}
