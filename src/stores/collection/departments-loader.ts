import { ref, shallowRef } from 'vue'
import { fetchAllDepartments } from '@/bitrix24/departments'
import { retryQuietly } from '@/bitrix24/quiet-retry'
import type { RestClient } from '@/bitrix24/rest-client'
import { toRestError } from '@/bitrix24/rest-error'
import { toDepartment, type Department } from '@/domain/org/departments'

export type DepartmentStatus = 'idle' | 'loading' | 'done' | 'unavailable' | 'error'

/**
 * The company's departments, read whole (they are few, and department.get does not count against user.get's
 * budget), with the same quiet retries as people; 'unavailable' without the `department` scope.
 */
export function createDepartmentsLoader(deps: { client(): RestClient | null; granted(): boolean; retryDelays(): readonly number[] }) {
  const departments = shallowRef<Department[]>([])
  const status = ref<DepartmentStatus>('idle')

  /** Every department, or why there are none to show. */
  async function fetch(): Promise<{ status: DepartmentStatus; list: Department[] }> {
    const client = deps.client()
    if (!client || !deps.granted()) return { status: 'unavailable', list: [] }
    try {
      const raw = await retryQuietly(() => fetchAllDepartments(client), { method: 'department.get', delays: deps.retryDelays() })
      return { status: 'done', list: raw.map(toDepartment).filter((d): d is Department => d !== null) }
    } catch (e) {
      const failure = toRestError(e, 'department.get')
      if (failure.code === 'insufficient_scope' || failure.code === 'ACCESS_DENIED') return { status: 'unavailable', list: [] }
      console.warn('[directory] departments could not be loaded', failure)
      return { status: 'error', list: [] }
    }
  }

  async function load(): Promise<void> {
    status.value = 'loading'
    const fetched = await fetch()
    departments.value = fetched.list
    status.value = fetched.status
  }

  /** Takes a fresh read unless it failed: a failure leaves what is shown. */
  function take(fetched: { status: DepartmentStatus; list: Department[] }) {
    if (fetched.status === 'error') return
    departments.value = fetched.list
    status.value = fetched.status
  }

  return { departments, status, fetch, load, take }
}
