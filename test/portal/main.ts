/**
 * `npm run portal -- [flags]`: the stand-in portal on its own.
 *   --port 8787  --host 127.0.0.1  --app-url http://localhost:5173/  --people 1000  --seed 1  --ttl 3600
 *   --latency 0  --rate-limit off|on|enterprise  --operating-limit off|on|<seconds per 10 min>
 *   --operating-cost <seconds per execution>  --verbose
 * The portal is at http://127.0.0.1:<port>/ and the app on localhost: two sites, as on a real portal (config.ts).
 */
import { parseArgs } from 'node:util'
import { RATE_LIMIT_PRESETS, defaultConfig, siteOf } from './config'
import { createPortalServer } from './server'
import type { PortalConfig } from './types'

const HELP = `Local stand-in Bitrix24 portal

  --port <n>              port (default 8787; 0 = any free port)
  --host <name>           address to listen on and to put into DOMAIN (default 127.0.0.1: another site
                          than the app on localhost, as a real portal is; open the portal at this host)
  --app-url <url>         the app handler (another site), default http://localhost:5173/
  --people <n>            number of people (default 1000)
  --seed <n>              fixture seed (default 1)
  --ttl <seconds>         access token lifetime (default 3600)
  --latency <ms>          added to every REST answer (default 0)
  --rate-limit <mode>     off (default) | on (burst 50, 2/s) | enterprise (burst 250, 5/s)
  --operating-limit <x>   off (default) | on (480 s per 10 min) | <seconds per 10 min>
  --operating-cost <s>    seconds booked per method execution on top of the measured time, e.g. 0.2 for a
                          heavy portal (default 0; reported in time.operating whether or not the limit is on)
  --verbose               print every REST call
`

function number(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0) throw new Error(`--${name}: a number, got "${value}"`)
  return n
}

function configFromArgs(argv: string[]): Partial<PortalConfig> | null {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, 'app-url': { type: 'string' }, people: { type: 'string' },
      seed: { type: 'string' }, ttl: { type: 'string' }, latency: { type: 'string' }, 'rate-limit': { type: 'string' },
      'operating-limit': { type: 'string' }, 'operating-cost': { type: 'string' }, verbose: { type: 'boolean' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  })
  if (values.help) return null
  const d = defaultConfig()
  const rate = values['rate-limit'] ?? 'off'
  if (!['off', 'on', 'enterprise'].includes(rate)) throw new Error('--rate-limit: off, on or enterprise')
  const op = values['operating-limit'] ?? 'off'
  const opSeconds = op === 'on' ? d.operatingLimit.limitSec : op === 'off' ? d.operatingLimit.limitSec : number('operating-limit', op, 0)
  const appUrl = values['app-url'] ?? d.appUrl
  new URL(appUrl) // throws on a malformed URL
  return {
    port: number('port', values.port, d.port),
    host: values.host ?? d.host,
    appUrl,
    people: Math.max(1, Math.floor(number('people', values.people, d.people))),
    seed: Math.floor(number('seed', values.seed, d.seed)),
    tokenTtl: number('ttl', values.ttl, d.tokenTtl),
    latencyMs: number('latency', values.latency, d.latencyMs),
    rateLimit: { enabled: rate !== 'off', ...(rate === 'enterprise' ? RATE_LIMIT_PRESETS.enterprise : RATE_LIMIT_PRESETS.standard) },
    operatingLimit: { enabled: op !== 'off', limitSec: opSeconds, costSec: number('operating-cost', values['operating-cost'], 0) },
    verbose: values.verbose ?? false,
  }
}

let config: Partial<PortalConfig> | null
try {
  config = configFromArgs(process.argv.slice(2))
} catch (e) {
  console.error(String(e instanceof Error ? e.message : e))
  console.error(HELP)
  process.exit(2)
}
if (!config) {
  console.log(HELP)
  process.exit(0)
}

const portal = createPortalServer(config)
await portal.listen()
const { store } = portal
console.log(`\n  Stand-in Bitrix24 portal: ${portal.url}/`)
console.log(`  app: ${store.config.appUrl}   people: ${store.config.people} (seed ${store.config.seed})   control API: ${portal.url}/_portal/api/state\n`)
if (siteOf(portal.url) === siteOf(store.config.appUrl)) {
  console.log('  Note: the portal and the app are on one site, so the app frame is same-site. A real portal frames it')
  console.log('  cross-site, where a browser may refuse the frame its storage. Keep them on different hosts.\n')
}

let stopping = false
async function stop(signal: string): Promise<void> {
  if (stopping) return
  stopping = true
  console.log(`\n  ${signal}: closing the portal`)
  await portal.close()
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))
