import { existsSync } from 'node:fs'
import { execFileSync } from 'node:child_process'
import { chromium } from '@playwright/test'

/** Flags that keep Chromium quiet on a machine with no outside network and no sandbox support as root. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
]

/**
 * Playwright launches Chromium with `--disable-features=…,ThirdPartyStoragePartitioning,…`, and Chromium then
 * gives a cross-site frame no storage at all: localStorage throws SecurityError and IndexedDB is denied, as
 * for a viewer who blocks third-party cookies or browses incognito. A later `--disable-features` replaces
 * that list; this one is Playwright's own without ThirdPartyStoragePartitioning, so the frame gets storage
 * partitioned per top-level site, as Chrome's default profile (and Firefox and Safari) give it.
 */
export const STORAGE_ALLOWED_ARGS = [
  '--disable-features=' + [
    'AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades',
    'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding',
    'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin', 'OptimizationHints',
    'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch',
  ].join(','),
]

/** CHROMIUM_PATH, then Debian's chromium, then a browser Playwright downloaded itself. */
export function findChromium(): string | undefined {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    safePlaywrightPath(),
  ]
  return candidates.find((path): path is string => Boolean(path && existsSync(path)))
}

function safePlaywrightPath(): string | undefined {
  try {
    return chromium.executablePath()
  } catch {
    return undefined
  }
}

/** Finds a Chromium, installing Debian's package when none is there and we may (root with apt). */
export function ensureChromium(): string {
  const found = findChromium()
  if (found) return found
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0
  if (isRoot && existsSync('/usr/bin/apt-get')) {
    console.log('No Chromium found: installing Debian\'s chromium package…')
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env })
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-noto-core'], { stdio: 'inherit', env })
    const installed = findChromium()
    if (installed) return installed
  }
  throw new Error(
    'No Chromium found. Install it (Debian: apt-get install chromium) or point CHROMIUM_PATH at a Chromium binary.',
  )
}
