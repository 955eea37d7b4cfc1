import { defineStore, acceptHMRUpdate } from 'pinia'
import { computed, ref, shallowRef, watch } from 'vue'
import { useDebounceFn } from '@vueuse/core'
import type { RouteLocationRaw, Router } from 'vue-router'
import { useSessionStore } from './session'
import { useDeviceStore } from './device'
import type { PortalFrame } from '@/bitrix24/frame'
import { openingViewQuery } from '@/domain/view/placement'
import { placementView } from '@/domain/view/placement-view'
import { cleanPageQuery, isLinkablePage, portalViewLink } from '@/domain/view/view-link'
import { isAddressShape, linkedAddress } from '@/domain/view/address'
import { chooseOpening, decodeKeptView, encodeKeptView, KEPT_VIEW_OPTION, RELOAD_WINDOW_MS } from '@/domain/view/kept-view'

/** What became of the link the app's page was opened with: nothing to say, used in part, or not usable at all. */
export type LinkNotice = 'none' | 'partial' | 'unreadable'

/** the view is kept a moment after it settles (as the column layout is), not on every step of typing a search */
const KEEP_DELAY_MS = 1_000

/**
 * The app's views as portal addresses: the link that opens the view on show for anyone in the portal
 * (`/marketplace/app/<ID>/?params[view]=…`, domain/view/view-link.ts), and the view the app's page opens on — the
 * one a followed link carries (PLACEMENT_OPTIONS), the one the app opened itself on in a slider, or the one the
 * viewer left (kept for a reload: for the browser tab where the browser allows, else in the viewer's own app
 * options, domain/view/kept-view.ts). Everything read back is untrusted: a bad piece is dropped and a damaged link
 * opens the app as usual, with a notice.
 */
export const useViewLinkStore = defineStore('view-link', () => {
  const session = useSessionStore()
  const device = useDeviceStore()
  const notice = ref<LinkNotice>('none')
  /** the view the page opens on is in the URL (or there was none to put there) */
  const settled = ref(false)
  const router = shallowRef<Router | null>(null)
  let started = false
  /** linkFingerprint of the link this visit opened with, kept with every view */
  let visitLink = ''

  /** The app's ID is known (app.info), so a view can become a portal address. */
  const canLink = computed(() => session.appId !== null && session.frame !== null)

  /** The portal address that opens an in-app address (route path and query); null when it is too long to share. */
  function portalLink(address: string): string | null {
    if (session.appId === null || !session.frame) return null
    return portalViewLink(session.frame.portalOrigin, session.appId, address)
  }

  /** A link's or a kept view's address as a route: a page a link may open, with only what that page reads. */
  function resolve(address: string): { to: RouteLocationRaw; changed: boolean } | null {
    if (!router.value || !isAddressShape(address)) return null
    try {
      const found = router.value.resolve(address)
      if (!isLinkablePage(found.name)) return null
      const { query, changed } = cleanPageQuery(found.name, found.query)
      return { to: { name: found.name, params: found.params, query }, changed }
    } catch {
      return null
    }
  }

  /** The view kept for a reload, as stored: for this tab where the browser keeps anything, else in the portal. */
  function keptRaw(): unknown {
    const tab = device.tabArea()
    return tab ? tab.get(KEPT_VIEW_OPTION) : session.userOption(KEPT_VIEW_OPTION)
  }

  /** Where the page opens; null: where it is (the directory, or what the frame's own address names). */
  function opening(frame: PortalFrame, user: number | null, current: string): RouteLocationRaw | null {
    // the app opened itself in a slider on a list (openApplication): that list, and the slider keeps nothing
    const sliderQuery = openingViewQuery(frame.placementOptions)
    if (sliderQuery) return current === '/' ? { name: 'directory', query: sliderQuery } : null
    const linked = linkedAddress(frame.placementOptions)
    // settled before the viewer is known only when nothing is kept (see below)
    const kept = user === null ? null : decodeKeptView(keptRaw(), user)
    const freshFor = device.tabArea() ? Number.POSITIVE_INFINITY : RELOAD_WINDOW_MS
    const choice = chooseOpening(linked.kind === 'address' ? linked.address : null, kept, Date.now(), freshFor)
    visitLink = choice.link
    startKeeping(kept ? `${kept.link} ${kept.address}` : '')
    // the frame reloaded itself: its own address names the view
    if (current !== '/') return null
    if (linked.kind === 'unreadable') notice.value = 'unreadable'
    if (choice.address === null) return null
    const found = resolve(choice.address)
    if (choice.source === 'link' && (!found || found.changed)) notice.value = found ? 'partial' : 'unreadable'
    return found?.to ?? null
  }

  async function settle(frame: PortalFrame, user: number | null, to: Router): Promise<void> {
    try {
      // the person card placements and the installer have no routes of their own
      if (frame.installMode || placementView(frame.placement, frame.placementOptions).kind !== 'directory') return
      await to.isReady()
      const target = opening(frame, user, to.currentRoute.value.fullPath)
      if (target) await to.replace(target)
    } catch (error) {
      console.warn('[app] the view the page was opened on could not be shown', error)
    } finally {
      settled.value = true
    }
  }

  const sendKept = useDebounceFn((user: number, address: string) => {
    const value = encodeKeptView({ user, address, link: visitLink, at: Date.now() })
    const tab = device.tabArea()
    if (tab) tab.set(KEPT_VIEW_OPTION, value)
    else session.saveUserOption(KEPT_VIEW_OPTION, value)
  }, KEEP_DELAY_MS)

  /**
   * From the settled opening on, every view the viewer moves to is kept for a reload of the portal page
   * (`last`: the kept view as it came, which needs no second save). The watcher lives as long as the page.
   */
  function startKeeping(last: string) {
    let lastKept = last
    watch(
      // kept under the viewer's ID: a view the page settled on before Bitrix24 said who is looking waits for it
      () => (settled.value && session.me ? [session.me.id, router.value?.currentRoute.value.fullPath] as const : undefined),
      (kept) => {
        const [user, address] = kept ?? []
        if (user === undefined || !address || `${visitLink} ${address}` === lastKept) return
        lastKept = `${visitLink} ${address}`
        void sendKept(user, address)
      },
    )
  }

  // A view kept in this tab or in the portal may be another viewer's: then the opening is decided once the
  // viewer is known. With nothing kept it does not depend on who is looking, and the page's view can show as
  // soon as the frame is connected, while Bitrix24 is still asked who is looking.
  watch(
    [() => session.frame, () => session.me, router],
    ([frame, me, to]) => {
      if (!frame || !to || started) return
      if (!me && (session.status !== 'connecting' || keptRaw() != null)) return
      started = true
      void settle(frame, me?.id ?? null, to)
    },
    { immediate: true },
  )

  /** Starts opening the page's view with this router, once; the views wait for `settled`. */
  function open(to: Router) {
    router.value ??= to
  }

  return { notice, settled, canLink, portalLink, open }
})

if (import.meta.hot) import.meta.hot.accept(acceptHMRUpdate(useViewLinkStore, import.meta.hot))
