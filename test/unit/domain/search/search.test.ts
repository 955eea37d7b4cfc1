import { describe, expect, it } from 'vitest'
import { toPerson, type Person } from '@/domain/people/person'
import { createSearcher, searchPeople, MAX_QUERY_LENGTH } from '@/domain/search/search'
import { buildSearchIndex, entriesHolding, growPairLists } from '@/domain/search/search-index'
import { foldText, foldWithMap, wordLine, words } from '@/domain/search/text-fold'

function person(id: number, fields: Record<string, unknown>): Person {
  const p = toPerson({ ID: String(id), ...fields })
  if (!p) throw new Error('bad fixture')
  return p
}

const people = [
  person(1, { NAME: 'José', LAST_NAME: 'García', WORK_POSITION: 'Sales manager', EMAIL: 'jose.garcia@example.com' }),
  person(2, { NAME: 'Алёна', LAST_NAME: 'Иванова', WORK_POSITION: 'Бухгалтер', WORK_PHONE: '+7 (495) 123-45-67' }),
  person(3, { NAME: 'Mia', LAST_NAME: 'Schröder', WORK_POSITION: 'Developer', UF_PHONE_INNER: '218' }),
  person(4, { NAME: 'Иван', LAST_NAME: 'Петров', WORK_POSITION: 'Водитель' }),
  person(5, { NAME: 'Ivana', LAST_NAME: 'Mills', WORK_POSITION: 'Ivanhoe project lead' }),
  person(6, { NAME: 'Mila', LAST_NAME: 'Sanivanova', WORK_POSITION: 'Designer' }),
  person(7, { NAME: 'Ivan', LAST_NAME: 'Smith', WORK_POSITION: 'Driver' }),
]
const departments: Record<number, string[]> = { 3: ['Research & Development'] }
const index = buildSearchIndex(people, (p) => departments[p.id] ?? [])
const ids = (query: string) => searchPeople(index, query)?.people.map((p) => p.id)
/** The IDs a fresh search of `query` finds in `of`, best first. */
const idsIn = (of: ReturnType<typeof buildSearchIndex>, query: string) => createSearcher(of)(query)?.people.map((p) => p.id)

describe('searchPeople', () => {
  it('ignores case and accents', () => {
    expect(ids('jose garcia')).toEqual([1])
    expect(ids('SCHRODER')).toEqual([3])
    expect(ids('алена')).toEqual([2])
  })

  it('matches words in any order, across name, position, department and e-mail', () => {
    expect(ids('garcía josé')).toEqual([1])
    expect(ids('developer')).toEqual([3])
    expect(ids('research')).toEqual([3])
    expect(ids('jose.garcia@')).toEqual([1])
  })

  it('finds phones by their digits, however they were typed', () => {
    expect(ids('495 123')).toEqual([2])
    expect(ids('1234567')).toEqual([2])
    expect(ids('218')).toEqual([3])
  })

  it('ranks exact words first, then prefixes, then substrings', () => {
    // Ivan Smith is an exact word, Ivana (and Ivanhoe) a prefix, Sanivanova a substring
    expect(ids('ivan')).toEqual([7, 5, 6])
    expect(ids('ivan smith')).toEqual([7])
  })

  it('finds a Cyrillic name typed on the Latin layout, and the other way round', () => {
    // "bdfy" is "иван": Иван exactly, Иванова by prefix
    expect(ids('bdfy')).toEqual([4, 2])
    expect(ids('gtnhjd')).toEqual([4])
    expect(ids('ьшф')).toEqual([3])
  })

  it('returns null for an empty query and nothing for a query that matches nobody', () => {
    expect(searchPeople(index, '   ')).toBeNull()
    expect(ids('zzz')).toEqual([])
  })

  it('treats wildcards, operators and markup as plain text', () => {
    for (const query of ['%', '_', '!', '>ID', '<script>', '"', '\\']) {
      expect(ids(query) ?? []).toEqual([])
    }
  })

  it('cuts an enormous query instead of freezing', () => {
    const started = performance.now()
    const result = searchPeople(index, 'a'.repeat(10_000))
    expect(performance.now() - started).toBeLessThan(200)
    expect(result?.people).toEqual([])
    expect(MAX_QUERY_LENGTH).toBeLessThanOrEqual(200)
  })

  it('reports the matched words for highlighting', () => {
    expect(searchPeople(index, 'Garc')?.words).toEqual(['garc'])
  })

  it('folds ё like е', () => {
    expect(foldText('Ёлка')).toBe(foldText('елка'))
  })
})

