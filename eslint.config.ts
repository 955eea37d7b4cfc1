import type { Linter } from 'eslint'
import pluginVue from 'eslint-plugin-vue'
import { defineConfigWithVueTs, vueTsConfigs } from '@vue/eslint-config-typescript'

/** Components and views reach Bitrix24 only through the stores: the SDK stays behind src/bitrix24. */
const keepSdkBehindStores: Linter.RulesRecord = {
  'no-restricted-imports': [
    'error',
    {
      patterns: [
        {
          group: ['@bitrix24/b24jssdk', '@bitrix24/b24jssdk/*'],
          message: 'Components and views must not import the SDK: go through a pinia store.',
        },
        {
          group: ['@/bitrix24/*', '**/bitrix24/*'],
          message: 'Components and views must not call the Bitrix24 layer directly: go through a pinia store.',
        },
      ],
    },
  ],
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
      'vue/multi-word-component-names': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/max-attributes-per-line': ['warn', { singleline: 4 }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/components/**', 'src/views/**', 'src/App.vue', 'src/composables/**'],
    rules: keepSdkBehindStores,
  },
)
