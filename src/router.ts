import { createRouter, createWebHashHistory } from 'vue-router'

/** Hash history: Bitrix24 opens the app at one fixed handler URL, so the view state lives after the #. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'directory', component: () => import('./views/DirectoryView.vue') },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})
