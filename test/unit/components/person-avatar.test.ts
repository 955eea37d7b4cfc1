import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import PersonAvatar from '@/components/people/PersonAvatar.vue'
import { toPerson, type Person } from '@/domain/people/person'

const person = (id: number, name: string, photo: string) =>
  toPerson({ ID: String(id), NAME: name, LAST_NAME: 'Lee', PERSONAL_PHOTO: photo }) as Person

describe('PersonAvatar', () => {
  it('shows initials for a photo that fails, and the next person shown in the same row gets their photo', async () => {
    // the grid reuses a row for whoever a new search puts there
    const avatar = mount(PersonAvatar, { props: { person: person(1, 'Ann', 'https://portal.example/broken.jpg') } })
    await avatar.get('img').trigger('error')
    expect(avatar.find('img').exists()).toBe(false)
    expect(avatar.text()).toBe('AL')

    await avatar.setProps({ person: person(2, 'Bob', 'https://portal.example/bob.jpg') })
    expect(avatar.get('img').attributes('src')).toBe('https://portal.example/bob.jpg')
  })

  it('while the viewer types, shows a newcomer\'s initials and keeps a photo already shown; the photo follows the pause', async () => {
    const ann = person(1, 'Ann', 'https://portal.example/ann.jpg')
    const avatar = mount(PersonAvatar, { props: { person: ann } })
    expect(avatar.get('img').attributes('src')).toBe('https://portal.example/ann.jpg')
    // typing starts: the same person keeps her photo
    await avatar.setProps({ photoLater: true })
    expect(avatar.get('img').attributes('src')).toBe('https://portal.example/ann.jpg')
    // a keystroke puts someone else in this place: initials, no request for his photo yet
    await avatar.setProps({ person: person(2, 'Bob', 'https://portal.example/bob.jpg') })
    expect(avatar.find('img').exists()).toBe(false)
    expect(avatar.text()).toBe('BL')
    // typing pauses
    await avatar.setProps({ photoLater: false })
    expect(avatar.get('img').attributes('src')).toBe('https://portal.example/bob.jpg')
  })

  it('placed while the viewer types, shows initials until the pause', async () => {
    const avatar = mount(PersonAvatar, { props: { person: person(3, 'Cy', 'https://portal.example/cy.jpg'), photoLater: true } })
    expect(avatar.find('img').exists()).toBe(false)
    await avatar.setProps({ photoLater: false })
    expect(avatar.get('img').attributes('src')).toBe('https://portal.example/cy.jpg')
  })
})