describe("the e-mail's domain", () => {
  // most of a portal shares one domain: "no" is the start of northwind for everyone there
  const staff = [
    person(30, { NAME: 'Anna', LAST_NAME: 'Berg', EMAIL: 'anna.berg@northwind.example' }),
    person(31, { NAME: 'Nora', LAST_NAME: 'Quist', EMAIL: 'nora.quist@northwind.example' }),
    person(32, { NAME: 'Carl', LAST_NAME: 'Dahl', EMAIL: 'carl.dahl@fabrikam.example' }),
    person(33, { NAME: 'Ivo', LAST_NAME: 'North', EMAIL: 'ivo@adatum.example' }),
  ]
  const staffIndex = buildSearchIndex(staff)
  const found = (query: string) => idsIn(staffIndex, query)

  it('is not matched by the start of its words, so a name is not buried under everyone sharing it', () => {
    expect(found('no')).toEqual([31, 33])
    expect(found('nor')).toEqual([31, 33])
    expect(found('exam')).toEqual([])
  })

  it('is matched by its whole words: a domain typed out, or an address pasted', () => {
    expect(found('northwind')).toEqual([30, 31])
    expect(found('fabrikam')).toEqual([32])
    expect(found('carl.dahl@fabrikam.example')).toEqual([32])
  })

  it('is matched like a name once the query has an "@"', () => {
    expect(found('@fab')).toEqual([32])
    expect(found('@north')).toEqual([33, 30, 31])
    // the part before the @ is searched with the names, as always
    expect(found('anna.b@')).toEqual([30])
  })

  it('is found typing on, as a fresh search finds it', () => {
    for (const sequence of [['nor', 'northwin', 'northwind'], ['n', 'no', 'northwind'], ['fab', 'fabrikam'], ['carl', 'carl@', 'carl@fab'], ['fab', '@fab']]) {
      const typing = createSearcher(staffIndex)
      let typed: number[] = []
      for (const query of sequence) typed = typing(query)?.people.map((p) => p.id) ?? []
      expect(typed, sequence.join(' → ')).toEqual(found(sequence.at(-1)!))
    }
  })

  it('never counts the top-level domain nearly everyone shares', () => {
    const ru = buildSearchIndex([
      person(60, { NAME: 'Olga', LAST_NAME: 'Popova', EMAIL: 'olga@corp.ru' }),
      person(61, { NAME: 'Bruno', LAST_NAME: 'Lenz', EMAIL: 'bruno@corp.ru' }),
      person(62, { NAME: 'Ruslan', LAST_NAME: 'Ahmedov', EMAIL: 'ruslan@corp.ru' }),
    ])
    expect(idsIn(ru, 'ru')).toEqual([62, 61])
    expect(idsIn(ru, 'corp')).toEqual([60, 61, 62])
  })

  it('ranks a person by the better of a match in their name and one in their domain', () => {
    const ruhr = buildSearchIndex([
      person(70, { NAME: 'Max', LAST_NAME: 'Ruhrberg', EMAIL: 'max@other.example' }),
      person(71, { NAME: 'Karl', LAST_NAME: 'Ruhrmann', EMAIL: 'karl@ruhr.example' }),
      person(72, { NAME: 'Eva', LAST_NAME: 'Lang', EMAIL: 'eva@ruhr.example' }),
    ])
    // Karl's name starts with it, and his domain is it: the whole word counts
    expect(idsIn(ruhr, 'ruhr')).toEqual([71, 72, 70])
  })

  it('whose word is a single letter is found by that letter', () => {
    const lettered = buildSearchIndex([person(40, { NAME: 'Bea', LAST_NAME: 'Lund', EMAIL: 'bea@q.example' }), ...staff])
    expect(idsIn(lettered, 'q')).toEqual([40, 31])
  })
})

