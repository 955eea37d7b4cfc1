import './assets/css/main.css'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import App from './App.vue'
import { router } from './router'
import { i18n } from './i18n'

createApp(App).use(createPinia()).use(router).use(i18n).use(b24UiPlugin).mount('#app')
