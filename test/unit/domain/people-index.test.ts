import { describe, expect, it } from 'vitest'
import { toPerson, type Person } from '@/domain/person'
import { buildPeopleIndex, mergePeople, searchPeople } from '@/domain/people-index'
import { foldText } from '@/domain/text-search'

function person(id: number, name: string, lastName: string, position = ''): Person {
  const p = toPerson({ ID: String(id), NAME: name, LAST_NAME: lastName, WORK_POSITION: position })
  if (!p) throw new Error('bad fixture')
  return p
}

const people = [
  person(1, 'José', 'García', 'Sales manager'),
  person(2, 'Алёна', 'Иванова', 'Бухгалтер'),
  person(3, 'Mia', 'Schröder', 'Developer'),
]

describe('search over people', () => {
  const index = buildPeopleIndex(people)

  it('ignores case and accents', () => {
    expect(searchPeople(index, 'jose garcia').map((p) => p.id)).toEqual([1])
    expect(searchPeople(index, 'SCHRODER').map((p) => p.id)).toEqual([3])
    expect(searchPeople(index, 'алена').map((p) => p.id)).toEqual([2])
  })

  it('matches words in any order and over the position', () => {
    expect(searchPeople(index, 'garcía josé').map((p) => p.id)).toEqual([1])
    expect(searchPeople(index, 'developer').map((p) => p.id)).toEqual([3])
  })

  it('returns everyone for an empty query and nobody for a query that matches nothing', () => {
    expect(searchPeople(index, '   ')).toHaveLength(3)
    expect(searchPeople(index, 'zzz')).toHaveLength(0)
  })

  it('treats wildcard and markup characters as plain text', () => {
    expect(searchPeople(index, '%')).toHaveLength(0)
    expect(searchPeople(index, '<script>')).toHaveLength(0)
  })

  it('folds text the same way for ё and е', () => {
    expect(foldText('Ёлка')).toBe(foldText('елка'))
  })
})

describe('mergePeople', () => {
  it('never duplicates a person and keeps ID order', () => {
    const merged = mergePeople([people[2]!, people[0]!], [people[0]!, people[1]!])
    expect(merged.map((p) => p.id)).toEqual([1, 2, 3])
  })
})
