/**
 * user.get `NAME_SEARCH` / user.search `FIND`: the cloud's full-text user index (UserUtils::getUserSearchFilter
 * over b_user_index.SEARCH_USER_CONTENT, portal-protocol.md §3.2). The index holds the words of NAME,
 * SECOND_NAME, LAST_NAME, WORK_POSITION and the department names (UserTable::indexRecord); the query is
 * matched in boolean mode with a `*` after every word, so:
 * - every word of the query must be the start of some word of the person (AND), in any field;
 * - case-insensitive; punctuation splits words on both sides ("o'brien" finds O'Brien, "sales" finds
 *   "Head of Sales", "marketing" finds a member of "Sales & Marketing");
 * - a word that is a number also finds the person with that ID (the index holds the ID too).
 * The newest core indexes only NAME, LAST_NAME and WORK_POSITION; the docs and older cores include the rest,
 * and apps are told to expect them, so they are in.
 * Not modelled: MySQL's minimum token size, below which the portal drops the filter (everyone matches).
 */
import type { Directory } from '../../state/directory'
import type { FixtureUser } from '../../types'

/** letters and digits of any script; everything else separates words */
const WORD = /[\p{L}\p{N}]+/gu

function words(text: string): string[] {
  return text.toLowerCase().match(WORD) ?? []
}

/** the words of the query: split on spaces, then on punctuation as the index was */
export function queryWords(value: unknown): string[] {
  const text = typeof value === 'string' || typeof value === 'number' ? String(value) : ''
  return words(text.trim())
}

/** the index words of each person, per directory (rebuilt with it, so an edit is seen at once) */
const indexes = new WeakMap<Directory, Map<number, string[]>>()

function indexWords(dir: Directory, u: FixtureUser): string[] {
  let index = indexes.get(dir)
  if (!index) indexes.set(dir, (index = new Map()))
  let list = index.get(u.ID)
  if (!list) {
    const text = [u.NAME, u.SECOND_NAME, u.LAST_NAME, u.WORK_POSITION, ...dir.departmentNames(u)].join(' ')
    list = [...new Set(words(text))]
    index.set(u.ID, list)
  }
  return list
}

/** A person matches when every query word starts one of their index words or is their ID. */
export function nameSearchTest(query: string[], dir: Directory): (u: FixtureUser) => boolean {
  const terms = query.map((w) => ({ w, id: /^\d+$/.test(w) ? Number(w) : -1 }))
  return (u) => {
    const own = indexWords(dir, u)
    return terms.every(({ w, id }) => id === u.ID || own.some((x) => x.startsWith(w)))
  }
}
