import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createI18n } from 'vue-i18n'
import { createPinia, setActivePinia } from 'pinia'
import en from '@/i18n/messages/en'
import ru from '@/i18n/messages/ru'
import RowActions from '@/components/people/RowActions.vue'
import { useSessionStore } from '@/stores/session'
import { toPerson, type Person } from '@/domain/people/person'

const person = (id: number, name: string, lastName: string) =>
  toPerson({ ID: String(id), NAME: name, LAST_NAME: lastName, EMAIL: `p${id}@example.com` }) as Person

function mountActions(shown: Person) {
  const pinia = createPinia()
  setActivePinia(pinia)
  useSessionStore().me = person(99, 'Viewer', 'Self')
  const i18n = createI18n({ legacy: false, locale: 'en', fallbackLocale: 'en', messages: { en, ru } })
  const wrapper = mount(RowActions, { props: { person: shown }, global: { plugins: [pinia, i18n] } })
  return { wrapper, i18n }
}

const labels = (wrapper: ReturnType<typeof mountActions>['wrapper']) =>
  wrapper.findAll('button, a').map((action) => [action.attributes('aria-label'), action.attributes('title')])

describe('RowActions', () => {
  it('names the person in each action, as the button\'s name and its tooltip, for whoever the row shows', async () => {
    const { wrapper } = mountActions(person(1, 'Ann', 'Lee'))
    expect(labels(wrapper)).toEqual([
      ['Message Ann Lee', 'Message Ann Lee'],
      ['Call Ann Lee', 'Call Ann Lee'],
      ['E-mail Ann Lee', 'E-mail Ann Lee'],
    ])
    // a search puts someone else in this row; a name is text, whatever characters it has
    await wrapper.setProps({ person: person(2, '$& <b>Bo</b>', "O'Neil") })
    expect(labels(wrapper)[0]).toEqual(["Message $& <b>Bo</b> O'Neil", "Message $& <b>Bo</b> O'Neil"])
    expect(wrapper.find('b').exists()).toBe(false)
  })

  it('follows the viewer\'s language', async () => {
    const { wrapper, i18n } = mountActions(person(1, 'Ann', 'Lee'))
    i18n.global.locale.value = 'ru'
    await wrapper.vm.$nextTick()
    expect(labels(wrapper).map(([name]) => name)).toEqual(['Написать: Ann Lee', 'Позвонить: Ann Lee', 'Письмо: Ann Lee'])
  })
})
