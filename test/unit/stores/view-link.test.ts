import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter, type Router } from 'vue-router'
import { useViewLinkStore } from '@/stores/view-link'
import { useSessionStore } from '@/stores/session'
import { useDeviceStore } from '@/stores/device'
import type { PortalFrame } from '@/bitrix24/frame'
import type { Person } from '@/domain/people/person'
import { memoryStorage } from '@/storage/device-storage'
import { memoryPreferenceArea, type PreferenceArea } from '@/storage/preference-area'
import { decodeKeptView, encodeKeptView, KEPT_VIEW_OPTION, linkFingerprint } from '@/domain/view/kept-view'

const page = { render: () => null }
const VIEWER = 7

function appRouter(): Router {
  return createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', name: 'directory', component: page },
      { path: '/structure', name: 'structure', component: page },
      {
        path: '/admin',
        component: page,
        children: [
          { path: '', name: 'admin-people', component: page },
          { path: 'lists/:list?', name: 'admin-lists', component: page },
        ],
      },
      { path: '/:pathMatch(.*)*', redirect: '/' },
    ],
  })
}

interface Opened {
  router: Router
  links: ReturnType<typeof useViewLinkStore>
  saved: ReturnType<typeof vi.fn>
}

/**
 * The app's page opened by the portal with these PLACEMENT_OPTIONS and USER_OPTIONS, with (tab) or without
 * (null) storage for the tab, once the viewer is known.
 */
async function open(placementOptions: unknown, options: { userOptions?: Record<string, string>; tab?: PreferenceArea | null; at?: string } = {}): Promise<Opened> {
  const router = appRouter()
  await router.push(options.at ?? '/')
  const saved = vi.fn()
  const userOptions = { ...options.userOptions }
  const session = useSessionStore()
  session.frame = {
    placement: 'DEFAULT',
    placementOptions,
    installMode: false,
    portalOrigin: 'https://acme.bitrix24.com',
    userOption: (name: string) => userOptions[name],
    saveUserOption: (name: string, value: string) => {
      userOptions[name] = value
      saved(name, value)
    },
  } as unknown as PortalFrame
  session.me = { id: VIEWER } as Person
  session.appId = 12
  session.status = 'ready'
  useDeviceStore().replaceStorage(memoryStorage(), options.tab === undefined ? memoryPreferenceArea() : options.tab)
  const links = useViewLinkStore()
  links.open(router)
  await vi.waitFor(() => expect(links.settled).toBe(true))
  return { router, links, saved }
}

const link = (view: string) => ({ params: { view } })
const kept = (address: string, at = Date.now(), linkAddress = '') =>
  encodeKeptView({ user: VIEWER, address, link: linkAddress ? linkFingerprint(linkAddress) : '', at })

