import { defineStore, acceptHMRUpdate } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import { fetchUserPage, USER_PAGE_SIZE } from '@/bitrix24/users'
import { toPerson, type Person } from '@/domain/person'
import { buildPeopleIndex, mergePeople, searchPeople } from '@/domain/people-index'
import { useSessionStore } from './session'

export type LoadStatus = 'idle' | 'loading' | 'done' | 'error'

/** The people the viewer may see, and the search over them. */
export const useDirectoryStore = defineStore('directory', () => {
  const people = shallowRef<readonly Person[]>([])
  const status = ref<LoadStatus>('idle')
  const errorCode = ref('')
  const query = ref('')

  const index = computed(() => buildPeopleIndex(people.value))
  const visible = computed(() => searchPeople(index.value, query.value))

  /**
   * Walks every active person in ID order, one page of 50 after another, showing each page as it comes.
   * A regular viewer sees active people only, and ADMIN_MODE is never sent from here.
   */
  async function load(): Promise<void> {
    const session = useSessionStore()
    const client = session.frame?.rest
    if (!client || status.value === 'loading') return
    status.value = 'loading'
    errorCode.value = ''
    let afterId = people.value.at(-1)?.id ?? 0
    try {
      for (;;) {
        const page = await fetchUserPage(client, { afterId, activeOnly: true })
        const mapped = page.map(toPerson).filter((p): p is Person => p !== null)
        people.value = mergePeople(people.value, mapped)
        const last = mapped.at(-1)
        if (page.length < USER_PAGE_SIZE || !last || last.id <= afterId) break
        afterId = last.id
      }
      status.value = 'done'
    } catch (error) {
      errorCode.value = (error as { code?: string }).code ?? 'UNKNOWN_ERROR'
      status.value = 'error'
    }
  }

  return { people, status, errorCode, query, visible, load }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useDirectoryStore, import.meta.hot))
