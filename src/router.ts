import { createRouter, createWebHashHistory } from 'vue-router'
import DirectoryView from './views/DirectoryView.vue'

/**
 * Hash history: Bitrix24 opens the app at one fixed handler URL, so the view state lives after the #.
 * The directory is what nearly every visit shows, so it ships in the first bundle.
 */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'directory', component: DirectoryView },
    { path: '/structure', name: 'structure', component: () => import('./views/OrgTreeView.vue') },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})
