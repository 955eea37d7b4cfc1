import { ref, watch, type Ref } from 'vue'
import { fetchChangesSince } from '@/bitrix24/people-sync'
import type { PeopleQuery } from '@/bitrix24/people-batch'
import { toRestError, type RestError } from '@/bitrix24/rest-error'
import type { Person } from '@/domain/people/person'
import { mergeDelta, needsReconcile } from '@/domain/portal/directory-sync'
import { toAppError } from '@/domain/errors/app-error'
import { cacheKey, createDirectoryCache, type CacheScope, type CachedDirectory, type DirectoryCache } from '@/storage/directory-cache'
import { useDeviceStore } from '../device'
import { usePortalBudgetStore } from '../portal-budget'
import type { useSessionStore } from '../session'
import { newCursor, toPeople, type PeopleLoader } from './people-loader'
import type { createDepartmentsLoader } from './departments-loader'

interface KeptDeps {
  session: ReturnType<typeof useSessionStore>
  /** the cache's view name, null for a collection never kept on the device */
  view: string | null
  loader: PeopleLoader
  query(): PeopleQuery
  departments: ReturnType<typeof createDepartmentsLoader>
  people: Readonly<Ref<readonly Person[]>>
  replace(list: readonly Person[]): void
  loadedAt: Ref<number | null>
  /** the portal's count of who is online, which a sync brings along */
  onlineCounted(online: number | null): void
  /** the people on the first screen: a sync brings their presence along */
  firstScreen(): number[]
  presenceRead(online: ReadonlyMap<number, boolean>): void
}

/**
 * The copy of a collection kept on the device, and how a reopen brings it up to date: one request for what
 * changed since the portal's clock of the last sync (a handful of page executions whatever the portal's
 * size), and a full read behind it only once a day per device or when the counts disagree.
 */
