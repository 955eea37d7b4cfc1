import { createRouter, createWebHashHistory } from 'vue-router'
import DirectoryView from './views/DirectoryView.vue'
import { loadAdminMessages, loadViewMessages, withMessages } from './i18n'

/**
 * Hash history: Bitrix24 opens the app at one fixed handler URL, so the view state lives after the #.
 * The directory is what nearly every visit shows, so it ships in the first bundle; the admin views (and the
 * chart library with them) load only when someone allowed in opens them.
 */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', name: 'directory', component: DirectoryView },
    {
      path: '/structure',
      name: 'structure',
      component: withMessages(() => import('./views/OrgTreeView.vue'), loadViewMessages),
    },
    {
      path: '/admin',
      // the admin views' strings come with them
      component: withMessages(() => import('./views/admin/AdminView.vue'), loadAdminMessages),
      children: [
        { path: '', name: 'admin-people', component: () => import('./views/admin/AdminPeopleView.vue') },
        { path: 'lists/:list?', name: 'admin-lists', component: () => import('./views/admin/AdminListsView.vue') },
        { path: 'charts', name: 'admin-charts', component: () => import('./views/admin/AdminChartsView.vue') },
        { path: 'settings', name: 'admin-settings', component: () => import('./views/admin/AdminSettingsView.vue') },
      ],
    },
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})
