import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createPinia } from 'pinia'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import en from '@/i18n/messages/en'
import PeopleGrid from '@/components/people/PeopleGrid.vue'
import OrgTree from '@/components/org/OrgTree.vue'
import { toPerson, type Person } from '@/domain/people/person'
import { buildDepartmentTree, type Department } from '@/domain/org/departments'

// The two long lists render only the rows on screen. happy-dom lays nothing out, so each test gives the
// scroller a viewport, a content height and the scroll event a browser fires after a scroll.
const VIEWPORT = 600
const GRID_ROW = 57
const GRID_HEADER = 45
const TREE_ROW = 56

let contentHeight = 0

beforeEach(() => {
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(VIEWPORT)
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000)
  vi.spyOn(Element.prototype, 'scrollHeight', 'get').mockImplementation(() => contentHeight)
  vi.spyOn(Element.prototype, 'scrollTo').mockImplementation(function (this: Element, options?: ScrollToOptions | number) {
    const top = typeof options === 'object' ? (options.top ?? this.scrollTop) : this.scrollTop
    this.scrollTop = Math.max(0, Math.min(top, contentHeight - VIEWPORT))
    this.dispatchEvent(new Event('scroll'))
  })
})

let wrapper: VueWrapper | undefined
afterEach(() => {
  wrapper?.unmount()
  wrapper = undefined
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

function plugins() {
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [
      { path: '/', component: { render: () => null } },
      { path: '/directory', name: 'directory', component: { render: () => null } },
    ],
  })
  return [i18n, router, createPinia(), b24UiPlugin]
}

const focused = () => document.activeElement as HTMLElement | null

