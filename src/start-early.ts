import { connectFrame } from './bitrix24/frame'
import { checkAppDatabaseEarly } from './storage/device-storage'

/*
 * What the app asks of the browser and the portal before anything is drawn. main.ts imports this module
 * first, so it runs before Vue, the UI kit and the views are evaluated (a few hundred ms on a slow device):
 * the portal's handshake (getInitData, and setInstall on a viewer's first run) and the check for a kept
 * database are answered meanwhile, and the session's start finds them done instead of starting them after
 * the first render.
 */
checkAppDatabaseEarly()
// a failed handshake is met by the session's start, which connects again (connectFrame forgets a failure)
connectFrame().catch(() => undefined)
