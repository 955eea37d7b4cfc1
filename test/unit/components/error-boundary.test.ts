import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { defineComponent, h, nextTick, type FunctionalComponent } from 'vue'
import { flushPromises, mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import ErrorBoundary from '@/components/app/ErrorBoundary.vue'
// the boundary loads its message lazily; loading it here once keeps that load out of each test's time
import '@/components/app/CrashPanel.vue'
import en from '@/i18n/messages/en'
import { crashDetailsText, describeUnexpected, redactSecrets } from '@/domain/errors/unexpected-error'

const toast = { add: vi.fn() }
// the kit's useToast is auto-imported into useCopy by its absolute path inside the package
vi.mock('../../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/composables/useToast.js', () => ({ useToast: () => toast }))

interface AlertAction {
  label: string
  onClick?: () => void
}

// the kit's alert: its title, description, and each action as a plain button
const Alert: FunctionalComponent<{ title?: string; description?: string; actions?: AlertAction[] }> = (props) =>
  h('div', { 'data-testid': 'alert' }, [
    h('strong', props.title),
    h('p', props.description),
    ...(props.actions ?? []).map((action) =>
      h('button', { type: 'button', 'data-testid': 'alert-action', onClick: action.onClick }, action.label),
    ),
  ])
Alert.props = ['title', 'description', 'actions']

// the kit's button: its label; the click listener falls through onto the element
const Button: FunctionalComponent<{ label?: string }> = (props) =>
  h('button', { type: 'button', 'data-testid': 'copy' }, props.label)
Button.props = ['label']

/** A view that throws while it is built the first `failures` times, and renders afterwards. */
function flakyView(failures = 1) {
  const state = { mounts: 0 }
  const View = defineComponent({
    setup() {
      state.mounts++
      if (state.mounts <= failures) {
        throw new Error('Cannot read properties of undefined (reading \'fullName\') auth=abc123', {
          cause: new TypeError('the people list was undefined'),
        })
      }
      return () => h('p', { 'data-testid': 'view' }, 'The directory')
    },
  })
  return { View, state }
}

function mountBoundary(View: ReturnType<typeof flakyView>['View']) {
  const i18n = createI18n({ legacy: false, locale: 'en', messages: { en } })
  return mount(ErrorBoundary, {
    props: { where: 'people' },
    slots: { default: () => h(View) },
    global: { plugins: [i18n], stubs: { Alert, Button, B24Alert: Alert, B24Button: Button } },
  })
}

/** The message is a lazily loaded component: wait until it is on screen. */
async function crashPanel(wrapper: ReturnType<typeof mountBoundary>) {
  return vi.waitFor(() => wrapper.get('[data-testid="crash-panel"]'), { timeout: 3_000 })
}

let consoleError: ReturnType<typeof vi.spyOn>
beforeEach(() => {
  consoleError = vi.spyOn(console, 'error').mockImplementation(() => {})
  // Vue warns that a view whose setup threw has nothing to render
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  toast.add.mockClear()
})
afterEach(() => {
  vi.restoreAllMocks()
})

describe('ErrorBoundary', () => {
  it('shows its slot when nothing goes wrong', () => {
    const { View } = flakyView(0)
    const wrapper = mountBoundary(View)
    expect(wrapper.find('[data-testid="view"]').text()).toBe('The directory')
    expect(wrapper.find('[data-testid="crash-panel"]').exists()).toBe(false)
  })

  it('replaces a view that throws with the message, Retry and the details for support', async () => {
    const { View } = flakyView()
    const wrapper = mountBoundary(View)
    await crashPanel(wrapper)
    const panel = await crashPanel(wrapper)
    expect(wrapper.find('[data-testid="view"]').exists()).toBe(false)
    expect(panel.attributes('role')).toBe('alert')
    expect(panel.text()).toContain('Something went wrong here')
    expect(panel.text()).toContain('Nothing already loaded is lost.')
    expect(wrapper.get('[data-testid="alert-action"]').text()).toBe('Try again')
    expect(panel.text()).toContain('Details for support')

    const details = wrapper.get('[data-testid="crash-details"]').text()
    expect(details).toContain('code: Error')
    expect(details).toMatch(/^where: people · setup function$/m)
    expect(details).toContain(`version: ${__APP_VERSION__}`)
    expect(details).toMatch(/^version: \d+\.\d+\.\d+/m)
    expect(details).toMatch(/^time: \d{4}-\d{2}-\d{2}T/m)
    expect(details).toContain("error: Cannot read properties of undefined (reading 'fullName') auth=***")
    expect(details).toContain('caused by: the people list was undefined')
    expect(details).not.toContain('abc123')
    // kept whole in the console for whoever debugs it
    expect(consoleError).toHaveBeenCalled()
  })

  it('builds the view anew on Retry', async () => {
    const { View, state } = flakyView()
    const wrapper = mountBoundary(View)
    await crashPanel(wrapper)
    await wrapper.get('[data-testid="alert-action"]').trigger('click')
    await nextTick()
    expect(state.mounts).toBe(2)
    expect(wrapper.find('[data-testid="crash-panel"]').exists()).toBe(false)
    expect(wrapper.get('[data-testid="view"]').text()).toBe('The directory')
  })

  it('shows the message again when the view fails again on Retry', async () => {
    const { View, state } = flakyView(2)
    const wrapper = mountBoundary(View)
    await crashPanel(wrapper)
    await wrapper.get('[data-testid="alert-action"]').trigger('click')
    await crashPanel(wrapper)
    expect(state.mounts).toBe(2)
    expect(wrapper.find('[data-testid="view"]').exists()).toBe(false)
    await wrapper.get('[data-testid="alert-action"]').trigger('click')
    await nextTick()
    expect(wrapper.get('[data-testid="view"]').text()).toBe('The directory')
  })

  it('copies the details for support and says so', async () => {
    const writeText = vi.fn(async () => {})
    vi.spyOn(navigator, 'clipboard', 'get').mockReturnValue({ writeText } as unknown as Clipboard)
    const { View } = flakyView()
    const wrapper = mountBoundary(View)
    await crashPanel(wrapper)
    const details = wrapper.get('[data-testid="crash-details"]').text()
    await wrapper.get('[data-testid="copy"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="copy"]').text()).toBe('Copy details')
    expect(writeText).toHaveBeenCalledWith(details)
    expect(toast.add).toHaveBeenCalledTimes(1)
  })
})

