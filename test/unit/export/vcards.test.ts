import { describe, expect, it } from 'vitest'
import { toPerson, type Person } from '@/domain/people/person'
import { vCardsBlob } from '@/export/vcards'

function person(id: number, name: string): Person {
  return toPerson({ ID: String(id), NAME: name, LAST_NAME: 'Иванова', WORK_POSITION: 'Sales' })!
}

describe('vCardsBlob', () => {
  it('holds one card per person, with the extras of each', async () => {
    const people = [person(1, 'Анна'), person(2, 'Мария'), person(3, 'Zoë')]
    const blob = vCardsBlob(people, (p) => ({ company: 'Acme', departments: [`D${p.id}`] }))
    expect(blob.type).toBe('text/vcard;charset=utf-8')
    const text = await blob.text()
    expect(text.match(/^BEGIN:VCARD\r$/gm)).toHaveLength(3)
    expect(text.match(/^END:VCARD\r$/gm)).toHaveLength(3)
    expect(text).toContain('FN:Анна Иванова\r\n')
    expect(text).toContain('ORG:Acme;D3\r\n')
    // cards follow one another on their own lines
    expect(text).toContain('END:VCARD\r\nBEGIN:VCARD\r\n')
    expect(text.endsWith('END:VCARD\r\n')).toBe(true)
  })
  it('is empty for nobody', async () => {
    expect(await vCardsBlob([], () => ({})).text()).toBe('')
  })
})
