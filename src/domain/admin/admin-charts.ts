import { ancestorsOf, subtreeIds, type DepartmentTree } from '@/domain/org/departments'
import { joinedOn, type Person } from '@/domain/people/person'

/** One bar of the headcount chart: a department and the active people anywhere below it. */
export interface HeadcountRow {
  departmentId: number
  name: string
  /** distinct active people in the department and all its sub-departments */
  count: number
  hasChildren: boolean
  /** the bar of people placed in the parent itself, not in any of its sub-departments */
  direct?: true
}

export interface JoinersRow {
  /** YYYY-MM */
  month: string
  count: number
}

export interface StatusShare {
  /** active employees (and other non-extranet accounts) */
  active: number
  /** dismissed people of any type */
  dismissed: number
  /** active extranet users */
  extranet: number
}

/** Average profile completeness of one department, as the completeness chart draws it. */
export interface CompletenessRow {
  departmentId: number
  name: string
  /** 0–100 */
  averageScore: number
  people: number
}

/** One step of the headcount drill-down: null is the top level, above every department. */
export interface DrillStep {
  id: number | null
  name: string
}

const byCountThenName = (a: HeadcountRow, b: HeadcountRow) => b.count - a.count || a.name.localeCompare(b.name)

/**
 * The department whose children a level shows: the single root stands for the top level, so a company
 * with one root opens on its departments rather than on one bar holding everybody.
 */
function levelParent(tree: DepartmentTree, parentId: number | null): number | null {
  if (parentId !== null) return tree.byId.has(parentId) ? parentId : null
  return tree.roots.length === 1 ? (tree.roots[0] ?? null) : null
}

/**
 * Headcount of one drill-down level: a bar per child department, plus a bar of the people placed directly
 * in the parent so the bars add up to the parent's headcount. A person in two departments of one branch
 * counts once there; a person in two branches counts in both, as each branch has them.
 */
export function headcountByDepartment(
  people: readonly Person[],
  tree: DepartmentTree,
  parentId: number | null,
): HeadcountRow[] {
  if (parentId !== null && !tree.byId.has(parentId)) return []
  const parent = levelParent(tree, parentId)
  const branches = parent === null ? tree.roots : (tree.children.get(parent) ?? [])
  // each department below the level points at the bar it adds to; the parent itself points at its own
  const barOf = new Map<number, number>()
  for (const branch of branches) for (const id of subtreeIds(tree, branch)) barOf.set(id, branch)
  if (parent !== null) barOf.set(parent, parent)

  const counts = new Map<number, number>()
  for (const person of people) {
    if (!person.active) continue
    const bars = new Set<number>()
    for (const id of person.departmentIds) {
      const bar = barOf.get(id)
      if (bar !== undefined) bars.add(bar)
    }
    // someone in the parent and in one of its branches already shows in that branch
    if (bars.size > 1 && parent !== null) bars.delete(parent)
    for (const bar of bars) counts.set(bar, (counts.get(bar) ?? 0) + 1)
  }

  const name = (id: number) => tree.byId.get(id)?.name ?? `#${id}`
  const rows: HeadcountRow[] = branches.map((id) => ({
    departmentId: id,
    name: name(id),
    count: counts.get(id) ?? 0,
    hasChildren: (tree.children.get(id)?.length ?? 0) > 0,
  }))
  const direct = parent === null ? 0 : (counts.get(parent) ?? 0)
  if (parent !== null && direct > 0) {
    rows.push({ departmentId: parent, name: name(parent), count: direct, hasChildren: false, direct: true })
  }
  return rows.sort(byCountThenName)
}

/**
 * The breadcrumb of a drill-down level below the top one: the departments from the top down to parentId.
 * A single root is the top level itself, so it is left out.
 */
export function drillPath(tree: DepartmentTree, parentId: number | null): DrillStep[] {
  if (parentId === null) return []
  const single = tree.roots.length === 1 ? tree.roots[0] : undefined
  return ancestorsOf(tree, parentId)
    .reverse()
    .filter((id) => id !== single)
    .map((id) => ({ id, name: tree.byId.get(id)!.name }))
}

function monthKey(year: number, monthIndex: number): string {
  return `${year}-${String(monthIndex + 1).padStart(2, '0')}`
}

/**
 * People who joined in each of the last `months` calendar months, oldest first, today's month last.
 * Joining is the employment date, or the account's creation when none is set. Dismissed people count too:
 * they did join in that month.
 */
export function joinersByMonth(people: readonly Person[], today: Date, months = 24): JoinersRow[] {
  const rows: JoinersRow[] = []
  for (let back = Math.max(0, Math.floor(months)) - 1; back >= 0; back--) {
    // Date rolls a negative month back into the previous years
    const first = new Date(today.getFullYear(), today.getMonth() - back, 1)
    rows.push({ month: monthKey(first.getFullYear(), first.getMonth()), count: 0 })
  }
  const byMonth = new Map(rows.map((row) => [row.month, row]))
  for (const person of people) {
    const joined = joinedOn(person)
    const row = byMonth.get(joined.slice(0, 7))
    if (row) row.count++
  }
  return rows
}

/** Everyone split three ways; dismissed extranet users count as dismissed. */
export function statusShare(people: readonly Person[]): StatusShare {
  const share: StatusShare = { active: 0, dismissed: 0, extranet: 0 }
  for (const person of people) {
    if (!person.active) share.dismissed++
    else if (person.userType === 'extranet') share.extranet++
    else share.active++
  }
  return share
}

/** The departments with the least complete profiles first, so the ones to follow up on lead the chart. */
export function worstCompleteness(rows: readonly CompletenessRow[], limit = 15): CompletenessRow[] {
  return [...rows]
    .sort((a, b) => a.averageScore - b.averageScore || a.name.localeCompare(b.name))
    .slice(0, Math.max(0, limit))
}
