import { ensureChromium } from './chromium'

// Run before the browser tests: they need a real Chromium, and Playwright cannot download its own here.
console.log(`Chromium: ${ensureChromium()}`)
