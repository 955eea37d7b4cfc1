import type { KnipConfig } from 'knip'

/**
 * Unused files, exports and dependencies (`npm run lint:unused`). Knip's own plugins read vite.config.ts
 * (index.html → src/main.ts, the aliases, and vitest's two projects: test/unit, test/portal and test/tools),
 * playwright.config.ts (e2e/ and the servers it starts), eslint.config.ts and package.json's scripts, tsx ones
 * included. Listed here is only what none of those names.
 */
const config: KnipConfig = {
  entry: [
    // run with tsx by hand (those package.json's scripts run, knip finds there): tracing a cold open, profiling a
    // keystroke, the tools
    'test/bench/trace-open.ts',
    'test/bench/profile-search.ts',
    'test/tools/*.ts',
    // bundled with esbuild at run time by the benchmark, as the plain page it compares the app with
    'test/bench/reference/loader.ts',
  ],
  project: ['src/**/*.{ts,vue,css}', 'test/**/*.ts', 'e2e/**/*.ts', '*.ts'],
  // a type that an exported function's signature uses stays exported, so a caller can name it
  ignoreExportsUsedInFile: { interface: true, type: true },
  // .ci/run needs nothing here: what it runs of the project is npm ci and package.json's scripts
  ignoreBinaries: [
    // the system's package manager, which the Chromium check uses to install the browser as root
    'apt-get',
  ],
  // the UI kit's theme templates, which its Vite plugin writes into node_modules/.b24ui-nuxt when Vite starts:
  // a fresh clone lints before anything has built
  ignoreUnresolved: [/^#build\/b24ui\//],
  ignoreDependencies: [
    // not a package: the dev server's alias for the real @vue/devtools-api (vite.config.ts)
    'real-vue-devtools-api',
  ],
}

export default config
