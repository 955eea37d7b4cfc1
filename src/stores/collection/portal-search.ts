import { ref, shallowRef, watch, type Ref } from 'vue'
import { useTimeoutFn } from '@vueuse/core'
import { portalSearchText, searchOnPortal } from '@/bitrix24/people-sync'
import type { PeopleQuery } from '@/bitrix24/people-batch'
import type { RestClient } from '@/bitrix24/rest-client'
import type { Person } from '@/domain/people/person'
import { toPeople } from './people-loader'
import type { usePortalBudgetStore } from '../portal-budget'

/** the portal is asked once typing pauses this long: one request per pause, not per keystroke */
const PORTAL_SEARCH_PAUSE_MS = 350

/**
 * Text that arrived whole in one change, several characters at once: a pasted name, an autofill, a word an
 * input method committed. Nothing more is on its way, so there is no pause to wait for.
 */
function arrivedWhole(text: string, before: string): boolean {
  return text.length - before.length > 1
}

export type PortalSearchStatus = 'idle' | 'searching' | 'done' | 'failed'

/**
 * While the whole list is not read yet, what the viewer types is also looked up on the portal (user.get
 * NAME_SEARCH), and so is the department filter (UF_DEPARTMENT), so a colleague not loaded yet is found at
 * once. The people found join the local search and filters.
 */
export function createPortalSearch(deps: {
  query: Readonly<Ref<string>>
  /** the departments the filter picked, sub-departments included when asked */
  departments: Readonly<Ref<readonly number[]>>
  /** the local list is complete: nothing to ask */
  complete(): boolean
  /**
   * The open has put people on screen (a kept copy, or the first page): until then nothing is known to be
   * missing, and a kept copy may well answer what a reload's address asks for.
   */
  listed: Readonly<Ref<boolean>>
  client(): RestClient | null
  peopleQuery(): PeopleQuery
  budget: ReturnType<typeof usePortalBudgetStore>
}) {
  const found = shallowRef<Person[]>([])
  const status = ref<PortalSearchStatus>('idle')
  /** the words the last answer was for */
  const answered = ref('')
  let asked = 0

  /** what was to be asked before anybody was listed: asked once the open has shown its people */
  let beforeListed: string | null = null

  async function ask(text: string) {
    if (!deps.listed.value) {
      // nothing is asked meanwhile, and nothing waits for it (the walk gives way to a search in flight)
      beforeListed = text
      status.value = 'idle'
      return
    }
    const client = deps.client()
    const words = portalSearchText(text)
    const departments = deps.departments.value
    if (!client || (!words && departments.length === 0) || deps.complete() || deps.budget.isBlocked()) {
      status.value = 'idle'
      return
    }
    const ticket = ++asked
    status.value = 'searching'
    try {
      const page = await searchOnPortal(client, deps.peopleQuery(), words, departments)
      deps.budget.record(page.operating)
      if (ticket !== asked) return
      found.value = toPeople(page.rows)
      answered.value = text
      status.value = 'done'
    } catch (error) {
      if (ticket !== asked) return
      console.warn('[directory] the search on the portal failed', error)
      status.value = 'failed'
    }
  }

  /** the question waiting for typing to pause; a newer change replaces it */
  const afterPause = useTimeoutFn((text: string) => void ask(text), PORTAL_SEARCH_PAUSE_MS, { immediate: false })

  watch([deps.query, deps.departments], ([text, departments], [before]) => {
    if ((!text.trim() && departments.length === 0) || deps.complete()) {
      asked++
      beforeListed = null
      afterPause.stop()
      status.value = 'idle'
      return
    }
    status.value = 'searching'
    afterPause.stop()
    if (arrivedWhole(text, before ?? '')) void ask(text)
    else afterPause.start(text)
  })
  watch(deps.listed, (listed) => {
    const waiting = beforeListed
    beforeListed = null
    if (listed && waiting !== null && waiting === deps.query.value) void ask(waiting)
  })

  /** The whole list is in: what the portal found is part of it now. */
  function clear() {
    asked++
    found.value = []
    status.value = 'idle'
  }

  return { found, status, answered, clear }
}