describe('describeUnexpected', () => {
  const now = new Date(Date.UTC(2026, 0, 15, 9, 30))

  it('keeps the chain of causes, outermost first', () => {
    const error = new Error('rendering the table failed', { cause: new Error('sort key missing') })
    const report = describeUnexpected(error, 'people · render function', '1.2.3', now)
    expect(report).toEqual({
      code: 'Error',
      where: 'people · render function',
      version: '1.2.3',
      causes: ['rendering the table failed', 'sort key missing'],
      at: '2026-01-15T09:30:00.000Z',
    })
    expect(crashDetailsText(report).split('\n')).toEqual([
      'code: Error',
      'where: people · render function',
      'version: 1.2.3',
      'time: 2026-01-15T09:30:00.000Z',
      'error: rendering the table failed',
      'caused by: sort key missing',
    ])
  })

  it('stops following a cause that points back at itself', () => {
    const error = new Error('loop')
    ;(error as Error & { cause: unknown }).cause = error
    const report = describeUnexpected(error, 'x', '1.0.0', now)
    expect(report.causes.length).toBeGreaterThanOrEqual(1)
    expect(report.causes.length).toBeLessThanOrEqual(5)
    expect(new Set(report.causes)).toEqual(new Set(['loop']))
  })

  it('names the error by its own code, else its class, else its type', () => {
    expect(describeUnexpected(Object.assign(new Error('x'), { code: 'NETWORK_ERROR' }), 'w', 'v', now).code).toBe('NETWORK_ERROR')
    expect(describeUnexpected(new DOMException('no', 'QuotaExceededError'), 'w', 'v', now).code).toBe('QuotaExceededError')
    expect(describeUnexpected(new TypeError('t'), 'w', 'v', now).code).toBe('TypeError')
    const text = describeUnexpected('plain text thrown', 'w', 'v', now)
    expect(text).toMatchObject({ code: 'string', causes: ['plain text thrown'] })
    expect(describeUnexpected({ reason: 'x' }, 'w', 'v', now).causes).toEqual(['{"reason":"x"}'])
  })

  it('redacts credentials from every message in the chain', () => {
    const error = new Error('request failed: auth=abc123', {
      cause: new Error('answer {"access_token":"xyz","expires":3600}'),
    })
    const { causes } = describeUnexpected(error, 'w', 'v', now)
    expect(causes).toEqual(['request failed: auth=***', 'answer {"access_token":"***","expires":3600}'])
  })
})

describe('redactSecrets', () => {
  it('removes tokens, AUTH_ID values and webhook secrets, and keeps the rest', () => {
    expect(redactSecrets('GET /rest/user.get?auth=abc123&start=0')).toBe('GET /rest/user.get?auth=***&start=0')
    expect(redactSecrets('{"access_token":"xyz","member_id":"m1"}')).toBe('{"access_token":"***","member_id":"m1"}')
    expect(redactSecrets('{"refresh_token": "r-1"}')).toBe('{"refresh_token": "***"}')
    expect(redactSecrets('AUTH_ID=4f1c9e&AUTH_EXPIRES=3600')).toBe('AUTH_ID=***&AUTH_EXPIRES=3600')
    expect(redactSecrets('POST https://portal.example.com/rest/1/s3cr3t/user.get.json')).toBe(
      'POST https://portal.example.com/rest/1/***/user.get.json',
    )
    expect(redactSecrets('password: hunter2 was rejected')).toBe('password: *** was rejected')
    expect(redactSecrets('Cannot read properties of undefined')).toBe('Cannot read properties of undefined')
  })

  it('leaves no secret anywhere in a message that carries several', () => {
    const message = 'auth=abc123 then "access_token":"xyz" then AUTH_ID=q1w2e3 via /rest/12/s3cr3t/profile'
    const redacted = redactSecrets(message)
    for (const secret of ['abc123', 'xyz', 'q1w2e3', 's3cr3t']) expect(redacted).not.toContain(secret)
    expect(redacted).toContain('/rest/12/***/profile')
  })
})
