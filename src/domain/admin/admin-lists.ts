import { lastSeenAt, type Person } from '@/domain/people/person'
import type { ScopeAccess } from '@/domain/portal/scope-access'
import type { Department, DepartmentTree } from '@/domain/org/departments'
import { profileCompleteness } from '@/domain/people/profile-completeness'
import { flattenTree } from '@/domain/org/org-tree'

/** The staff hygiene lists admins can open, in the order the admin view offers them. */
export const ADMIN_LIST_KEYS = [
  'dismissed',
  'extranet',
  'neverLoggedIn',
  'inactive',
  'noDepartment',
  'multiDepartment',
  'incomplete',
] as const
export type AdminListKey = (typeof ADMIN_LIST_KEYS)[number]

export interface ListContext {
  /** the viewer's "now"; inactivity is counted in calendar days in the viewer's local time */
  today: Date
  /** how many whole days without activity make someone inactive (see inactive-days.ts) */
  inactiveDays: number
  access: Pick<ScopeAccess, 'contacts' | 'lastLogin'>
}

export type AdminListResult =
  | { available: true; people: Person[] }
  /** the list needs LAST_LOGIN, which only the `user` scope sends */
  | { available: false; reason: 'needsUserScope' }

const DAY_MS = 24 * 60 * 60 * 1000

/** Days since 1970-01-01 of the local calendar date, so a daylight saving change never shifts the count. */
function localDayNumber(time: number): number {
  const date = new Date(time)
  return Math.round(Date.UTC(date.getFullYear(), date.getMonth(), date.getDate()) / DAY_MS)
}

type Rule = (person: Person) => boolean

/** Each list's rule for one person; built once per list so the context is read once. */
const RULES: Record<AdminListKey, (ctx: ListContext) => Rule> = {
  // dismissed: people whose account is deactivated (ACTIVE is false)
  dismissed: () => (p) => !p.active,
  // extranet: extranet users, active or dismissed
  extranet: () => (p) => p.userType === 'extranet',
  // neverLoggedIn: active people with no last login (needs the `user` scope, the only one sending LAST_LOGIN)
  neverLoggedIn: () => (p) => p.active && p.lastLogin === '',
  // inactive: active people last seen (last login, or last activity when the portal sends it) more than N whole days
  // ago, or never. user.get sends LAST_ACTIVITY_DATE as {} on most portals, so this needs the `user` scope too.
  inactive: (ctx) => {
    const todayNumber = localDayNumber(ctx.today.getTime())
    return (p) => {
      if (!p.active) return false
      const seen = lastSeenAt(p)
      // no readable date: an empty last login means "never came"; one Date cannot read means nothing is known
      if (seen === null) return p.lastLogin === ''
      return todayNumber - localDayNumber(seen) > ctx.inactiveDays
    }
  },
  // noDepartment: active employees who belong to no department
  noDepartment: () => (p) => p.active && p.userType === 'employee' && p.departmentIds.length === 0,
  // multiDepartment: active people who belong to two or more departments
  multiDepartment: () => (p) => p.active && new Set(p.departmentIds).size >= 2,
  // incomplete: active people whose profile misses a photo, position, phone or e-mail (contacts only when the scope sends them)
  incomplete: (ctx) => (p) => p.active && profileCompleteness(p, ctx.access).score < 100,
}

/** Lists that cannot be built without the last login: they are unavailable, never guessed from other fields. */
const NEEDS_LAST_LOGIN: ReadonlySet<AdminListKey> = new Set<AdminListKey>(['neverLoggedIn', 'inactive'])

/** The people one admin list shows, in the order given. */
export function peopleInList(key: AdminListKey, people: readonly Person[], ctx: ListContext): AdminListResult {
  if (NEEDS_LAST_LOGIN.has(key) && !ctx.access.lastLogin) return { available: false, reason: 'needsUserScope' }
  return { available: true, people: people.filter(RULES[key](ctx)) }
}

export interface HeadlessDepartment {
  department: Department
  /** none: no head set; headDismissed: the head's account is deactivated; headUnknown: the head is not among the people loaded */
  reason: 'none' | 'headDismissed' | 'headUnknown'
}

/** Every department in tree order (depth first, children in their order); departments a loop cut off follow. */
function treeOrder(tree: DepartmentTree): Department[] {
  const everyDepartmentOpen = new Set(tree.byId.keys())
  const order = flattenTree(tree, everyDepartmentOpen).map((row) => tree.byId.get(row.id)!)
  const placed = new Set(order.map((department) => department.id))
  for (const department of tree.byId.values()) if (!placed.has(department.id)) order.push(department)
  return order
}

/** Departments nobody active heads, in tree order, with the reason each is listed. */
export function departmentsWithoutHead(tree: DepartmentTree, people: readonly Person[]): HeadlessDepartment[] {
  const byId = new Map(people.map((p) => [p.id, p]))
  const result: HeadlessDepartment[] = []
  for (const department of treeOrder(tree)) {
    if (department.headId === null) {
      result.push({ department, reason: 'none' })
      continue
    }
    const head = byId.get(department.headId)
    if (!head) result.push({ department, reason: 'headUnknown' })
    else if (!head.active) result.push({ department, reason: 'headDismissed' })
  }
  return result
}
