import { ref, type Ref } from 'vue'
import { fetchPresence } from '@/bitrix24/people-sync'
import type { PeopleQuery } from '@/bitrix24/people-batch'
import type { RestClient } from '@/bitrix24/rest-client'
import type { Person } from '@/domain/people/person'
import type { usePortalBudgetStore } from '../portal-budget'

/** presence shown is refreshed when it is older than this */
const PRESENCE_MAX_AGE_MS = 60_000

/**
 * Presence goes stale without any change of the person's record, so a kept list cannot know it. It is asked
 * for what is on screen — the rows in view and the open card, by ID, as the viewer scrolls — and "online
 * now" is counted by one query: never by reading the whole company again.
 */
export function createPresence(deps: {
  client(): RestClient | null
  query(): PeopleQuery
  people: Ref<readonly Person[]>
  replace(list: readonly Person[]): void
  budget: ReturnType<typeof usePortalBudgetStore>
}) {
  /** people online now by the portal's count; null until counted */
  const onlineNow = ref<number | null>(null)
  const askedAt = new Map<number, number>()

  /** Refreshes the presence of these people when it is stale; one page per 50 people. */
  async function refresh(shown: readonly Person[], now = Date.now()): Promise<void> {
    const client = deps.client()
    if (!client || deps.budget.pace(now).kind === 'wait' || deps.budget.isBlocked(now)) return
    const stale = shown.filter((p) => now - (askedAt.get(p.id) ?? 0) > PRESENCE_MAX_AGE_MS).slice(0, 50)
    if (stale.length === 0) return
    for (const p of stale) askedAt.set(p.id, now)
    try {
      const { online, operating } = await fetchPresence(client, deps.query(), stale.map((p) => p.id))
      deps.budget.record(operating)
      apply(online)
    } catch (error) {
      console.warn('[directory] presence could not be refreshed', error)
    }
  }

  /** The portal's count of who is online now, from the first page or a sync. */
  function counted(online: number | null) {
    if (online !== null) onlineNow.value = online
  }

  /** Presence the portal just told, by ID: shown at once, and fresh for a minute. */
  function apply(online: ReadonlyMap<number, boolean>, now = Date.now()) {
    for (const id of online.keys()) askedAt.set(id, now)
    const changed = (p: Person) => online.has(p.id) && online.get(p.id) !== p.online
    if (!deps.people.value.some(changed)) return
    deps.replace(deps.people.value.map((p) => (changed(p) ? { ...p, online: online.get(p.id)! } : p)))
  }

  /** People just read from the portal: their presence is fresh. */
  function markFresh(list: readonly Person[], now = Date.now()) {
    for (const p of list) askedAt.set(p.id, now)
  }

  return { onlineNow, refresh, counted, markFresh, apply }
}