describe('the view the app page opens on', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
  })

  it('is the view a followed link carries, card and all', async () => {
    const { router, links } = await open(link('/?q=ann&online=1&person=5'))
    expect(router.currentRoute.value.name).toBe('directory')
    expect(router.currentRoute.value.query).toEqual({ q: 'ann', online: '1', person: '5' })
    expect(links.notice).toBe('none')
  })

  it('opens any page a link may name, through the PLACEMENT_OPTIONS JSON text some portals send', async () => {
    const { router } = await open(JSON.stringify(link('/admin/lists/inactive?days=30')))
    expect(router.currentRoute.value.name).toBe('admin-lists')
    expect(router.currentRoute.value.params).toEqual({ list: 'inactive' })
    expect(router.currentRoute.value.query).toEqual({ days: '30' })
  })

  it('uses what it can of a link and says that part of it could not be used', async () => {
    const { router, links } = await open(link('/?q=ann&sort=password&dept=abc'))
    expect(router.currentRoute.value.query).toEqual({ q: 'ann' })
    expect(links.notice).toBe('partial')
  })

  it('opens the app as usual for a link it cannot read, and says so', async () => {
    for (const options of [link('https://evil.example/'), link('/nowhere'), { params: 'x' }, link('/?q=' + 'a'.repeat(5000))]) {
      setActivePinia(createPinia())
      const { router, links } = await open(options)
      expect(router.currentRoute.value.fullPath).toBe('/')
      expect(links.notice).toBe('unreadable')
    }
  })

  it('is the view the viewer left in this tab when no link was followed; another viewer\'s is not', async () => {
    const tab = memoryPreferenceArea()
    tab.set(KEPT_VIEW_OPTION, kept('/structure', Date.now() - 86_400_000))
    expect((await open([], { tab })).router.currentRoute.value.name).toBe('structure')

    setActivePinia(createPinia())
    tab.set(KEPT_VIEW_OPTION, encodeKeptView({ user: 99, address: '/structure', link: '', at: Date.now() }))
    expect((await open([], { tab })).router.currentRoute.value.fullPath).toBe('/')
  })

  it('keeps what the viewer did since following a link when the page reloads', async () => {
    const tab = memoryPreferenceArea()
    tab.set(KEPT_VIEW_OPTION, kept('/?q=ann&online=1', Date.now(), '/?q=ann'))
    const { router, links } = await open(link('/?q=ann'), { tab })
    expect(router.currentRoute.value.query).toEqual({ q: 'ann', online: '1' })
    expect(links.notice).toBe('none')
  })

  it('without storage for the tab, is a recent view kept in the viewer\'s portal options', async () => {
    const fresh = await open([], { tab: null, userOptions: { [KEPT_VIEW_OPTION]: kept('/?q=ann') } })
    expect(fresh.router.currentRoute.value.query).toEqual({ q: 'ann' })

    setActivePinia(createPinia())
    const stale = await open([], { tab: null, userOptions: { [KEPT_VIEW_OPTION]: kept('/?q=ann', Date.now() - 86_400_000) } })
    expect(stale.router.currentRoute.value.fullPath).toBe('/')
  })

  it('stays on the view the frame\'s own address names (the frame reloaded itself)', async () => {
    const { router } = await open(link('/?q=ann'), { at: '/structure' })
    expect(router.currentRoute.value.fullPath).toBe('/structure')
  })

  it('is the list the app opened itself on in a slider', async () => {
    const { router } = await open({ VIEW: 'dept=3' })
    expect(router.currentRoute.value.query).toEqual({ dept: '3' })
  })
})

describe('keeping the view for a reload', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
  })

  it('keeps each view for the tab, with the link the visit opened with', async () => {
    const tab = memoryPreferenceArea()
    const { router, saved } = await open(link('/?q=ann'), { tab })
    await router.push('/?q=ann&online=1')
    await vi.waitFor(() => expect(decodeKeptView(tab.get(KEPT_VIEW_OPTION), VIEWER)?.address).toBe('/?q=ann&online=1'), { timeout: 3_000 })
    expect(decodeKeptView(tab.get(KEPT_VIEW_OPTION), VIEWER)?.link).toBe(linkFingerprint('/?q=ann'))
    expect(saved).not.toHaveBeenCalled()
  })

  it('keeps it in the viewer\'s portal options when the browser keeps nothing for the frame', async () => {
    const { router, saved } = await open([], { tab: null })
    await router.push('/structure')
    await vi.waitFor(() => expect(saved).toHaveBeenCalled(), { timeout: 3_000 })
    const [name, value] = saved.mock.calls.at(-1)!
    expect(name).toBe(KEPT_VIEW_OPTION)
    expect(decodeKeptView(value, VIEWER)).toMatchObject({ address: '/structure', link: '' })
  })

  it('keeps nothing from the slider the app opened itself in', async () => {
    const tab = memoryPreferenceArea()
    const { router } = await open({ VIEW: 'dept=3' }, { tab })
    await router.push('/structure')
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(tab.get(KEPT_VIEW_OPTION)).toBeNull()
  })
})

describe('a view as a portal link', () => {
  beforeEach(() => {
    setActivePinia(createPinia())
  })

  it('is the app page on the portal with the view under params[view]', async () => {
    const { links } = await open([])
    const address = '/?q=ann&person=5'
    expect(links.canLink).toBe(true)
    expect(links.portalLink(address)).toBe(`https://acme.bitrix24.com/marketplace/app/12/?params%5Bview%5D=${encodeURIComponent(address)}`)
  })
})
