import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'
import b24ui from '@bitrix24/b24ui-nuxt/vite'
import vueI18n from '@intlify/unplugin-vue-i18n/vite'
import { fileURLToPath, URL } from 'node:url'
import { readFileSync } from 'node:fs'
import type { Connect, Plugin } from 'vite'
import { BASE_POLICY } from './src/security/csp-policy.ts'
import { kitIconsByName } from './test/tools/kit-icons-by-name.ts'
import { firstScreenChunks } from './test/tools/first-screen-chunks.ts'

/**
 * Bitrix24 opens an app handler with a form POST (AUTH_ID and friends in the body). Vite's dev and preview
 * servers only serve index.html to GET, so a POST of a page becomes a GET of the same URL. The body is dropped
 * on purpose: the SDK takes everything it needs from window.name and the postMessage bridge.
 */
function acceptPostOpen(): Plugin {
  const postToGet: Connect.NextHandleFunction = (req, _res, next) => {
    if (req.method === 'POST') req.method = 'GET'
    next()
  }
  return {
    name: 'people-directory:accept-post-open',
    configureServer: (server) => void server.middlewares.use(postToGet),
    configurePreviewServer: (server) => void server.middlewares.use(postToGet),
  }
}

/** The built page carries the Content-Security-Policy; the dev server's hot reload needs inline code, so not there. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'people-directory:content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: BASE_POLICY }, injectTo: 'head-prepend' },
    ],
  }
}

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string }

// the first screen's two chunks: the start, then the app, evaluated after the first requests left (src/main.ts)
const firstScreen = firstScreenChunks({ start: '/index.html', app: '/src/mount-app.ts' })

export default defineConfig(({ command }) => ({
  // the version goes into the details a viewer copies for support
  define: { __APP_VERSION__: JSON.stringify(version) },
  // Relative base: the bundle works from any path a portal admin hosts it under.
  base: './',
  build: {
    // What the first screen needs comes in two whole chunks (test/tools/first-screen-chunks.ts)
    rolldownOptions: {
      input: { index: fileURLToPath(new URL('./index.html', import.meta.url)), 'mount-app': fileURLToPath(new URL('./src/mount-app.ts', import.meta.url)) },
      output: { codeSplitting: { groups: firstScreen.groups } },
    },
    // Above Vite's 500 kB warning: the app's first-screen chunk (about 475 kB, 158 kB gzip), and the chart
    // library, which only the admin charts load.
    chunkSizeWarningLimit: 900,
    // Browsers preload a lazy view's modules themselves (Chrome and Edge 66+, Firefox 115+, Safari 17+); for one
    // that cannot, Vite's loader falls back to a plain preload, so the first download carries no polyfill.
    modulePreload: { polyfill: false },
  },
  plugins: [
    // Every component here, the kit's and the libraries' included, is written with setup (script setup,
    // defineComponent with setup, render functions): Vue leaves out its Options API, 1.4 KB gzip less in the first
    // download, and no component instance runs its options pass when it mounts.
    vue({ features: { optionsAPI: false } }),
    b24ui({
      prose: false,
      mdc: false,
      colorModeInitialValue: 'auto',
      colorModeStorageKey: 'people-directory-color-mode',
      // only the kit's components found in the templates get their styles, plus those whose classes the app
      // draws plain elements with (src/components/app/kit-classes.ts)
      experimental: { componentDetection: ['Skeleton', 'Button'] },
    }),
    // the kit's components carry only the icons they draw (test/tools/kit-icons-by-name.ts)
    kitIconsByName(),
    // The app's strings are parsed into message ASTs at build time, so the page ships vue-i18n without its
    // message compiler and parses no message while it starts. Unit tests read the strings as written (their
    // checks of keys, placeholders and plural forms need the text), with vue-i18n compiling them as it goes.
    ...(process.env.VITEST
      ? []
      : [
          vueI18n({
            include: [fileURLToPath(new URL('./src/i18n/messages/**', import.meta.url))],
            runtimeOnly: true,
            compositionOnly: true,
            fullInstall: false,
            dropMessageCompiler: true,
          }),
        ]),
    acceptPostOpen(),
    contentSecurityPolicy(),
    firstScreen.plugin,
  ],
  resolve: {
    alias: [
      { find: '@', replacement: fileURLToPath(new URL('./src', import.meta.url)) },
      // dev server only: pinia's and vue-router's devtools hook must not break a frame denied storage
      ...(command === 'serve' && !process.env.VITEST
        ? [
            { find: /^@vue\/devtools-api$/, replacement: fileURLToPath(new URL('./test/tools/devtools-api-guard.ts', import.meta.url)) },
            { find: /^real-vue-devtools-api$/, replacement: fileURLToPath(new URL('./node_modules/@vue/devtools-api/dist/index.js', import.meta.url)) },
          ]
        : []),
    ],
  },
  server: { port: 5173, strictPort: true },
  preview: { port: 4173, strictPort: true },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'app',
          environment: 'happy-dom',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'portal',
          environment: 'node',
          // the stand-in portal and the project's own tools (packaging, releases, the build's plugin) run on Node
          include: ['test/portal/**/*.test.ts', 'test/tools/**/*.test.ts'],
          testTimeout: 30_000,
        },
      },
    ],
  },
}))
