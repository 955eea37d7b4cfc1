import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import { createMemoryHistory, createRouter } from 'vue-router'
import { createPinia, setActivePinia } from 'pinia'
import b24UiPlugin from '@bitrix24/b24ui-nuxt/vue-plugin'
import exportEn from '@/i18n/messages/admin/export.en'
import ExportMenu from '@/components/export/ExportMenu.vue'
import * as download from '@/export/download'
import { toPerson, type Person } from '@/domain/people/person'
import type { ExportTable } from '@/domain/admin/export-table'
import type { PortalFrame } from '@/bitrix24/frame'
import { useSessionStore } from '@/stores/session'

afterEach(() => {
  vi.restoreAllMocks()
  document.body.innerHTML = ''
})

const table = (): ExportTable => ({ title: 'People', columns: ['Name'], rows: [['Anna']] })
const anna = toPerson({ ID: '1', NAME: 'Anna', LAST_NAME: 'Ivanova' })!
const boris = toPerson({ ID: '2', NAME: 'Boris' })!

async function openMenu(props: { table: () => ExportTable; people?: () => Person[] }, lang = 'en') {
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en: { export: exportEn } } })
  // the kit's menu items are links and look for a router
  const router = createRouter({ history: createMemoryHistory(), routes: [{ path: '/', component: { render: () => null } }] })
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().frame = { lang } as PortalFrame
  const wrapper = mount(ExportMenu, { props, global: { plugins: [i18n, router, pinia, b24UiPlugin] }, attachTo: document.body })
  await wrapper.get('[data-testid="export-menu"]').trigger('keydown', { key: 'Enter' })
  await flushPromises()
  return wrapper
}

const item = (id: string) => document.querySelector<HTMLElement>(`[data-testid="${id}"]`)

async function choose(id: string) {
  item(id)!.click()
  // the workbook writer loads on demand and zips asynchronously
  await vi.waitFor(() => expect(download.downloadBlob).toHaveBeenCalled())
  const [blob, fileName] = vi.mocked(download.downloadBlob).mock.calls[0]!
  return { blob, fileName }
}

describe('ExportMenu', () => {
  it('builds the table only when a format is chosen', async () => {
    vi.spyOn(download, 'downloadBlob').mockImplementation(() => {})
    const build = vi.fn(table)
    const wrapper = await openMenu({ table: build })
    expect(item('export-csv')?.textContent).toContain('CSV (Excel)')
    expect(item('export-xlsx')?.textContent).toContain('Excel workbook (.xlsx)')
    expect(build).not.toHaveBeenCalled()
    const { blob, fileName } = await choose('export-csv')
    expect(build).toHaveBeenCalledTimes(1)
    expect(blob.type).toBe('text/csv;charset=utf-8')
    expect(fileName).toMatch(/^people-directory-people-\d{4}-\d{2}-\d{2}\.csv$/)
    wrapper.unmount()
  })

  it('separates the CSV the way Excel in the portal language does', async () => {
    vi.spyOn(download, 'downloadBlob').mockImplementation(() => {})
    const wrapper = await openMenu({ table: () => ({ title: 'Люди', columns: ['Имя', 'Телефон'], rows: [['Анна', '+7 495 123-45-67']] }) }, 'ru')
    const { blob } = await choose('export-csv')
    expect(await blob.text()).toBe("\uFEFFИмя;Телефон\r\nАнна;\"'+7 495 123-45-67\"")
    wrapper.unmount()
  })

  it('saves a workbook', async () => {
    vi.spyOn(download, 'downloadBlob').mockImplementation(() => {})
    const wrapper = await openMenu({ table })
    const { blob, fileName } = await choose('export-xlsx')
    expect(blob.size).toBeGreaterThan(0)
    expect(fileName).toMatch(/\.xlsx$/)
    wrapper.unmount()
  })

  it('offers contacts only when there are people', async () => {
    let wrapper = await openMenu({ table })
    expect(item('export-vcf')).toBeNull()
    wrapper.unmount()
    wrapper = await openMenu({ table, people: () => [] })
    expect(item('export-vcf')).toBeNull()
    wrapper.unmount()

    vi.spyOn(download, 'downloadBlob').mockImplementation(() => {})
    wrapper = await openMenu({ table, people: () => [anna, boris] })
    expect(item('export-vcf')?.textContent).toContain('Contacts (.vcf)')
    const { blob, fileName } = await choose('export-vcf')
    expect((await blob.text()).match(/BEGIN:VCARD/g)).toHaveLength(2)
    expect(fileName).toMatch(/^people-directory-contacts-\d{4}-\d{2}-\d{2}\.vcf$/)
    wrapper.unmount()
  })

  it('names a single contact after the person', async () => {
    vi.spyOn(download, 'downloadBlob').mockImplementation(() => {})
    const wrapper = await openMenu({ table, people: () => [anna] })
    const { fileName } = await choose('export-vcf')
    expect(fileName).toBe('Anna Ivanova.vcf')
    wrapper.unmount()
  })
})