describe('one-letter queries', () => {
  it('rank prefixes before letters inside words, as typed before the other layout', () => {
    // "s": Sales, Schröder, Sanivanova and Smith start with it; Mills and Designer only have it inside
    const result = ids('s') ?? []
    expect(result.slice(0, 4).sort()).toEqual([1, 3, 6, 7])
    expect(result.slice(4).sort()).toEqual([5])
  })

  it('find the same people as the letter followed by nothing else', () => {
    const all = (query: string) => new Set(ids(query))
    for (const letter of ['a', 'и', 'm', 'ь']) {
      const narrowed = ids(`${letter}${letter}`) ?? []
      for (const id of narrowed) expect(all(letter).has(id)).toBe(true)
    }
  })
})

describe('two-letter queries', () => {
  const mixed = [
    ...people,
    person(51, { NAME: 'Anna', LAST_NAME: 'Ivanova', WORK_POSITION: 'Manager', EMAIL: 'anna1@northwind.example' }),
    person(50, { NAME: 'An', LAST_NAME: 'Li', WORK_POSITION: 'Analyst', EMAIL: 'an.li@northwind.example' }),
    person(52, { NAME: 'Dan', LAST_NAME: 'Brennan', WORK_POSITION: 'Driver', EMAIL: 'dan@co.example' }),
    person(53, { NAME: 'Жанна', LAST_NAME: 'Иванова', WORK_POSITION: 'Аналитик' }),
    person(54, { NAME: 'Ξένια', LAST_NAME: 'Ανδρέου' }),
  ]
  const queries = ['an', 'li', 'iv', 'ov', 'dr', 'no', 'co', 'a1', 'ан', 'ва', 'f', 'fy', 'ξε', 'σφ', 'zz', '22']
  const answers = (index: ReturnType<typeof buildSearchIndex>) =>
    queries.map((query) => {
      const result = createSearcher(index)(query)
      return [result?.people.map((p) => p.id) ?? [], result?.words ?? []]
    })

  it('read off the pair lists, rank as reading every entry ranks', () => {
    const index = buildSearchIndex(mixed, (p) => departments[p.id] ?? [])
    const everyEntry = answers(index)
    expect(growPairLists(index, Infinity)).toBe(mixed.length)
    expect(answers(index)).toEqual(everyEntry)
    // a two-letter word of its own comes first, before the words it starts
    expect(idsIn(index, 'an')?.slice(0, 1)).toEqual([50])
  })

  it('stay right while the pair lists are grown a step at a time, and after someone leaves', () => {
    const reference = answers(buildSearchIndex(mixed))
    const index = buildSearchIndex(mixed)
    expect(growPairLists(index, 3)).toBe(3)
    expect(answers(index)).toEqual(reference)
    growPairLists(index, 7)
    // someone leaves: the pair lists are built again (not copied in the task that needs the index)
    const fewer = mixed.filter((p) => p.id !== 3)
    const after = buildSearchIndex(fewer, () => [], index)
    expect(after.byPair.indexed).toBe(0)
    expect(answers(after)).toEqual(answers(buildSearchIndex(fewer)))
    growPairLists(after, Infinity)
    expect(answers(after)).toEqual(answers(buildSearchIndex(fewer)))
    // the earlier index still answers for its own people
    growPairLists(index, Infinity)
    expect(answers(index)).toEqual(reference)
  })

  it('rank a one-letter word as the general path does, whichever reads it', () => {
    // "a." is "a" as typed and "фю" on the other layout: the letter lists read it once the pair lists are built
    const graded = buildSearchIndex([person(80, { NAME: 'Anna', LAST_NAME: 'Berg' }), person(81, { NAME: 'Otto', LAST_NAME: 'Lind', WORK_POSITION: 'Grade A' })])
    const early = idsIn(graded, 'a.')
    growPairLists(graded, Infinity)
    expect(idsIn(graded, 'a.')).toEqual(early)
    expect(early).toEqual([80, 81])
  })

  it('shared with a longer list built on them, answer for their own people only', () => {
    const head = mixed.slice(0, 8)
    const first = buildSearchIndex(head)
    growPairLists(first, Infinity)
    const before = answers(first)
    // another list object with the same people first, and more: it shares the lists and grows them
    const longer = buildSearchIndex([...head, ...mixed.slice(8)], () => [], first)
    expect(longer.byPair).toBe(first.byPair)
    growPairLists(longer, Infinity)
    expect(answers(longer)).toEqual(answers(buildSearchIndex(mixed)))
    expect(answers(first)).toEqual(before)
  })
})

