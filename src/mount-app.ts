import { createApp } from 'vue'
import { createPinia } from 'pinia'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'
import { useCrashStore } from './stores/crash'
import { useViewLinkStore } from './stores/view-link'

/** The app itself: evaluated after start-early.ts has asked the portal its first questions (see main.ts). */
const app = createApp(App)
const pinia = createPinia()
app.use(pinia).use(router).use(i18n).use(b24UiPlugin)
// the view a followed link carries (or the one a reload left) is put into the URL before any view reads it
useViewLinkStore(pinia).open(router)

// Never a blank screen: what no view's error boundary caught is shown to the viewer with Retry.
app.config.errorHandler = (error, _instance, info) => useCrashStore(pinia).record(error, `app · ${info}`)
window.addEventListener('unhandledrejection', (event) => {
  useCrashStore(pinia).record(event.reason, 'promise')
  // recorded (and logged with its cause) once
  event.preventDefault()
})

app.mount('#app')
