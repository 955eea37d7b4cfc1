import type { Linter } from 'eslint'
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

/** Components and views reach Bitrix24 only through the stores: the SDK stays behind src/bitrix24. */
const sdkPatterns = [
  {
    group: ['@bitrix24/b24jssdk', '@bitrix24/b24jssdk/*'],
    message: 'Components and views must not import the SDK: go through a pinia store.',
  },
  {
    group: ['@/bitrix24/*', '**/bitrix24/*'],
    message: 'Components and views must not call the Bitrix24 layer directly: go through a pinia store.',
  },
]

/**
 * Storage on the device goes through src/storage only: in a cross-site frame the browser may refuse it
 * (localStorage throws SecurityError, IndexedDB is denied), and only that seam falls back to memory.
 */
const storageMessage = 'Use the device storage seam (src/storage via the device and preferences stores): storage may be blocked in a portal frame.'
const storagePaths = [
  { name: '@vueuse/core', importNames: ['useLocalStorage', 'useSessionStorage', 'useStorage', 'useStorageAsync'], message: storageMessage },
  { name: 'idb-keyval', message: storageMessage },
]
const storageGlobals = ['localStorage', 'sessionStorage', 'indexedDB'].map((name) => ({ name, message: storageMessage }))
const keepStorageBehindSeam: Linter.RulesRecord = {
  'no-restricted-globals': ['error', ...storageGlobals],
  'no-restricted-properties': [
    'error',
    ...['window', 'globalThis', 'self'].flatMap((object) =>
      ['localStorage', 'sessionStorage', 'indexedDB'].map((property) => ({ object, property, message: storageMessage })),
    ),
  ],
  'no-restricted-imports': ['error', { paths: storagePaths }],
}
/** Domain logic is plain TypeScript: no Bitrix24 layer, stores, storage, UI or framework behind it. */
const keepDomainPlain: Linter.RulesRecord = {
  'no-restricted-imports': [
    'error',
    {
      paths: storagePaths,
      patterns: [
        {
          group: ['@/*', '!@/domain', '!@/domain/*', '../*'],
          message: 'src/domain imports nothing but itself: the Bitrix24 layer, stores and UI depend on it, never the other way.',
        },
        { group: ['@bitrix24/*', 'vue', 'pinia', '@vueuse/*', 'vue-*'], message: 'src/domain is plain TypeScript.' },
      ],
    },
  ],
}
const keepSdkBehindStores: Linter.RulesRecord = {
  'no-restricted-imports': ['error', { paths: storagePaths, patterns: sdkPatterns }],
}

export default defineConfigWithVueTs(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'auto-imports.d.ts',
      'components.d.ts',
    ],
  },
  pluginVue.configs['flat/recommended'],
  vueTsConfigs.recommended,
  {
    rules: {
      // Names, positions and department titles come from other people: never render them as HTML.
      'vue/no-v-html': 'error',
      // Every word a person reads comes from the message files, in their portal's language.
      'vue/no-bare-strings-in-template': [
        'error',
        {
          allowlist: ['(', ')', ',', '.', '&', '+', '-', '=', '*', '/', '#', '%', '!', '?', ':', '[', ']', '{', '}', '<', '>', '•', '·', '›', '—', '–', '|', '×', '…', '↑', '↓', '←', '→'],
          attributes: {
            '/.+/': ['title', 'aria-label', 'aria-placeholder', 'aria-roledescription', 'aria-valuetext', 'alt', 'placeholder', 'label', 'description'],
            input: ['placeholder'],
            img: ['alt'],
          },
          directives: ['v-text'],
        },
      ],
      // Vue is built without its Options API (vite.config.ts): a component written with options would lose them
      // in the build without a word, so components are written with setup
      'vue/component-api-style': ['error', ['script-setup', 'composition']],
      'vue/multi-word-component-names': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/max-attributes-per-line': ['warn', { singleline: 4 }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/**'],
    ignores: ['src/storage/**'],
    rules: keepStorageBehindSeam,
  },
  {
    // a source file past 300 lines holds more than one concern: split it by concern
    files: ['src/**/*.ts', 'src/**/*.vue'],
    rules: { 'max-lines': ['error', { max: 300 }] },
  },
  {
    files: ['src/domain/**'],
    rules: keepDomainPlain,
  },
  {
    files: ['src/components/**', 'src/views/**', 'src/App.vue', 'src/composables/**'],
    rules: keepSdkBehindStores,
  },
)