describe('typing on gives what a fresh search gives', () => {
  const more = [
    person(20, { NAME: 'Юлия', LAST_NAME: 'Белова' }),
    person(21, { NAME: 'Kate', LAST_NAME: 'Smith', WORK_POSITION: 'Designer' }),
    person(22, { NAME: 'Борис', LAST_NAME: 'Жуков' }),
  ]
  const bigger = buildSearchIndex([...people, ...more])

  it('also for letters that sit on punctuation keys of the other layout', () => {
    for (const sequence of [['ю', 'юл'], ['б', 'бф'], [',', ',j', ',jh'], [';', ';e'], ['k', 'ka', 'kat']]) {
      const typing = createSearcher(bigger)
      let typed: number[] = []
      for (const query of sequence) typed = typing(query)?.people.map((p) => p.id) ?? []
      const fresh = idsIn(bigger, sequence.at(-1)!) ?? []
      expect(typed, sequence.join(' → ')).toEqual(fresh)
    }
  })

  it('reads ",jhbc" as «борис»', () => {
    expect(idsIn(bigger, ',jhbc')).toEqual([22])
  })
})

describe('folding a whole text at once', () => {
  const samples = [
    'José García', 'ΟΔΟΣ ΣΟΦΙΑΣ', 'Σ', 'İstanbul', 'Ёлкин Йошкар-Ола', 'e\u0301clair', '敏  周', 'Straße',
    '𝒜lpha 𝟙', 'Ǆemal', 'ﬁle', 'Ⅻ', 'Ñandú', 'Łódź', 'Zoë', 'ΆΈΉ', '<img src=x onerror=alert(1)>',
  ]

  it('gives what folding character by character gives', () => {
    for (const text of samples) expect(foldText(text), text).toBe(foldWithMap(text).folded)
  })

  it('splits into the same words', () => {
    for (const text of [...samples, 'a—b «c» d…e', ' lead  ', '1,5 m²', 'Ivan 🙂 Petrov', '']) {
      const folded = foldText(text)
      expect(wordLine(folded), text).toBe(words(folded).join(' '))
    }
  })
})

