import { connectFrame, type PortalFrame } from './bitrix24/frame'
import { askFirstPageEarly, askViewerEarly } from './bitrix24/opening-requests'
import { directoryQuery } from './bitrix24/people-batch'
import { ADMIN_ACCESS_OPTION, adminAccessCodes } from './domain/admin/admin-access'
import { scopeAccess } from './domain/portal/scope-access'
import { KEPT_VIEW_OPTION } from './domain/view/kept-view'
import { opensOnDirectory } from './domain/view/opening'
import { checkAppDatabaseEarly, openTabArea, type AppDatabaseCheck } from './storage/device-storage'
import { restrictConnections } from './security/csp'

/*
 * What the app asks of the browser and the portal before anything is drawn. main.ts runs this module, then
 * evaluates the app itself (Vue, the UI kit, the views: a few hundred ms on a slow device) in a task of its own,
 * so the portal's answer to the handshake is handled in between: the session's first requests (who is looking,
 * and a cold directory's first page) leave at once and their answers travel while the app is evaluated.
 */

/** Resolves once the first requests have left (or nothing could be asked); never rejects. */
export const asked: Promise<void> = start(checkAppDatabaseEarly())

async function start(database: AppDatabaseCheck): Promise<void> {
  let frame: PortalFrame
  try {
    frame = await connectFrame()
  } catch {
    // a failed handshake is met by the session's start, which connects again (connectFrame forgets a failure)
    return
  }
  // from here on the page talks to this portal only (the session does the same when it connects)
  restrictConnections(frame.portalOrigin)
  askViewerEarly(frame.rest, adminAccessCodes(frame.appOption(ADMIN_ACCESS_OPTION)))
  // a view kept for a reload lives in the tab where the browser keeps anything, else in the viewer's own
  // options (stores/view-link.ts reads it the same way)
  const tab = openTabArea()
  const signs = {
    placement: frame.placement,
    placementOptions: frame.placementOptions,
    installMode: frame.installMode,
    hash: window.location.hash,
    keptView: tab ? tab.get(KEPT_VIEW_OPTION) != null : frame.userOption(KEPT_VIEW_OPTION) != null,
  }
  if (!opensOnDirectory(signs)) return
  // A device without the app's database keeps no copy to show first: the open is cold, and its first page is
  // asked for now. The scopes are not known yet: the select asks for every field the directory shows, and
  // Bitrix24 leaves out what the app's scope does not grant (portal-protocol §3.1).
  if ((await database) === false) askFirstPageEarly(frame.rest, directoryQuery(scopeAccess(null)))
}
