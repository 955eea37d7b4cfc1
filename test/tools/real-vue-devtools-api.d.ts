/** The real `@vue/devtools-api`, under the name the dev server's alias gives it (vite.config.ts). */
declare module 'real-vue-devtools-api' {
  export { setupDevtoolsPlugin } from '@vue/devtools-api'
}
