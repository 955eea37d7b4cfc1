import { acceptHMRUpdate } from 'pinia'
import { ADMIN_COLUMNS } from '@/domain/people/columns'
import { adminSelect } from '@/domain/portal/scope-access'
import { definePeopleCollection } from './people-collection'

/**
 * Everyone, dismissed and extranet included, for the admin views. Only a viewer allowed into them ever loads
 * it; ADMIN_MODE (which lifts extranet visibility limits) only counts for portal admins, so only they send it.
 * Never written to the device: someone else using this browser must not find it there.
 */
export const useAdminPeopleStore = definePeopleCollection('admin-people', {
  allowed: (session) => session.canAdmin,
  query: (session) => ({ activeOnly: false, adminMode: session.isAdmin, select: adminSelect(session.access) }),
  cacheView: null,
  columns: ADMIN_COLUMNS,
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminPeopleStore, import.meta.hot))
