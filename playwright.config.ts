import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, STORAGE_ALLOWED_ARGS, findChromium } from './test/tools/chromium'

/**
 * The stand-in portal and the built app run on different sites, as a Bitrix24 portal and an app host do:
 * the portal at 127.0.0.1, the app at localhost. A browser may then deny the app's frame its storage.
 */
export const PORTAL_PORT = 8790
export const APP_PORT = 4173
export const PORTAL_ORIGIN = `http://127.0.0.1:${PORTAL_PORT}`
/** The people on the stand-in portal the suite runs on; a test that resizes it puts this size back. */
export const SUITE_PEOPLE = 5000
const isCI = Boolean(process.env.CI)
const browser = { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } }
const BLOCKED_SPEC = /storage-blocked\.spec\.ts/

export default defineConfig({
  testDir: './e2e',
  fullyParallel: false,
  // One portal serves every test: keep tests from changing its state under each other.
  workers: 1,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  timeout: 60_000,
  reporter: isCI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: PORTAL_ORIGIN,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      // the whole suite in a browser that gives the cross-site frame (partitioned) storage, as Chrome's
      // default profile, Firefox and Safari do
      name: 'storage-allowed',
      testIgnore: BLOCKED_SPEC,
      use: { ...browser, launchOptions: { executablePath: findChromium(), args: [...CHROMIUM_ARGS, ...STORAGE_ALLOWED_ARGS] } },
    },
    {
      // the main paths in a browser that keeps nothing for the frame: third-party cookies blocked,
      // incognito, company policy (and Playwright's plain launch)
      name: 'storage-blocked',
      testMatch: BLOCKED_SPEC,
      use: { ...browser, launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS } },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --port ${APP_PORT} --strictPort`,
      url: `http://localhost:${APP_PORT}/`,
      reuseExistingServer: !isCI,
      timeout: 60_000,
    },
    {
      command: `npx tsx test/portal/main.ts --port ${PORTAL_PORT} --host 127.0.0.1 --app-url http://localhost:${APP_PORT}/ --people ${SUITE_PEOPLE}`,
      url: `${PORTAL_ORIGIN}/_portal/api/state`,
      reuseExistingServer: !isCI,
      timeout: 60_000,
    },
  ],
})
