import type { Person } from '@/domain/people/person'
import type { ScopeAccess } from '@/domain/portal/scope-access'
import { departmentPath, type DepartmentTree } from '@/domain/org/departments'

/** What a complete profile has, in the order the directory lists what is missing. */
const PROFILE_CHECKS = ['photo', 'position', 'phone', 'email'] as const
export type ProfileCheck = (typeof PROFILE_CHECKS)[number]

export interface ProfileCompleteness {
  /** 0..100, whole numbers; 100 only when nothing checked is missing */
  score: number
  /** the checks this profile fails, in PROFILE_CHECKS order */
  missing: ProfileCheck[]
  /** the checks the granted scopes let the directory make, in PROFILE_CHECKS order */
  checked: ProfileCheck[]
}

const PASSES: Record<ProfileCheck, (person: Person) => boolean> = {
  photo: (p) => p.photo !== '',
  position: (p) => p.position !== '',
  // any number people can call counts: work, mobile or the internal extension
  phone: (p) => p.workPhone !== '' || p.mobilePhone !== '' || p.innerPhone !== '',
  email: (p) => p.email !== '',
}

/**
 * The checks the scopes allow. Without contacts (`user_brief`) the portal sends no e-mail, work or mobile
 * phone, so an empty value says nothing about the profile: phone and e-mail are then not checked at all.
 * The internal extension does come in every scope, but it alone does not make phone checkable: a profile
 * with only a work phone would then count as missing one, so both contact checks follow the one rule.
 */
function checksFor(access: Pick<ScopeAccess, 'contacts'>): ProfileCheck[] {
  return PROFILE_CHECKS.filter((check) => access.contacts || (check !== 'phone' && check !== 'email'))
}

/** How much of a profile is filled in, out of what the granted scopes let the directory see. */
export function profileCompleteness(person: Person, access: Pick<ScopeAccess, 'contacts'>): ProfileCompleteness {
  const checked = checksFor(access)
  const missing = checked.filter((check) => !PASSES[check](person))
  // rounded down, so a profile with anything missing never shows 100
  const score = Math.floor((100 * (checked.length - missing.length)) / checked.length)
  return { score, missing, checked }
}

export interface DepartmentCompleteness {
  departmentId: number
  name: string
  /** names from the top of the tree down to the department */
  path: string[]
  /** active direct members */
  people: number
  /** active direct members whose profile scores 100 */
  complete: number
  /** mean score of the active direct members, rounded down so it is 100 only when all are complete */
  averageScore: number
}

/**
 * Profile completeness per department, weakest first (then by name), so admins see where to start.
 * Only active people count, and only in the departments they belong to directly: someone in two
 * departments counts in both, and a parent department does not add up its sub-departments. Departments
 * without active members, and department IDs the tree does not know (not visible, deleted), get no row.
 */
export function departmentCompleteness(
  people: readonly Person[],
  tree: DepartmentTree,
  access: Pick<ScopeAccess, 'contacts'>,
): DepartmentCompleteness[] {
  const totals = new Map<number, { people: number; complete: number; scoreSum: number }>()
  for (const person of people) {
    if (!person.active) continue
    const { score } = profileCompleteness(person, access)
    for (const id of new Set(person.departmentIds)) {
      if (!tree.byId.has(id)) continue
      const total = totals.get(id) ?? { people: 0, complete: 0, scoreSum: 0 }
      total.people += 1
      if (score === 100) total.complete += 1
      total.scoreSum += score
      totals.set(id, total)
    }
  }
  const rows: DepartmentCompleteness[] = []
  for (const [id, total] of totals) {
    rows.push({
      departmentId: id,
      name: tree.byId.get(id)!.name,
      path: departmentPath(tree, id),
      people: total.people,
      complete: total.complete,
      averageScore: Math.floor(total.scoreSum / total.people),
    })
  }
  return rows.sort(
    (a, b) => a.averageScore - b.averageScore || a.name.localeCompare(b.name) || a.departmentId - b.departmentId,
  )
}
