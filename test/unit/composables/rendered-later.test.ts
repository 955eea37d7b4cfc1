import { afterEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'

// a fresh module per test: whether the visit has rendered is the module's own memory
async function partsView() {
  const { useRenderedLater } = await import('@/composables/useRenderedLater')
  return defineComponent({
    setup() {
      const shown = useRenderedLater()
      return () => h('div', shown.value ? [h('header', 'People Directory'), h('input', { type: 'search' })] : [h('div', { class: 'placeholder' })])
    },
  })
}
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('useRenderedLater', () => {
  afterEach(() => {
    vi.resetModules()
    vi.unstubAllGlobals()
  })

  it("draws the header and search a task after the visit's first render, and at once on every later mount", async () => {
    vi.stubGlobal('innerWidth', 1280)
    const View = await partsView()
    const first = mount(View)
    expect(first.find('header').exists()).toBe(false)
    expect(first.find('.placeholder').exists()).toBe(true)
    await nextTask()
    await flushPromises()
    expect(first.find('header').exists()).toBe(true)
    expect(first.find('input[type="search"]').exists()).toBe(true)
    first.unmount()

    // back from the structure, or a Retry: no placeholder flashes
    const again = mount(View)
    expect(again.find('header').exists()).toBe(true)
  })

  it('draws everything at once in a frame too narrow to know how tall the parts will be', async () => {
    vi.stubGlobal('innerWidth', 400)
    const View = await partsView()
    expect(mount(View).find('header').exists()).toBe(true)
  })
})
