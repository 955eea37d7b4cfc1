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
})
