import { placementView } from './placement-view'
import { linkedAddress } from './address'

/** What the portal's init data and the frame's own address say about where the app's page opens. */
export interface OpeningSigns {
  /** PLACEMENT of the init data */
  placement: string
  /** PLACEMENT_OPTIONS exactly as the portal sent them */
  placementOptions: unknown
  /** the portal opened the installer */
  installMode: boolean
  /** the frame's own address after the # (hash history), '' when none */
  hash: string
  /** a view was kept for a reload (in this tab, or in the viewer's own options): the page may reopen on it */
  keptView: boolean
}

/** An in-app address of the directory itself: '/', with or without a query (its search, filters, sort). */
function isDirectoryAddress(address: string): boolean {
  return address === '' || address === '/' || address.startsWith('/?')
}

/**
 * Whether the page surely opens on the directory, told before the app is evaluated: the app's own page or the
 * left menu, not the installer, at the directory's address, with no followed link to another view and no view
 * kept for a reload (the view-link store decides those once it runs). False when in doubt; the directory then
 * asks for its first page once it shows, as any other view would.
 */
export function opensOnDirectory(signs: OpeningSigns): boolean {
  if (signs.installMode || signs.keptView) return false
  if (placementView(signs.placement, signs.placementOptions).kind !== 'directory') return false
  if (!isDirectoryAddress(signs.hash.replace(/^#/, ''))) return false
  const linked = linkedAddress(signs.placementOptions)
  // a link that cannot be read leaves the page on the directory (with a notice)
  return linked.kind !== 'address' || isDirectoryAddress(linked.address)
}
