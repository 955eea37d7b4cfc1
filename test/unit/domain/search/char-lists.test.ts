import { describe, expect, it } from 'vitest'
import { copyLists, indexChars, indexPairs, pairKey, type CharLists } from '@/domain/search/char-lists'

const pair = (text: string) => pairKey(text.charCodeAt(0), text.charCodeAt(1))

/** Lists of the given haystacks (folded words between spaces, as the index keeps them), entry by entry. */
function listsOf(haystacks: string[], add: (lists: CharLists, haystack: string, order: number) => void): CharLists {
  const lists: CharLists = new Map()
  haystacks.forEach((haystack, order) => add(lists, haystack, order))
  return lists
}

describe('letter and pair lists', () => {
  const haystacks = [' de la cruz ', ' delia mendes ', ' ade it ', ' it support ']

  it('list a letter by who starts a word with it and who only has it inside one', () => {
    const d = listsOf(haystacks, indexChars).get('d'.charCodeAt(0))
    expect(d).toEqual({ starts: [0, 1], inside: [2] })
  })

  it('list a pair that is a word of its own among the starts, and apart', () => {
    const lists = listsOf(haystacks, indexPairs)
    expect(lists.get(pair('de'))).toEqual({ starts: [0, 1], inside: [2], whole: [0] })
    expect(lists.get(pair('it'))).toEqual({ starts: [2, 3], inside: [], whole: [2, 3] })
    // "la" is whole in "de la cruz" only; "su" starts a longer word
    expect(lists.get(pair('la'))?.whole).toEqual([0])
    expect(lists.get(pair('su'))?.whole).toBeUndefined()
  })

  it('copy what the first entries hold, words of their own included', () => {
    const copy = copyLists(listsOf(haystacks, indexPairs), 3)
    expect(copy.get(pair('it'))).toEqual({ starts: [2], inside: [], whole: [2] })
    expect(copy.get(pair('de'))).toEqual({ starts: [0, 1], inside: [2], whole: [0] })
  })
})
