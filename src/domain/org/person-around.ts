import type { Person } from '@/domain/people/person'
import { ancestorsOf, subtreeIds, type DepartmentTree } from './departments'
import type { Reports } from './org-people'

/**
 * The heads up the tree from these departments, nearest first, the person themselves left out: the IDs
 * managerChain looks up, known before the heads themselves are loaded so they can be asked for by ID.
 */
export function managerIds(personId: number, departmentIds: readonly number[], tree: DepartmentTree): number[] {
  const ids: number[] = []
  const seen = new Set<number>([personId])
  for (const departmentId of departmentIds) {
    for (const id of ancestorsOf(tree, departmentId)) {
      const headId = tree.byId.get(id)?.headId
      if (headId === null || headId === undefined || seen.has(headId)) continue
      seen.add(headId)
      ids.push(headId)
    }
  }
  return ids
}

/** What reportsOf needs from the portal for one person, worked out from the tree alone. */
export interface ReportsPlan {
  /** the departments they head: their members report to them */
  headed: number[]
  /** the headed departments and everything below them, for the count of everyone below */
  below: number[]
  /** the heads of the departments right below the headed ones */
  childHeads: number[]
}

export function reportsPlan(personId: number, tree: DepartmentTree): ReportsPlan {
  const headed = [...tree.byId.values()].filter((d) => d.headId === personId).map((d) => d.id)
  const below = new Set<number>()
  for (const id of headed) subtreeIds(tree, id).forEach((d) => below.add(d))
  const childHeads = new Set<number>()
  for (const id of headed) {
    for (const child of tree.children.get(id) ?? []) {
      const headId = tree.byId.get(child)?.headId
      if (headId && headId !== personId) childHeads.add(headId)
    }
  }
  return { headed, below: [...below].sort((x, y) => x - y), childHeads: [...childHeads] }
}

/**
 * What the portal counted around a person (user.get `total`, working people only), when only the first
 * page of each list was read. Each count includes the person themselves when they are one of them.
 */
export interface PortalTotals {
  /** working people in the person's departments */
  colleagues: number | null
  /** working members of the departments they head */
  members: number | null
  /** working people in the departments they head and below */
  below: number | null
}

export const NO_TOTALS: PortalTotals = { colleagues: null, members: null, below: null }

export interface AroundCounts {
  colleagues: number
  /** direct reports: members of the departments they head and the heads right below */
  directReports: number
  /** everyone below them */
  below: number
}

/**
 * How many colleagues and reports a person has, when only some of them are loaded: the portal's counts
 * (less the person themselves) where they say more than the loaded people do. Never fewer than are shown.
 */
export function countsAround(
  person: Person,
  tree: DepartmentTree,
  shown: { colleagues: readonly Person[]; reports: Reports },
  totals: PortalTotals,
): AroundCounts {
  const includesSelf = (departments: readonly number[]) => {
    const set = new Set(departments)
    return person.active && person.departmentIds.some((d) => set.has(d)) ? 1 : 0
  }
  const plan = reportsPlan(person.id, tree)
  const headed = new Set(plan.headed)
  const loadedMembers = shown.reports.direct.filter((p) => p.departmentIds.some((d) => headed.has(d))).length
  const missingMembers = totals.members === null ? 0 : Math.max(0, totals.members - includesSelf(plan.headed) - loadedMembers)
  return {
    colleagues: Math.max(shown.colleagues.length, (totals.colleagues ?? 0) - includesSelf(person.departmentIds)),
    directReports: shown.reports.direct.length + missingMembers,
    below: Math.max(shown.reports.total, (totals.below ?? 0) - includesSelf(plan.below)),
  }
}
