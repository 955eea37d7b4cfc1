import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './test/tools/chromium'

/** The stand-in portal and the built app run on their own origins, as a portal and an app host do. */
export const PORTAL_PORT = 8790
export const APP_PORT = 4173
const isCI = Boolean(process.env.CI)

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
    baseURL: `http://localhost:${PORTAL_PORT}`,
    trace: 'on-first-retry',
    screenshot: 'only-on-failure',
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } }],
  webServer: [
    {
      command: `npx vite preview --port ${APP_PORT} --strictPort`,
      url: `http://localhost:${APP_PORT}/`,
      reuseExistingServer: !isCI,
      timeout: 60_000,
    },
    {
      command: `npx tsx test/portal/main.ts --port ${PORTAL_PORT} --app-url http://localhost:${APP_PORT}/ --people 5000`,
      url: `http://localhost:${PORTAL_PORT}/_portal/api/state`,
      reuseExistingServer: !isCI,
      timeout: 60_000,
    },
  ],
})
