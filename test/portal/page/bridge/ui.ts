/**
 * The portal's shared UI services (sliders, modal pickers, toasts). They always live in the TOP portal window,
 * like Bitrix24's BX.SidePanel: a page shown inside a slider (the app opened by openApplication, a profile) uses
 * the top window's instance, so nested sliders stack and modals cover the whole page.
 */
import { pickAccess, pickUsers } from './dialogs'
import { createSliderManager, type SliderManager } from './sliders'
import { toast } from './toast'

export interface PortalUi {
  sliders: SliderManager
  toast: typeof toast
  pickUsers: typeof pickUsers
  pickAccess: typeof pickAccess
}

declare global {
  interface Window {
    __portalUi?: PortalUi
  }
}

/** Install this window's UI services (called on the top window at startup). */
export function installOwnUi(): PortalUi {
  if (!window.__portalUi) {
    window.__portalUi = { sliders: createSliderManager(), toast, pickUsers, pickAccess }
  }
  return window.__portalUi
}

/** The top window's services when it is a portal page on this origin; otherwise this window's own. */
export function portalUi(): PortalUi {
  try {
    const top = window.top
    if (top && top !== window && top.__portalUi) return top.__portalUi
  } catch {
    // a cross-origin top window: fall through to our own
  }
  return installOwnUi()
}
