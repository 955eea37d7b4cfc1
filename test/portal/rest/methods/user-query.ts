/**
 * One page of user.get: filter + visibility + order + `start`, fast enough for 100k people.
 * - a keyset walk (`>ID` cursor, `start:-1`, ID order; or `<ID` with ID descending) scans from a binary
 *   search and stops after 50 hits, so it never touches the whole list;
 * - anything that needs a total keeps the sorted match list (without the ID range) in a per-directory
 *   cache, so 50 pages of one filter in a batch cost one scan plus 50 binary searches.
 */
import type { Directory, Visibility } from '../../state/directory'
import type { FixtureUser } from '../../types'
import { compileFilter, sortUsers, type UserFilter } from './user-filter'

const PAGE_SIZE = 50
const CACHE_ENTRIES = 24

export interface PageRequest {
  filter: UserFilter
  visibility: Visibility | null
  sort: { field: string; desc: boolean } | null
  /** intval(start): -1 = no count */
  start: number
}

export interface Page {
  users: FixtureUser[]
  /** null when not counted (start = -1) */
  total: number | null
  offset: number
}

function matches(dir: Directory, req: PageRequest): (u: FixtureUser) => boolean {
  const test = compileFilter(req.filter, dir)
  const vis = req.visibility
  return vis ? (u) => vis.test(u) && test(u) : test
}

/** the full match list (ID range excluded), sorted, from the cache when possible */
function matchList(dir: Directory, req: PageRequest): FixtureUser[] {
  const key = `${req.filter.key}|${req.visibility?.key ?? 'all'}|${req.sort ? `${req.sort.field}:${req.sort.desc}` : 'ID'}`
  const cached = dir.queryCache.get(key)
  if (cached) {
    // LRU: re-insert as newest
    dir.queryCache.delete(key)
    dir.queryCache.set(key, cached)
    return cached
  }
  const test = matches(dir, req)
  let list = dir.people.filter(test)
  if (req.sort && !(req.sort.field === 'ID' && !req.sort.desc)) {
    list = req.sort.field === 'ID' ? list.reverse() : sortUsers(list, req.sort.field, req.sort.desc, dir)
  }
  dir.queryCache.set(key, list)
  if (dir.queryCache.size > CACHE_ENTRIES) dir.queryCache.delete(dir.queryCache.keys().next().value as string)
  return list
}

/** the ID range on an ID-ordered list, by binary search */
function idSlice(dir: Directory, list: FixtureUser[], gt: number, lt: number, desc: boolean): FixtureUser[] {
  if (gt === -Infinity && lt === Infinity) return list
  if (!desc) {
    const from = gt === -Infinity ? 0 : dir.firstAfter(list, gt)
    const to = lt === Infinity ? list.length : dir.firstAfter(list, lt - 1)
    return list.slice(from, Math.max(from, to))
  }
  return list.filter((u) => u.ID > gt && u.ID < lt)
}

export function runPage(dir: Directory, req: PageRequest): Page {
  const { gt, lt } = req.filter.idRange
  const offset = req.start > 0 ? req.start : 0
  const idOrder = !req.sort || (req.sort.field === 'ID' && !req.sort.desc)

  // keyset walk: no count wanted, ID order either way → scan from the cursor and stop at a full page (a
  // portal reads the primary key index in both directions)
  const idDesc = req.sort?.field === 'ID' && req.sort.desc
  if (req.start === -1 && (idOrder || idDesc)) {
    const test = matches(dir, req)
    const users: FixtureUser[] = []
    const people = dir.people
    if (idDesc) {
      for (let i = (lt === Infinity ? people.length : dir.firstAfter(people, lt)) - 1; i >= 0 && users.length < PAGE_SIZE; i--) {
        const u = people[i] as FixtureUser
        if (u.ID <= gt) break
        if (u.ID < lt && test(u)) users.push(u)
      }
      return { users, total: null, offset: 0 }
    }
    for (let i = gt === -Infinity ? 0 : dir.firstAfter(people, gt); i < people.length && users.length < PAGE_SIZE; i++) {
      const u = people[i] as FixtureUser
      if (u.ID >= lt) break
      if (test(u)) users.push(u)
    }
    return { users, total: null, offset: 0 }
  }

  const list = matchList(dir, req)
  const ranged = req.sort && req.sort.field !== 'ID'
    ? list.filter((u) => u.ID > gt && u.ID < lt)
    : idSlice(dir, list, gt, lt, !idOrder)
  return {
    users: ranged.slice(offset, offset + PAGE_SIZE),
    total: req.start === -1 ? null : ranged.length,
    offset,
  }
}
