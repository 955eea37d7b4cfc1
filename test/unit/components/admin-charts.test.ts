import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defineComponent, effectScope, h, nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import AdminCharts from '@/components/admin/charts/AdminCharts.vue'
import { useChartTheme } from '@/components/admin/charts/useChartTheme'
import charts from '@/i18n/messages/admin/charts.en'
import { buildDepartmentTree } from '@/domain/org/departments'
import { toPerson, type Person } from '@/domain/people/person'

function person(id: number, fields: Record<string, unknown>): Person {
  return toPerson({ ID: String(id), NAME: `P${id}`, ...fields })!
}

const tree = buildDepartmentTree([
  { id: 1, name: 'Company', parentId: null, headId: null, sort: 1 },
  { id: 2, name: '<b>Sales</b>', parentId: 1, headId: null, sort: 1 },
  { id: 3, name: 'Key accounts', parentId: 2, headId: null, sort: 1 },
  { id: 4, name: 'IT', parentId: 1, headId: null, sort: 2 },
])
const people = [
  person(1, { UF_DEPARTMENT: [2], UF_EMPLOYMENT_DATE: '2026-01-10' }),
  person(2, { UF_DEPARTMENT: [3], DATE_REGISTER: '2025-12-02' }),
  person(3, { UF_DEPARTMENT: [4], ACTIVE: false }),
  person(4, { UF_DEPARTMENT: [4], USER_TYPE: 'extranet' }),
]

// the kit's button renders as a router link when it can; the breadcrumb only needs its label and click
const B24Button = defineComponent({
  props: { label: { type: String, default: '' } },
  emits: ['click'],
  setup: (props, { emit }) => () => h('button', { type: 'button', onClick: () => emit('click') }, props.label),
})

function mountCharts() {
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { charts } } })
  return mount(AdminCharts, {
    attachTo: document.body,
    props: {
      people,
      tree,
      completeness: [{ departmentId: 4, name: 'IT', averageScore: 83, people: 2 }],
      today: new Date(2026, 0, 15),
      locale: 'en',
    },
    global: { plugins: [i18n], stubs: { Button: B24Button } },
  })
}

const summary = (wrapper: ReturnType<typeof mountCharts>, chart: string) =>
  wrapper.get(`[data-testid="${chart}"] [data-testid="chart-summary"]`)

// happy-dom lays nothing out: give every box a size so ECharts draws
const sizes = { clientWidth: 600, clientHeight: 320 }
const original = Object.fromEntries(
  Object.keys(sizes).map((key) => [key, Object.getOwnPropertyDescriptor(HTMLElement.prototype, key)]),
)
beforeAll(() => {
  for (const [key, size] of Object.entries(sizes)) {
    Object.defineProperty(HTMLElement.prototype, key, { configurable: true, get: () => size })
  }
})
afterAll(() => {
  for (const [key, descriptor] of Object.entries(original)) {
    if (descriptor) Object.defineProperty(HTMLElement.prototype, key, descriptor)
    else delete (HTMLElement.prototype as unknown as Record<string, unknown>)[key]
  }
})

describe('AdminCharts', () => {
  it('draws the charts as SVG with a text description', async () => {
    const wrapper = mountCharts()
    await new Promise((resolve) => setTimeout(resolve, 50))
    for (const chart of ['chart-headcount', 'chart-joiners', 'chart-status', 'chart-completeness']) {
      expect(wrapper.find(`[data-testid="${chart}"] svg`).exists()).toBe(true)
    }
    const headcount = wrapper.get('[data-testid="chart-headcount"] [role="img"]')
    expect(headcount.attributes('aria-label')).toBe('Headcount by department: <b>Sales</b>: 2; IT: 1')
    // a name with markup is drawn as its characters, never as markup
    expect(headcount.find('svg b').exists()).toBe(false)
    expect(headcount.findAll('svg text').map((text) => text.text())).toContain('<b>Sales</b>')
    expect(wrapper.get('[data-testid="chart-status"] [role="img"]').attributes('aria-label')).toBe(
      'Active, dismissed and extranet: Active: 2 (50%); Dismissed: 1 (25%); Extranet: 1 (25%)',
    )
    wrapper.unmount()
  })

  it('writes every chart out as text for screen readers', () => {
    const wrapper = mountCharts()
    const headcount = summary(wrapper, 'chart-headcount')
    // department names stay text, markup included
    expect(headcount.text()).toContain('<b>Sales</b>')
    expect(headcount.find('b').exists()).toBe(false)
    expect(headcount.findAll('tbody tr').map((row) => row.text())).toEqual(['<b>Sales</b>2', 'IT1'])

    const joiners = summary(wrapper, 'chart-joiners').findAll('tbody tr')
    expect(joiners).toHaveLength(24)
    expect(joiners.at(-1)?.text()).toBe('Jan 261')
    expect(joiners.at(-2)?.text()).toBe('Dec 251')

    expect(summary(wrapper, 'chart-status').findAll('tbody tr').map((row) => row.text())).toEqual([
      'Active250%',
      'Dismissed125%',
      'Extranet125%',
    ])
    expect(summary(wrapper, 'chart-completeness').text()).toContain('83%')
    wrapper.unmount()
  })

  it('drills into a department and back up through the breadcrumb', async () => {
    const wrapper = mountCharts()
    await summary(wrapper, 'chart-headcount').get('button').trigger('click')
    await nextTick()
    expect(summary(wrapper, 'chart-headcount').findAll('tbody tr').map((row) => row.text())).toEqual([
      '<b>Sales</b> (directly)1',
      'Key accounts1',
    ])
    const crumbs = wrapper.findAll('[data-testid="chart-headcount"] nav button')
    expect(crumbs.map((crumb) => crumb.text())).toEqual(['All departments'])
    await crumbs[0]!.trigger('click')
    expect(summary(wrapper, 'chart-headcount').findAll('tbody tr')).toHaveLength(2)
    expect(wrapper.find('[data-testid="chart-headcount"] [aria-current]').text()).toBe('All departments')
    wrapper.unmount()
  })
})

describe('useChartTheme', () => {
  it('follows the kit\'s colours when <html> switches to dark', async () => {
    const root = document.documentElement
    root.style.setProperty('--ui-color-accent-main-primary', '#0075ff')
    const scope = effectScope()
    const theme = scope.run(() => useChartTheme())
    expect(theme?.value.primary).toBe('#0075ff')
    root.style.setProperty('--ui-color-accent-main-primary', '#1587fa')
    root.classList.add('dark')
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(theme?.value.primary).toBe('#1587fa')
    scope.stop()
    root.classList.remove('dark')
    root.style.removeProperty('--ui-color-accent-main-primary')
  })
})
