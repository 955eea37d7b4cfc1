/**
 * `npm start`: the app's Vite dev server and the stand-in portal with demo data, in one process.
 * Open the printed portal address (http://127.0.0.1:8787/): the app runs inside it exactly as inside a Bitrix24
 * portal, framed cross-site: the portal on 127.0.0.1, the app on localhost (two sites, as on a real portal).
 *
 * `npm start -- --webhook https://<portal>/rest/<user>/<secret>/` (or PORTAL_WEBHOOK=… npm start): the same page,
 * but every read the app makes is answered by that real portal through its incoming webhook, so the app shows
 * the real people. The webhook stays in this process: the browser only ever talks to the local page.
 */
import { createHash } from 'node:crypto'
import { parseArgs } from 'node:util'
import { createServer as createViteServer } from 'vite'
import { DEFAULT_APP_HOST } from './config'
import { createPortalServer } from './server'
import { redactWebhook } from './control'
import { parseWebhook } from './webhook'

const APP_PORT = Number(process.env.APP_PORT ?? 5173)
const PORTAL_PORT = Number(process.env.PORTAL_PORT ?? 8787)

const vite = await createViteServer({ server: { port: APP_PORT, strictPort: true } })
await vite.listen()
const appUrl = `http://${DEFAULT_APP_HOST}:${APP_PORT}/`

// --webhook <url>, --webhook=<url>, or PORTAL_WEBHOOK (which keeps the secret out of the shell history)
const { values } = parseArgs({ options: { webhook: { type: 'string' } }, strict: true })
const given = values.webhook ?? process.env.PORTAL_WEBHOOK
const webhook = given ? parseWebhook(given) : null
// the real portal's people are cached in the browser under their own portal id, never mixed with the demo's
const memberId = webhook ? createHash('md5').update(new URL(webhook).origin).digest('hex') : undefined

// the portal takes its default host (127.0.0.1): another site than the app
const portal = createPortalServer({ port: PORTAL_PORT, appUrl, people: Number(process.env.PEOPLE ?? 1000), webhook, memberId })
await portal.listen()
if (webhook) console.log(`\n  REST calls are answered by the real portal through ${redactWebhook(webhook)}`)

console.log(`\n  People Directory is running inside the local Bitrix24 portal:\n\n    ${portal.url}/\n`)
console.log(`  App (Vite dev server): ${appUrl} (another site than the portal, as on a real portal)`)
console.log('  Switch persona, placement, language and faults from the portal page. Ctrl+C stops both.\n')

async function stop() {
  await Promise.allSettled([portal.close(), vite.close()])
  process.exit(0)
}
process.on('SIGINT', () => void stop())
process.on('SIGTERM', () => void stop())
