import { ancestorsOf, type DepartmentTree } from './departments'
import { foldText } from '@/domain/search/text-fold'

/** What member counting needs of a person. */
export interface Member {
  id: number
  departmentIds: readonly number[]
}

export interface MemberCounts {
  /** people directly in the department */
  direct: ReadonlyMap<number, number>
  /** people in the department or any department below it, each person once */
  total: ReadonlyMap<number, number>
}

/** The departments above a department, nearest first (the tree has its loops cut already). */
export function parentsOf(tree: DepartmentTree, id: number): number[] {
  return ancestorsOf(tree, id).slice(1)
}

/**
 * Direct and total member counts of every department. A person in several departments of one subtree is
 * counted once in its total: each person adds one to the union of their departments' chains of parents.
 * Departments missing from the tree are ignored. O(people × departments per person × depth).
 */
export function countMembers(tree: DepartmentTree, people: readonly Member[]): MemberCounts {
  const direct = new Map<number, number>()
  const total = new Map<number, number>()
  const up = new Set<number>()
  const own = new Set<number>()
  for (const person of people) {
    up.clear()
    own.clear()
    for (const id of person.departmentIds) {
      if (!tree.byId.has(id) || own.has(id)) continue
      own.add(id)
      if (up.has(id)) continue
      up.add(id)
      for (const parent of parentsOf(tree, id)) {
        if (up.has(parent)) break // the rest of this chain is already in
        up.add(parent)
      }
    }
    for (const id of own) direct.set(id, (direct.get(id) ?? 0) + 1)
    for (const id of up) total.set(id, (total.get(id) ?? 0) + 1)
  }
  return { direct, total }
}

/** One visible line of the tree, with what the WAI-ARIA tree pattern announces for it. */
export interface OrgRow {
  id: number
  parentId: number | null
  /** 1 for the top */
  level: number
  /** how many siblings it has, itself included */
  setSize: number
  /** its place among its siblings, from 1 */
  posInSet: number
  hasChildren: boolean
  expanded: boolean
}

/**
 * The rows on screen: every root, and the children of every expanded department whose parents are all
 * expanded, in tree order. Each department appears once even if the tree is broken.
 */
export function flattenTree(tree: DepartmentTree, expanded: ReadonlySet<number>): OrgRow[] {
  const rows: OrgRow[] = []
  const seen = new Set<number>()
  const stack: { id: number; parentId: number | null; level: number; setSize: number; posInSet: number }[] = []
  const pushLevel = (ids: readonly number[], parentId: number | null, level: number) => {
    for (let i = ids.length - 1; i >= 0; i--) {
      stack.push({ id: ids[i]!, parentId, level, setSize: ids.length, posInSet: i + 1 })
    }
  }
  pushLevel(tree.roots, null, 1)
  while (stack.length) {
    const item = stack.pop()!
    if (seen.has(item.id) || !tree.byId.has(item.id)) continue
    seen.add(item.id)
    const children = tree.children.get(item.id) ?? []
    const isOpen = children.length > 0 && expanded.has(item.id)
    rows.push({ ...item, hasChildren: children.length > 0, expanded: isOpen })
    if (isOpen) pushLevel(children, item.id, item.level + 1)
  }
  return rows
}

/** What the tree's search box finds. */
export type OrgMatch =
  | { kind: 'department'; departmentId: number }
  | { kind: 'person'; personId: number; departmentId: number }

export interface Named {
  id: number
  fullName: string
  departmentIds: readonly number[]
}

/**
 * Lower-cased, accent-free words of a query, split on spaces only: a department's name is matched with its
 * punctuation ("R&D", "—"), unlike the people search, which splits on it.
 */
function queryWords(query: string): string[] {
  return foldText(query).split(/\s+/).filter(Boolean)
}

/** A folded text matches when it contains every word of the query, in any order. */
function matchesAll(folded: string, words: readonly string[]): boolean {
  return words.every((w) => folded.includes(w))
}

/** Folded names, made once per list so each keystroke only compares. */
export interface OrgSearchIndex {
  departments: { id: number; folded: string }[]
  people: { id: number; departmentId: number; folded: string }[]
}

/** Indexes departments in tree order and the people who belong to a department of the tree. */
export function buildOrgSearchIndex(tree: DepartmentTree, people: readonly Named[]): OrgSearchIndex {
  const departments = flattenTree(tree, new Set(tree.byId.keys())).map((row) => ({
    id: row.id,
    folded: foldText(tree.byId.get(row.id)!.name),
  }))
  const peopleIndex: OrgSearchIndex['people'] = []
  for (const person of people) {
    const departmentId = person.departmentIds.find((d) => tree.byId.has(d))
    if (departmentId !== undefined) peopleIndex.push({ id: person.id, departmentId, folded: foldText(person.fullName) })
  }
  return { departments, people: peopleIndex }
}

/**
 * Departments whose name, then people whose name, contains every word of the query, up to `limit` in all.
 * Names that start with the query come before the rest within each kind.
 */
export function findMatches(index: OrgSearchIndex, query: string, limit = 10): OrgMatch[] {
  const words = queryWords(query)
  if (!words.length || limit <= 0) return []
  const whole = words.join(' ')
  const pick = <T extends { folded: string }>(list: readonly T[], room: number): T[] => {
    const starts: T[] = []
    const rest: T[] = []
    for (const item of list) {
      if (!matchesAll(item.folded, words)) continue
      if (item.folded.startsWith(whole)) starts.push(item)
      else if (rest.length < room) rest.push(item)
      if (starts.length >= room) break
    }
    return [...starts, ...rest].slice(0, room)
  }
  const departments = pick(index.departments, limit).map((d): OrgMatch => ({ kind: 'department', departmentId: d.id }))
  const people = pick(index.people, limit - departments.length).map(
    (p): OrgMatch => ({ kind: 'person', personId: p.id, departmentId: p.departmentId }),
  )
  return [...departments, ...people]
}

/** The departments to expand so that a department shows: every one above it. */
export function toReveal(tree: DepartmentTree, id: number): number[] {
  return tree.byId.has(id) ? parentsOf(tree, id) : []
}

/** The expanded set with the given departments added; the same set when nothing changes. */
export function withExpanded(expanded: ReadonlySet<number>, ids: readonly number[]): ReadonlySet<number> {
  if (ids.every((id) => expanded.has(id))) return expanded
  const next = new Set(expanded)
  for (const id of ids) next.add(id)
  return next
}

/** The expanded set without a department (what is expanded below it stays, for when it opens again). */
export function withCollapsed(expanded: ReadonlySet<number>, id: number): ReadonlySet<number> {
  if (!expanded.has(id)) return expanded
  const next = new Set(expanded)
  next.delete(id)
  return next
}

/**
 * Type-ahead: the next row after `from` (wrapping) whose name starts with the typed text, or -1.
 * `name` gives the folded name of a row.
 */
export function typeAhead(count: number, from: number, typed: string, name: (index: number) => string): number {
  const prefix = foldText(typed)
  if (!prefix || count === 0) return -1
  // one repeated letter cycles through the names starting with it
  const cycling = prefix.length > 1 && [...prefix].every((c) => c === prefix[0])
  const wanted = cycling ? prefix[0]! : prefix
  const start = cycling || prefix.length === 1 ? from + 1 : from
  for (let step = 0; step < count; step++) {
    const i = (start + step) % count
    if (name(i).startsWith(wanted)) return i
  }
  return -1
}
