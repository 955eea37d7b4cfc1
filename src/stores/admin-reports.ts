import { defineStore, acceptHMRUpdate } from 'pinia'
import { computed, ref, type ComputedRef } from 'vue'
import {
  ADMIN_LIST_KEYS, departmentsWithoutHead, peopleInList, type AdminListKey, type AdminListResult, type HeadlessDepartment,
} from '@/domain/admin/admin-lists'
import { departmentCompleteness, type DepartmentCompleteness } from '@/domain/people/profile-completeness'
import { useSessionStore } from './session'
import { useAdminPeopleStore } from './admin-people'

/**
 * The staff hygiene lists and the completeness per department over the admin views' list of everyone, worked
 * out once for every view that shows them. Each list is its own computation, so choosing another number of
 * days re-counts only the inactive people, not every list over 50,000 people.
 */
export const useAdminReportsStore = defineStore('admin-reports', () => {
  const session = useSessionStore()
  const everyone = useAdminPeopleStore()
  /** how many days without being seen make someone inactive */
  const inactiveDays = ref(90)

  const lists = new Map<AdminListKey, ComputedRef<AdminListResult>>(
    ADMIN_LIST_KEYS.map((key) => [
      key,
      computed(() =>
        peopleInList(key, everyone.people, {
          today: everyone.today,
          inactiveDays: key === 'inactive' ? inactiveDays.value : 0,
          access: session.access,
        }),
      ),
    ]),
  )
  function list(key: AdminListKey): AdminListResult {
    return lists.get(key)!.value
  }

  /** departments are known: without them (no `department` scope, or a failed load) a list of them would lie */
  const departmentsKnown = computed(() => everyone.departmentStatus === 'done')
  const headless = computed<HeadlessDepartment[] | null>(() =>
    departmentsKnown.value ? departmentsWithoutHead(everyone.tree, everyone.people) : null,
  )
  const completeness = computed<DepartmentCompleteness[] | null>(() =>
    departmentsKnown.value ? departmentCompleteness(everyone.people, everyone.tree, session.access) : null,
  )

  return { inactiveDays, list, departmentsKnown, headless, completeness }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useAdminReportsStore, import.meta.hot))