describe('an index built on while people load', () => {
  const everyone = [...people, ...Array.from({ length: 40 }, (_, i) =>
    person(100 + i, { NAME: ['Анна', 'Anna', 'Σοφία', 'Иван'][i % 4], LAST_NAME: `Smith${i}`, WORK_POSITION: i % 3 ? 'Driver' : 'Водитель' }))]
  const queries = ['a', 'а', 'и', 's', 'σ', 'anna', 'ivan', 'smith1', 'вод', 'dr', 'σοφ', 'f']
  const answers = (index: ReturnType<typeof buildSearchIndex>) =>
    queries.map((query) => idsIn(index, query) ?? [])

  it('answers as one built over everyone at once', () => {
    let grown = buildSearchIndex(everyone.slice(0, 10))
    for (const end of [20, 21, 35, everyone.length]) grown = buildSearchIndex(everyone.slice(0, end), () => [], grown)
    expect(answers(grown)).toEqual(answers(buildSearchIndex(everyone)))
  })

  it('leaves the earlier index answering for its own people only', () => {
    const earlier = buildSearchIndex(everyone.slice(0, 20))
    const before = answers(earlier)
    buildSearchIndex(everyone, () => [], earlier)
    expect(answers(earlier)).toEqual(before)
    expect(answers(earlier)).toEqual(answers(buildSearchIndex(everyone.slice(0, 20))))
  })

  it('grows in place, a step at a time, over the very same list, and answers as one built whole', () => {
    let grown = buildSearchIndex(everyone, () => [], undefined, 7)
    const entries = grown.entries
    // a step's index searches only the people it has indexed so far
    expect(createSearcher(grown)('smith1')?.people ?? []).toEqual([])
    for (const count of [8, 20, 33, everyone.length]) grown = buildSearchIndex(everyone, () => [], grown, count)
    // nothing was copied on the way
    expect(grown.entries).toBe(entries)
    expect(answers(grown)).toEqual(answers(buildSearchIndex(everyone)))
    // and a longer list builds on it as on any other index
    const more = [...everyone, person(500, { NAME: 'Anna', LAST_NAME: 'Late' })]
    expect(idsIn(buildSearchIndex(more, () => [], grown), 'late')).toEqual([500])
  })

  it('leaves an index that another list grew on answering for its own people, when grown in place again', () => {
    const early = buildSearchIndex(everyone, () => [], undefined, 7)
    const before = answers(early)
    // another list with the same first 7 people grows the same character lists
    const other = everyone.map((p, i) => (i === 10 ? { ...p, NAME: 'Quark', firstName: 'Quark', lastName: 'Quark' } : p))
    buildSearchIndex(other, () => [], early, 20)
    const grown = buildSearchIndex(everyone, () => [], early, 20)
    expect(answers(early)).toEqual(before)
    expect(answers(grown)).toEqual(answers(buildSearchIndex(everyone.slice(0, 20))))
  })

  it('tells a change a search reads from one it does not', () => {
    const index = buildSearchIndex(everyone)
    const withChange = (change: Partial<Person>) => everyone.map((p, i) => (i === 3 ? { ...p, ...change } : p))
    for (const change of [{ online: true }, { city: 'Elsewhere' }, { photo: 'x.png' }, { birthday: '2000-01-01' }]) {
      expect(entriesHolding(index, withChange(change)), JSON.stringify(change)).toBe(everyone.length)
    }
    const searched: Partial<Person>[] = [
      { firstName: 'X' }, { secondName: 'X' }, { lastName: 'X' }, { position: 'X' }, { email: 'x@x.x' },
      { workPhone: '1' }, { mobilePhone: '1' }, { innerPhone: '1' }, { departmentIds: [99] },
    ]
    // the entries before the changed person still hold
    for (const change of searched) expect(entriesHolding(index, withChange(change)), JSON.stringify(change)).toBe(3)
  })

  it('keeps the entries of people who changed only in what a search does not read', () => {
    const index = buildSearchIndex(everyone)
    // presence refreshed for a few: new objects, the same text
    const refreshed = everyone.map((p, i) => (i % 7 ? p : { ...p, online: !p.online }))
    expect(entriesHolding(index, refreshed)).toBe(everyone.length)
    const rebuilt = buildSearchIndex(refreshed, () => [], index)
    expect(rebuilt.entries[0]).toBe(index.entries[0])
    // and the people it answers with are the new objects
    expect(createSearcher(rebuilt)('smith7')?.people[0]).toBe(refreshed.find((p) => p.lastName === 'Smith7'))
  })

  it('indexes anew a list in which someone\'s searched fields changed', () => {
    const index = buildSearchIndex(everyone)
    const renamed = everyone.map((p) => (p.lastName === 'Smith7' ? { ...p, lastName: 'Hartmann' } : p))
    expect(entriesHolding(index, renamed)).toBe(everyone.findIndex((p) => p.lastName === 'Smith7'))
    const rebuilt = buildSearchIndex(renamed, () => [], index)
    expect(createSearcher(rebuilt)('hartmann')?.people.map((p) => p.lastName)).toEqual(['Hartmann'])
    expect(createSearcher(rebuilt)('smith7')?.people ?? []).toEqual([])
  })

  it('reuses the entries before someone who left, and indexes the rest anew', () => {
    const index = buildSearchIndex(everyone)
    const left = everyone.findIndex((p) => p.lastName === 'Smith20')
    const remaining = everyone.filter((_, i) => i !== left)
    expect(entriesHolding(index, remaining)).toBe(left)
    const rebuilt = buildSearchIndex(remaining, () => [], index)
    expect(rebuilt.entries[0]).toBe(index.entries[0])
    expect(rebuilt.entries[left]).not.toBe(index.entries[left])
    expect(answers(rebuilt)).toEqual(answers(buildSearchIndex(remaining)))
    // the earlier index still answers as before
    expect(answers(index)).toEqual(answers(buildSearchIndex(everyone)))
  })

  it('can be built on twice from the same earlier index', () => {
    const earlier = buildSearchIndex(everyone.slice(0, 20))
    const first = buildSearchIndex(everyone.slice(0, 30), () => [], earlier)
    const second = buildSearchIndex([...everyone.slice(0, 20), ...everyone.slice(35)], () => [], earlier)
    expect(answers(first)).toEqual(answers(buildSearchIndex(everyone.slice(0, 30))))
    expect(answers(second)).toEqual(answers(buildSearchIndex([...everyone.slice(0, 20), ...everyone.slice(35)])))
  })
})
