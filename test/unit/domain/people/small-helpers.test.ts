import { describe, expect, it } from 'vitest'
import { highlightSegments } from '@/domain/search/highlight'
import { layoutVariants } from '@/domain/search/keyboard-layout'
import { localTime } from '@/domain/people/local-time'
import { directorySelect, scopeAccess } from '@/domain/portal/scope-access'
import { everyoneByRanks, sortRanks, orderByRanks } from '@/domain/people/sort-people'
import { initials } from '@/domain/people/initials'
import { intlLocale, textDirection } from '@/domain/view/locale'
import { toPerson, type Person } from '@/domain/people/person'

describe('highlightSegments', () => {
  it('marks matches found through folding in the original text', () => {
    expect(highlightSegments('José García', ['garc'])).toEqual([
      { text: 'José ', match: false },
      { text: 'Garc', match: true },
      { text: 'ía', match: false },
    ])
    expect(highlightSegments('Алёна', ['але'])).toEqual([
      { text: 'Алё', match: true },
      { text: 'на', match: false },
    ])
  })

  it('keeps a separate combining accent with its letter', () => {
    expect(highlightSegments('Jose\u0301 Luis', ['jose'])).toEqual([
      { text: 'Jose\u0301', match: true },
      { text: ' Luis', match: false },
    ])
  })

  it('leaves text without matches whole', () => {
    expect(highlightSegments('<b>x</b>', [])).toEqual([{ text: '<b>x</b>', match: false }])
  })
})

describe('layoutVariants', () => {
  it('reads Latin keys as Russian and Russian keys as Latin', () => {
    expect(layoutVariants('bdfy')).toContain('иван')
    expect(layoutVariants('ghbdtn vbh')).toContain('привет мир')
    expect(layoutVariants('ыьшер')).toContain('smith')
  })
  it('has nothing to offer for digits', () => {
    expect(layoutVariants('12345')).toEqual([])
  })
})

describe('localTime', () => {
  it('shows the wall clock of a time zone and nothing for an unknown zone', () => {
    const noonUtc = new Date(Date.UTC(2026, 0, 15, 12, 0))
    expect(localTime('Asia/Tokyo', noonUtc, 'en-GB')).toBe('21:00')
    expect(localTime('Mars/Olympus', noonUtc, 'en-GB')).toBe('')
    expect(localTime('', noonUtc, 'en-GB')).toBe('')
  })
})

describe('scope access', () => {
  it('asks for contacts only with user or user_basic', () => {
    expect(directorySelect(scopeAccess(['user_brief']))).not.toContain('EMAIL')
    expect(directorySelect(scopeAccess(['user_basic']))).toContain('EMAIL')
    expect(scopeAccess(['user_brief', 'department'])).toMatchObject({ contacts: false, departments: true })
    expect(scopeAccess(null)).toMatchObject({ known: false, contacts: true })
  })
})

