import { MessageCommands, type B24Frame } from '@bitrix24/b24jssdk'

/** What the app asks of the portal page around it. Fire-and-forget commands never reject. */
export interface PortalActions {
  /** the portal page title; the portal only allows it on the app's own page (DEFAULT) */
  setTitle(title: string): void
  /** make the frame this tall (CSS pixels), as wide as the portal gives it */
  resizeFrame(height: number): void
  /** the native Bitrix24 profile of a person, in the portal's slider */
  openProfile(userId: number): Promise<void>
  /** a chat with the person in the Bitrix24 messenger */
  openMessenger(userId: number): void
  /** an audio or video call through the Bitrix24 messenger */
  call(userId: number, video: boolean): void
  /** a phone call through Bitrix24 telephony */
  phone(number: string): void
  /** tells the portal the installer is done; the portal then reloads its page */
  finishInstall(): Promise<void>
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
  }
}
