import { isAddressShape, MAX_ADDRESS_LENGTH } from './address'

/**
 * The view kept for a reload of the portal page. An app frame cannot change the portal's address (it is
 * cross-origin, and no frame command does it), and the portal renders the frame afresh on a reload with no
 * sign that it is one. So the app keeps the view the viewer is on: for the browser tab where the browser lets
 * the frame keep anything (sessionStorage survives a reload, a new tab starts without it), and otherwise as
 * one of the viewer's own app options (setUserOption), which the portal sends back in the next render's init
 * data (USER_OPTIONS).
 */
export const KEPT_VIEW_OPTION = 'people-directory:view'

/**
 * How long a view kept in the portal counts as the one a reload shows. The portal cannot tell a reload from a
 * new visit, another tab or another device, so only a view that changed this recently is taken for a reload;
 * and during a visit opened by a link, only a view this recent wins over that link.
 */
export const RELOAD_WINDOW_MS = 30 * 60_000

/** another device's clock may run a little ahead: a view kept that far in the future still counts */
const CLOCK_SKEW_MS = 60_000

export interface KeptView {
  /** the viewer's user ID: a tab may see another viewer after a sign-in, and their view is not this one's */
  user: number
  /** the in-app address (route path and query) */
  address: string
  /** linkFingerprint of the link the visit opened with; '' when it opened without one */
  link: string
  /** when it was kept (ms since the epoch) */
  at: number
}

/** The option value for a kept view (JSON, versioned). */
export function encodeKeptView(view: KeptView): string {
  return JSON.stringify({ v: 1, user: view.user, address: view.address, link: view.link, at: view.at })
}

/**
 * The view `user` kept, from a stored value; null for anything else: another viewer's, another version, a
 * damaged or hostile value.
 */
export function decodeKeptView(value: unknown, user: number): KeptView | null {
  if (typeof value !== 'string' || value.length > MAX_ADDRESS_LENGTH * 2) return null
  let data: unknown
  try {
    data = JSON.parse(value)
  } catch {
    return null
  }
  if (!data || typeof data !== 'object') return null
  const { v, user: owner, address, link, at } = data as Record<string, unknown>
  if (v !== 1 || owner !== user || !isAddressShape(address) || typeof link !== 'string' || !/^[0-9a-z]{0,16}$/.test(link)) return null
  return typeof at === 'number' && Number.isFinite(at) ? { user, address, link, at } : null
}

/** A short, stable fingerprint of a link's address (FNV-1a, 32 bits, base 36): which link a visit opened with. */
export function linkFingerprint(address: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < address.length; i++) {
    hash ^= address.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash.toString(36)
}

export interface Opening {
  /** the in-app address to open; null: the app's own start (the directory) */
  address: string | null
  /** where it comes from */
  source: 'link' | 'kept' | 'none'
  /** the fingerprint to keep with this visit's views ('' without a link) */
  link: string
}

/**
 * Which view the app page opens. A link (its in-app address, null without one) shows the view it carries,
 * unless the view kept during a visit opened by that same link is still fresh: that is a reload of the page,
 * and what the viewer did since stays. Without a link, the view the viewer left, when fresh. Fresh: kept at
 * most `windowMs` ago (no limit for a view kept for the tab; RELOAD_WINDOW_MS for one kept in the portal).
 */
export function chooseOpening(linked: string | null, kept: KeptView | null, now: number, windowMs = RELOAD_WINDOW_MS): Opening {
  const age = kept ? now - kept.at : Number.POSITIVE_INFINITY
  const fresh = kept !== null && age >= -CLOCK_SKEW_MS && age <= windowMs
  if (linked !== null) {
    const link = linkFingerprint(linked)
    return fresh && kept.link === link ? { address: kept.address, source: 'kept', link } : { address: linked, source: 'link', link }
  }
  return fresh ? { address: kept.address, source: 'kept', link: '' } : { address: null, source: 'none', link: '' }
}