describe('the people grid', () => {
  const COUNT = 50_000
  const people: Person[] = Array.from(
    { length: COUNT },
    (_, i) => toPerson({ ID: String(i + 1), NAME: `Name${i + 1}`, LAST_NAME: `Surname${i + 1}` })!,
  )

  async function mountGrid() {
    contentHeight = GRID_HEADER + COUNT * GRID_ROW
    wrapper = mount(PeopleGrid, {
      props: {
        people,
        columns: ['name', 'position', 'department'],
        sort: null,
        words: [],
        locale: 'en',
        departmentLabel: () => '',
        label: 'People',
      },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await flushPromises()
    return wrapper
  }

  const scroller = () => wrapper!.element as HTMLElement
  const rows = () => [...document.querySelectorAll<HTMLElement>('[data-testid="person-row"]')]
  const rowIndexes = () => rows().map((row) => Number(row.getAttribute('aria-rowindex')))

  async function press(key: string) {
    focused()!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
    await flushPromises()
  }

  it('renders a screenful of 50,000 people and counts them all for assistive technology', async () => {
    await mountGrid()
    const grid = document.querySelector('[data-testid="people-grid"]')!
    expect(grid.getAttribute('aria-rowcount')).toBe(String(COUNT + 1))
    expect(rows().length).toBeGreaterThan(5)
    expect(document.querySelectorAll('[data-testid="people-grid"] tr').length).toBeLessThan(100)
    // the header is row 1, people follow from row 2 in order
    expect(rowIndexes()[0]).toBe(2)
    expect(rowIndexes()).toEqual(rowIndexes().map((_, i) => i + 2))
    expect(rows()[0]!.textContent).toContain('Name1 Surname1')
  })

  it('moves the focus by keyboard and scrolls just enough to show the focused row below the header', async () => {
    await mountGrid()
    rows()[0]!.focus()
    expect(rows()[0]!.tabIndex).toBe(0)

    // nine rows fit below the header; the tenth is cut off at the bottom
    for (let i = 0; i < 9; i++) await press('ArrowDown')
    await vi.waitFor(() => expect(focused()?.getAttribute('aria-rowindex')).toBe('11'))
    expect(scroller().scrollTop).toBe(GRID_HEADER + 10 * GRID_ROW - VIEWPORT)

    // back up to the first row: it shows below the sticky header, not under it
    for (let i = 0; i < 9; i++) await press('ArrowUp')
    await vi.waitFor(() => expect(focused()?.getAttribute('aria-rowindex')).toBe('2'))
    expect(scroller().scrollTop).toBe(0)

    // a page is the rows that fit, less one
    await press('PageDown')
    await vi.waitFor(() => expect(focused()?.getAttribute('aria-rowindex')).toBe(String(2 + 9)))
  })

  it('reaches the last of 50,000 people with End and comes back with Home', async () => {
    await mountGrid()
    rows()[0]!.focus()
    await press('End')
    await vi.waitFor(() => expect(focused()?.getAttribute('aria-rowindex')).toBe(String(COUNT + 1)))
    expect(focused()!.textContent).toContain(`Name${COUNT} Surname${COUNT}`)
    expect(focused()!.tabIndex).toBe(0)
    expect(scroller().scrollTop).toBe(contentHeight - VIEWPORT)
    expect(rows().length).toBeLessThan(100)
    expect(rowIndexes().at(-1)).toBe(COUNT + 1)

    await press('Home')
    await vi.waitFor(() => expect(focused()?.getAttribute('aria-rowindex')).toBe('2'))
    expect(scroller().scrollTop).toBe(0)
  })

  it('gives the focus back to the same person when the list moved under their row meanwhile', async () => {
    await mountGrid()
    const outside = document.body.appendChild(document.createElement('button'))
    rows()[2]!.focus()
    // the card opens and takes the focus; meanwhile someone new sorts in ahead of that person
    outside.focus()
    const newcomer = toPerson({ ID: String(COUNT + 1), NAME: 'Aaron', LAST_NAME: 'Aardvark' })!
    await wrapper!.setProps({ people: [newcomer, ...people] })
    // the card closes and gives the focus back to the row element it came from: now someone else's
    rows()[2]!.focus()
    await vi.waitFor(() => expect(focused()?.textContent).toContain('Name3 Surname3'))
    expect(focused()!.getAttribute('aria-rowindex')).toBe('5')
  })

  it('opens the focused person with Enter', async () => {
    await mountGrid()
    rows()[0]!.focus()
    await press('ArrowDown')
    await vi.waitFor(() => expect(focused()?.getAttribute('aria-rowindex')).toBe('3'))
    await press('Enter')
    expect(wrapper!.emitted('open')?.[0]).toEqual([people[1]])
  })
})

describe('the structure tree', () => {
  const TEAMS = 2_000
  const dept = (id: number, name: string, parentId: number | null): Department => ({ id, name, parentId, headId: null, sort: 500 })
  // the company, 2,000 teams under it, and one department below the 1,500th team
  const departments = [
    dept(1, 'Company', null),
    ...Array.from({ length: TEAMS }, (_, i) => dept(i + 2, `Team ${String(i + 1).padStart(4, '0')}`, 1)),
    dept(9_999, 'Payments', 1_501),
  ]
  const tree = buildDepartmentTree(departments)

  async function mountTree() {
    wrapper = mount(OrgTree, {
      props: { tree, people: [], locale: 'en', label: 'Company structure' },
      global: { plugins: plugins() },
      attachTo: document.body,
    })
    await flushPromises()
    return wrapper
  }

  const scroller = () => document.querySelector<HTMLElement>('[data-testid="org-tree"]')!.parentElement!
  const items = () => [...document.querySelectorAll<HTMLElement>('[role="treeitem"]')]

  async function press(key: string) {
    focused()!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }))
    await flushPromises()
  }

  it('renders only the departments on screen', async () => {
    // the company and its teams: the top level opens by itself
    contentHeight = (TEAMS + 1) * TREE_ROW
    await mountTree()
    expect(document.querySelector('[data-testid="org-tree"]')!.getAttribute('data-rows')).toBe(String(TEAMS + 1))
    expect(items().length).toBeGreaterThan(5)
    expect(items().length).toBeLessThan(60)
    expect(items()[0]!.getAttribute('data-id')).toBe('1')
    expect(items()[0]!.tabIndex).toBe(0)
  })

  it('moves through the tree by keyboard, scrolling the focused department into view', async () => {
    contentHeight = (TEAMS + 1) * TREE_ROW
    await mountTree()
    items()[0]!.focus()
    await press('End')
    await vi.waitFor(() => expect(focused()?.getAttribute('data-index')).toBe(String(TEAMS)))
    expect(focused()!.textContent).toContain(`Team ${TEAMS}`)
    expect(scroller().scrollTop).toBe(contentHeight - VIEWPORT)
    expect(items().length).toBeLessThan(60)

    await press('Home')
    await vi.waitFor(() => expect(focused()?.getAttribute('data-id')).toBe('1'))
    expect(scroller().scrollTop).toBe(0)

    // ten rows fit; the eleventh scrolls in at the bottom
    for (let i = 0; i < 10; i++) await press('ArrowDown')
    await vi.waitFor(() => expect(focused()?.getAttribute('data-index')).toBe('10'))
    expect(scroller().scrollTop).toBe(11 * TREE_ROW - VIEWPORT)
  })

  it('reveals a department found by the search in the middle of the list and focuses it', async () => {
    contentHeight = (TEAMS + 2) * TREE_ROW
    await mountTree()
    const search = wrapper!.get('input[data-testid="org-search"]')
    await search.setValue('Payments')
    await search.trigger('keydown', { key: 'Enter' })
    await vi.waitFor(() => expect(focused()?.getAttribute('data-id')).toBe('9999'))
    const index = Number(focused()!.getAttribute('data-index'))
    // under the company and its first 1,500 teams, the last of which opened to show it
    expect(index).toBe(1_501)
    expect(document.querySelector('[data-id="1501"]')!.getAttribute('aria-expanded')).toBe('true')
    expect(scroller().scrollTop).toBe(index * TREE_ROW - (VIEWPORT - TREE_ROW) / 2)
  })
})
