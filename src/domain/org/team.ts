import type { Person } from '@/domain/people/person'
import { NO_FACETS } from '@/domain/people/facets'
import { DEFAULT_VIEW, type ViewState } from '@/domain/view/view-state'
import type { AroundCounts, PortalTotals, ReportsPlan } from './person-around'

/** How many people a card's list shows before "and N more". */
export const SHORT_LIST = 12

/**
 * The directory list behind a card's "and N more": the people of some departments, and of the departments
 * below them when `withSubdepartments`.
 */
export interface DepartmentList {
  departmentIds: number[]
  withSubdepartments: boolean
}

/** The directory view that shows a department list: its department facet, nothing else narrowed. */
export function listView(list: DepartmentList): ViewState {
  return {
    ...DEFAULT_VIEW,
    facets: { ...NO_FACETS, departments: [...list.departmentIds], withSubdepartments: list.withSubdepartments },
  }
}

/** Colleagues are whoever shares one of these departments; null when there is none to list. */
export function colleagueList(departmentIds: readonly number[]): DepartmentList | null {
  return departmentIds.length ? { departmentIds: [...departmentIds], withSubdepartments: false } : null
}

/**
 * The smallest list that holds every direct report: the members of the departments they head, plus the
 * departments below when the heads of those report to them too. Null for someone who heads nothing.
 */
export function reportList(plan: ReportsPlan): DepartmentList | null {
  if (plan.headed.length === 0) return null
  return { departmentIds: [...plan.headed], withSubdepartments: plan.childHeads.length > 0 }
}

/** Online people first, each side in the order given: who can answer now is what a team list is read for. */
export function onlineFirst(people: readonly Person[]): Person[] {
  return [...people.filter((p) => p.online), ...people.filter((p) => !p.online)]
}

export interface TeamGroup {
  /** the loaded people of the group, online first */
  people: Person[]
  /** how many there are in all, loaded or not */
  count: number
  /** where "and N more" leads; null when there is no list to open */
  list: DepartmentList | null
}

export interface Team {
  /** the heads up the tree, nearest first */
  managers: Person[]
  reports: TeamGroup
  /** people in their departments who are neither their managers nor their reports */
  colleagues: TeamGroup
}

/** The people around a person as the person store has them: managerChain, reportsOf().direct, colleaguesOf. */
export interface AroundPeople {
  managers: readonly Person[]
  reports: readonly Person[]
  colleagues: readonly Person[]
}

/**
 * A person's team with nobody listed twice: a manager is not also a colleague, and a head's members are
 * their reports, not their colleagues (a head who sits in the department they head has no colleagues there).
 * `counts` and `totals` are the portal's counts around the person (countsAround); NO_TOTALS when the
 * loaded lists hold everyone.
 */
export function teamOf(person: Person, plan: ReportsPlan, around: AroundPeople, counts: AroundCounts, totals: PortalTotals): Team {
  const listed = new Set<number>([person.id])
  const once = (people: readonly Person[]) =>
    people.filter((p) => {
      if (listed.has(p.id)) return false
      listed.add(p.id)
      return true
    })
  const managers = once(around.managers)
  const reports = once(around.reports)
  const colleagues = once(around.colleagues)

  const headed = new Set(plan.headed)
  const mine = new Set(person.departmentIds)
  const isMember = (p: Person) => p.departmentIds.some((d) => headed.has(d))
  const sharesDepartment = (p: Person) => p.departmentIds.some((d) => mine.has(d))
  // who among the portal's colleagues is shown as a manager or a report instead; when every department they
  // head is one of theirs, each member is such a colleague, and the portal counted the members
  const headsEverySharedDepartment = plan.headed.length > 0 && plan.headed.every((d) => mine.has(d)) && totals.members !== null
  const membersAmongColleagues = headsEverySharedDepartment
    ? Math.max(0, (totals.members ?? 0) - (person.active ? 1 : 0))
    : around.colleagues.filter((p) => p.id !== person.id && isMember(p)).length
  const othersAmongColleagues = [...managers, ...reports].filter((p) => sharesDepartment(p) && !isMember(p)).length
  const colleagueCount =
    totals.colleagues === null ? colleagues.length : Math.max(colleagues.length, counts.colleagues - membersAmongColleagues - othersAmongColleagues)

  return {
    managers,
    reports: {
      people: onlineFirst(reports),
      count: Math.max(reports.length, counts.directReports - (around.reports.length - reports.length)),
      list: reportList(plan),
    },
    colleagues: {
      people: onlineFirst(colleagues),
      count: colleagueCount,
      list: colleagueList(person.departmentIds.filter((d) => !headed.has(d))),
    },
  }
}
