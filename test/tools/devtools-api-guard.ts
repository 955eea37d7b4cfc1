/**
 * The dev server's stand-in for `@vue/devtools-api` (aliased in vite.config.ts for `serve` only).
 *
 * Pinia and vue-router import `@vue/devtools-api` in development builds, and its devtools-kit (8.2) reads
 * `localStorage` unguarded while the module loads. In a frame framed cross-site by a browser that keeps
 * nothing for embedded apps — exactly how `npm start` frames the app — that read throws SecurityError and
 * the app never starts. This module loads the real one only where storage can be read, so the dev server
 * behaves like the production build there, and Vue devtools still work everywhere else.
 */
import type { setupDevtoolsPlugin as SetupDevtoolsPlugin } from '@vue/devtools-api'

function storageReadable(): boolean {
  try {
    // the read itself is what throws in a frame denied storage
    return typeof window.localStorage !== 'undefined'
  } catch {
    return false
  }
}

export const setupDevtoolsPlugin: typeof SetupDevtoolsPlugin = (descriptor, setup) => {
  if (!storageReadable()) return
  void import('real-vue-devtools-api').then((real) => real.setupDevtoolsPlugin(descriptor, setup))
}
