import type { B24Frame } from '@bitrix24/b24jssdk'

/** What the app asks of the portal page around it. Fire-and-forget commands never reject. */
export interface PortalActions {
  /** the portal page title; the portal only allows it on the app's own page (DEFAULT) */
  setTitle(title: string): void
  /** keep the frame as tall as the app's content */
  fitWindow(): void
  /** the native Bitrix24 profile of a person, in the portal's slider */
  openProfile(userId: number): Promise<void>
}

export function createPortalActions(b24: B24Frame): PortalActions {
  const ignore = () => undefined
  return {
    setTitle(title) {
      // A non-DEFAULT placement denies setTitle and never answers: do not even ask there.
      if (b24.placement.isDefault) b24.parent.setTitle(title).catch(ignore)
    },
    fitWindow() {
      b24.parent.fitWindow().catch(ignore)
    },
    async openProfile(userId) {
      await b24.slider.openPath(b24.slider.getUrl(`/company/personal/user/${userId}/`))
    },
  }
}