export function createKeptDirectory(deps: KeptDeps) {
  const device = useDeviceStore()
  const budget = usePortalBudgetStore()
  let cache: DirectoryCache = createDirectoryCache(() => device.records(), () => device.hasDatabase())
  /** when the shown data came from the device: the time it was saved */
  const cachedAt = ref<number | null>(null)
  /** a sync or a full read behind the kept list is running */
  const refreshing = ref(false)
  /** when the collection was last written to the device during this visit */
  const savedAt = ref<number | null>(null)
  let watermark: string | null = null
  let reconciledAt: number | null = null

  function scope(): CacheScope | null {
    const frame = deps.session.frame
    const viewerId = deps.session.me?.id
    if (!frame?.memberId || !viewerId || deps.view === null) return null
    return { memberId: frame.memberId, viewerId, scopes: deps.session.scopes, view: deps.view }
  }

  /**
   * Whether a kept copy may be shown once Bitrix24 has said who is looking: false when the device keeps none
   * of this portal's, so a cold open can ask for its first page without waiting for the viewer.
   */
  async function mayBeKept(): Promise<boolean> {
    const memberId = deps.session.frame?.memberId
    if (!memberId || deps.view === null) return false
    return cache.keepsAny(memberId, deps.view)
  }

  /** the copy this device saved last for this portal, read before the viewer was known (see prefetch) */
  let early: ReturnType<DirectoryCache['readLatest']> | null = null
  /** showKept has run: a read begun after it would never be used */
  let keptAsked = false

  /**
   * Starts reading the copy this device saved last for this portal while Bitrix24 is still asked who is
   * looking: at 50,000 people the read takes most of a second. It is shown only if it proves to be the
   * viewer's own (showKept).
   */
  function prefetch() {
    const memberId = deps.session.frame?.memberId
    if (early || keptAsked || !memberId || deps.view === null) return
    early = cache.readLatest(memberId, deps.view)
  }

  /** Shows the kept copy at once; false when there is none. */
  async function showKept(): Promise<boolean> {
    const where = scope()
    const asked = early
    early = null
    keptAsked = true
    // another viewer's copy (a shared device) is not waited for: the viewer's own is read instead
    const latest = asked ? await asked : undefined
    const kept: CachedDirectory | undefined = !where
      ? undefined
      : latest?.key === cacheKey(where)
        ? await latest.directory
        : await cache.read(where)
    if (!kept) return false
    deps.replace(kept.people)
    deps.departments.take({ status: kept.departments.length ? 'done' : 'unavailable', list: kept.departments })
    deps.loader.markDone(kept.people.length)
    cachedAt.value = kept.savedAt
    deps.loadedAt.value = kept.savedAt
    watermark = kept.watermark
    reconciledAt = kept.reconciledAt
    return true
  }

  /**
   * A read of everyone starts at the portal's clock `at` (null when unknown): once it is complete, changes
   * after that are what the next visit asks for, and the full read counts as today's.
   */
  function readAt(at: string | null) {
    watermark = at
    reconciledAt = at ? Date.now() : null
  }

  /** Keeps what is shown for the next visit, once it is complete and fresh from Bitrix24. */
  async function save(): Promise<void> {
    const where = scope()
    const complete = deps.loader.status.value === 'done' && deps.departments.status.value !== 'loading' && cachedAt.value === null
    if (!where || !complete) return
    await cache.write(where, {
      savedAt: Date.now(),
      people: [...deps.people.value],
      departments: deps.departments.departments.value,
      watermark,
      reconciledAt,
    })
    savedAt.value = Date.now()
  }

  /**
   * The portal refused the viewer or the app's scope: what this device kept for them may show people they may
   * no longer see, so it goes.
   */
  async function forgetIfRefused(failure: RestError): Promise<void> {
    const kind = toAppError(failure.code, failure.status).kind
    const where = scope()
    if (where && (kind === 'access' || kind === 'scope')) await cache.purge(where)
  }

  /** Reads everyone again behind the kept list and swaps the result in only once complete. */
  async function reconcile(): Promise<void> {
    const fresh: Person[] = []
    const state = newCursor()
    const [, departments] = await Promise.all([deps.loader.walk((batch) => fresh.push(...batch), state), deps.departments.fetch()])
    if (!state.done) return
    deps.replace(fresh)
    deps.loader.markDone(fresh.length)
    deps.departments.take(departments)
    watermark = state.startedAt
    reconciledAt = Date.now()
  }

  /**
   * Brings the kept list up to date: the changes since the watermark, merged in place; a full read when the
   * kept copy has no watermark, once a day, or when the portal's count disagrees. A failure leaves the kept
   * list as it is, still marked as kept.
   */
  async function sync(): Promise<void> {
    const client = deps.session.frame?.rest
    if (!client) return
    refreshing.value = true
    try {
      if (watermark) {
        const changes = await fetchChangesSince(client, deps.query(), watermark, deps.firstScreen())
        budget.record(changes.operating)
        deps.onlineCounted(changes.online)
        const merged = mergeDelta(deps.people.value, { changed: toPeople(changes.changed), left: new Set(changes.left) })
        deps.replace(merged)
        deps.presenceRead(changes.presence)
        deps.loader.markDone(merged.length)
        // departments are read again only when none are kept or someone changed into one the kept tree does not
        // know; the daily full read refreshes them anyway (department.get has an operating budget of its own)
        const known = new Set(deps.departments.departments.value.map((d) => d.id))
        const unknown = changes.changed.some((row) => toPeople([row])[0]?.departmentIds.some((id) => !known.has(id)))
        if (unknown || known.size === 0) deps.departments.take(await deps.departments.fetch())
        watermark = changes.watermark ?? watermark
        const full = needsReconcile({
          reconciledAt,
          now: Date.now(),
          merged: merged.length,
          counted: changes.counted,
          deltaComplete: changes.complete && changes.watermark !== null,
        })
        if (full && budget.pace().kind !== 'wait') await reconcile()
      } else {
        await reconcile()
      }
      deps.loadedAt.value = Date.now()
      cachedAt.value = null
      await save()
    } catch (e) {
      // the kept list stays and the next visit tries again, unless the portal refused the viewer outright
      const failure = toRestError(e, 'user.get')
      console.warn('[directory] bringing the kept list up to date failed', failure)
      await forgetIfRefused(failure)
      // blocked by the portal's limit: the kept list stays, and nothing more is asked before the window moves
      if (failure.code === 'OPERATION_TIME_LIMIT' || failure.status === 429) budget.block()
    } finally {
      refreshing.value = false
    }
  }

  // the browser granted storage during the visit: what is loaded is kept for the next one right away
  watch(
    () => device.status,
    (now, before) => {
      if (now === 'kept' && before === 'not-kept') void save()
    },
  )

  /** Tests hand the collection an in-memory cache. */
  function replaceCache(replacement: DirectoryCache) {
    cache = replacement
  }

  return { cachedAt, refreshing, savedAt, mayBeKept, prefetch, showKept, save, sync, readAt, forgetIfRefused, replaceCache }
}
