import type { Ref } from 'vue'
import { fetchFirstPageByName, type FirstPage } from '@/bitrix24/people-sync'
import { takeEarlyFirstPage } from '@/bitrix24/opening-requests'
import type { PeopleQuery } from '@/bitrix24/people-batch'
import type { RestClient } from '@/bitrix24/rest-client'
import { retryQuietly } from '@/bitrix24/quiet-retry'
import { isOperatingLimit, toRestError } from '@/bitrix24/rest-error'
import type { Person } from '@/domain/people/person'
import { walkStart } from '@/domain/portal/directory-sync'
import type { usePortalBudgetStore } from '../portal-budget'
import { toPeople, type PeopleLoader } from './people-loader'
import type { createKeptDirectory } from './kept-directory'
import type { createPresence } from './presence'

interface ColdOpenDeps {
  client(): RestClient | null
  query(): PeopleQuery
  allowed(): boolean
  loader: PeopleLoader
  budget: ReturnType<typeof usePortalBudgetStore>
  kept: ReturnType<typeof createKeptDirectory>
  presence: ReturnType<typeof createPresence>
  loadedAt: Ref<number | null>
  add(batch: Person[]): void
  /** the viewer pressed Stop while the first page was on its way */
  stopped(): boolean
  /** reads everyone now */
  walk(): Promise<void>
  /** reads everyone once the viewer pauses */
  walkWhenIdle(): void
  /** reads everyone once the portal's window has moved past `until` (ms since the epoch) */
  resumeAt(until: number): void
  /** resolves once Bitrix24 has said who is looking (the walk asks for what the viewer's scopes grant) */
  viewerKnown(): Promise<void>
}

/**
 * A first open without a kept copy: one request for the first page by name with the counts, then everyone
 * behind it at once, when the viewer pauses, or after a block, by the portal's size and budget.
 */
export function createColdOpen(deps: ColdOpenDeps) {
  const { loader, budget, kept } = deps
  /** the first page, asked for before the viewer was known (see prepare) */
  let early: Promise<FirstPage> | null = null
  let started = false

  /**
   * Once the portal frame is connected, while Bitrix24 is still asked who is looking: when the device keeps
   * no copy of this collection the open will be cold, so its first page is asked for now, beside the viewer,
   * instead of after. The scopes are not known yet: the select asks for every field the collection shows,
   * and Bitrix24 leaves out what the app's scope does not grant (portal-protocol §3.1). True when it asked.
   */
  async function prepare(): Promise<boolean> {
    const c = deps.client()
    if (started || early || !c || !deps.allowed()) return false
    // asked as the init data arrived, on a device that keeps nothing of the app (start-early.ts)
    early = takeEarlyFirstPage(deps.query())
    if (early) return true
    if (await kept.mayBeKept()) {
      // a reopen: the kept copy is read meanwhile instead
      kept.prefetch()
      return false
    }
    if (started) return false
    // the early page may have been asked for meanwhile: start-early.ts waited on the same database check
    early = takeEarlyFirstPage(deps.query()) ?? fetchFirstPageByName(c, deps.query())
    // a failure is met by the open's quiet retry, or by nobody when the start itself fails
    early.catch(() => undefined)
    return true
  }

  /** A first page was asked for early: the device keeps nothing of this portal to show first. */
  function knownCold(): boolean {
    return early !== null
  }

  /** The first page by name: the one asked for early when there is one, else a new request. */
  function firstPage(c: RestClient): Promise<FirstPage> {
    const asked = early ?? takeEarlyFirstPage(deps.query())
    early = null
    return asked ?? fetchFirstPageByName(c, deps.query())
  }

  async function open(): Promise<void> {
    const c = deps.client()
    if (!c) return
    started = true
    loader.status.value = 'loading'
    let firstRows = 0
    try {
      const first = await retryQuietly(() => firstPage(c), {
        method: 'user.get',
        delays: loader.retryDelays,
        giveUp: isOperatingLimit,
        onWait: (on) => (loader.waiting.value = on),
      })
      budget.record(first.operating)
      deps.presence.counted(first.online)
      // what this open reads is as new as the portal's clock at its first request
      kept.readAt(first.watermark)
      deps.add(toPeople(first.rows))
      firstRows = first.rows.length
      loader.expected.value = first.total
    } catch (e) {
      const failure = toRestError(e, 'user.get')
      kept.readAt(null)
      if (isOperatingLimit(failure)) budget.block()
      else {
        // the quiet retries are spent, or waiting cannot help: say so, and Retry reads everyone
        loader.error.value = failure
        loader.status.value = 'error'
        void kept.forgetIfRefused(failure)
        return
      }
    }
    // the rows are on screen; what comes next asks for what the viewer's scopes grant
    await deps.viewerKnown()
    loader.status.value = 'idle'
    // Stop pressed while the first page was on its way: the walk waits for Continue
    if (deps.stopped()) {
      loader.status.value = 'cancelled'
      return
    }
    switch (walkStart({ total: loader.expected.value, firstPage: firstRows, blocked: budget.isBlocked() })) {
      case 'complete':
        loader.markDone(loader.expected.value ?? firstRows)
        deps.loadedAt.value = Date.now()
        void kept.save()
        return
      case 'blocked':
        loader.status.value = 'blocked'
        deps.resumeAt(budget.blockedTill ?? Date.now())
        return
      case 'when-idle':
        loader.status.value = 'cancelled'
        deps.walkWhenIdle()
        return
      case 'now':
        await deps.walk()
    }
  }

  return { prepare, knownCold, open }
}