describe('sorting', () => {
  const people = ['Ångström', 'Zeller', 'Adams', ''].map(
    (last, i) => toPerson({ ID: String(i + 1), NAME: 'A', LAST_NAME: last, WORK_CITY: last }) as Person,
  )
  it('collates by the viewer\'s language and puts empty values last', () => {
    const byName = (locale: string) =>
      orderByRanks(people, sortRanks(people, 'city', locale), { key: 'city', desc: false }).map((p) => p.city)
    expect(byName('de')).toEqual(['Adams', 'Ångström', 'Zeller', ''])
    expect(byName('sv')).toEqual(['Adams', 'Zeller', 'Ångström', ''])
    const descending = orderByRanks(people, sortRanks(people, 'city', 'de'), { key: 'city', desc: true })
    expect(descending.map((p) => p.city)).toEqual(['Zeller', 'Ångström', 'Adams', ''])
  })

  it('sorts names by surname, then first name, even when one surname starts another', () => {
    const names = [
      ['Борис', 'Иванова'],
      ['Анна', 'Иванов'],
      ['Яна', 'Иванов'],
    ].map(([first, last], i) => toPerson({ ID: String(i + 1), NAME: first, LAST_NAME: last }) as Person)
    const sorted = orderByRanks(names, sortRanks(names, 'name', 'ru'), { key: 'name', desc: false })
    expect(sorted.map((p) => p.fullName)).toEqual(['Анна Иванов', 'Яна Иванов', 'Борис Иванова'])
  })

  it('merges the people a load appends into the last order, as a whole sort would place them', () => {
    const person = (id: number, city: string) => toPerson({ ID: String(id), NAME: 'A', PERSONAL_CITY: city }) as Person
    const first = [person(1, 'Zeller'), person(2, 'Adams'), person(3, ''), person(4, 'Müller')]
    const grown = [...first, person(5, 'Baker'), person(6, 'Ångström'), person(7, ''), person(8, 'Young')]
    const merged = sortRanks(grown, 'city', 'de', undefined, sortRanks(first, 'city', 'de'))
    const whole = sortRanks(grown, 'city', 'de')
    const cities = (list: readonly Person[]) => list.map((p) => p.city || `#${p.id}`)
    expect(cities(everyoneByRanks(merged, { key: 'city', desc: false }))).toEqual(cities(everyoneByRanks(whole, { key: 'city', desc: false })))
    expect(cities(everyoneByRanks(merged, { key: 'city', desc: false }))).toEqual(['Adams', 'Ångström', 'Baker', 'Müller', 'Young', 'Zeller', '#3', '#7'])
    // descending keeps the people with no value last
    expect(cities(everyoneByRanks(merged, { key: 'city', desc: true }))).toEqual(['Zeller', 'Young', 'Müller', 'Baker', 'Ångström', 'Adams', '#3', '#7'])
    // new objects for the same people with the same texts (a presence refresh) keep the order as it was
    const refreshed = grown.map((p) => (p.id % 2 ? { ...p, online: true } : p))
    const kept = sortRanks(refreshed, 'city', 'de', undefined, merged)
    expect(kept.sorted.find((entry) => entry.person.id === 2)).toBe(merged.sorted.find((entry) => entry.person.id === 2))
    expect(everyoneByRanks(kept, { key: 'city', desc: false }).filter((p) => p.id % 2).every((p) => p.online)).toBe(true)
    expect(cities(everyoneByRanks(kept, { key: 'city', desc: false }))).toEqual(cities(everyoneByRanks(merged, { key: 'city', desc: false })))
    // a changed text compared is sorted anew
    const moved = grown.map((p) => (p.id === 2 ? { ...p, city: 'Zwickau' } : p))
    expect(cities(everyoneByRanks(sortRanks(moved, 'city', 'de', undefined, merged), { key: 'city', desc: false })).slice(0, 6))
      .toEqual(['Ångström', 'Baker', 'Müller', 'Young', 'Zeller', 'Zwickau'])
    // a list that changed other than at its end, or another language, is sorted anew
    const reordered = [grown[1]!, grown[0]!, ...grown.slice(2)]
    expect(cities(everyoneByRanks(sortRanks(reordered, 'city', 'sv', undefined, merged), { key: 'city', desc: false })).slice(0, 6))
      .toEqual(['Adams', 'Baker', 'Müller', 'Young', 'Zeller', 'Ångström'])
  })
})

describe('initials and locales', () => {
  it('takes whole characters and skips markup', () => {
    expect(initials({ firstName: '<b>Ann', lastName: 'Lee', fullName: '' })).toBe('BL')
    expect(initials({ firstName: '', lastName: '', fullName: '王伟' })).toBe('王')
  })
  it('maps Bitrix24 language ids to Intl locales', () => {
    expect(intlLocale('ua')).toBe('uk')
    expect(intlLocale('br')).toBe('pt-BR')
    expect(intlLocale('xx')).toBe('en')
  })
  it('lays Arabic out right to left and everything else left to right', () => {
    expect(textDirection('ar')).toBe('rtl')
    expect(textDirection('ru')).toBe('ltr')
    expect(textDirection('xx')).toBe('ltr')
  })
})
