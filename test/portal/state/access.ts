/**
 * Access codes (portal-protocol.md §3.6): what `user.access` matches against and what `access.name` names.
 * U<id> self; G<group>; IU<id> self and, for heads, every subordinate; D<dept> for departments one belongs
 * to or heads; DR<dept> for those and every ancestor; SG<group>_K for workgroup membership.
 */
import type { FixtureUser } from '../types'
import type { Directory } from './directory'

export function accessCodes(dir: Directory, userId: number): Set<string> {
  const codes = new Set<string>()
  const user = dir.byId.get(userId)
  if (!user) return codes
  codes.add(`U${user.ID}`)
  for (const g of user.groups) codes.add(`G${g}`)
  for (const g of user.socialGroups) codes.add(`SG${g}_K`)
  if (user.USER_TYPE !== 'employee') return codes

  codes.add(`IU${user.ID}`)
  const headed = dir.headOf.get(user.ID) ?? []
  for (const d of new Set([...user.UF_DEPARTMENT, ...headed])) {
    codes.add(`D${d}`)
    for (const a of dir.ancestors(d)) codes.add(`DR${a}`)
  }
  // a head is a manager of everyone below: IU<x> reads "x and x's managers"
  for (const d of headed) {
    for (const sub of dir.descendants(d)) for (const m of dir.members.get(sub) ?? []) codes.add(`IU${m.ID}`)
  }
  return codes
}

export interface AccessName {
  name: string
  provider: string
  provider_id: string
}

const fullName = (u: FixtureUser): string => `${u.NAME} ${u.LAST_NAME}`.trim() || u.LOGIN

/** CAccess::GetNames for one code; undefined = unknown code (omitted from access.name). */
export function accessName(dir: Directory, code: string): AccessName | undefined {
  if (code === 'G2') return { provider: '', name: 'All visitors', provider_id: 'other' }
  if (code === 'AU') return { provider: '', name: 'All authorized users', provider_id: 'other' }
  if (code === 'CR') return { provider: '', name: 'Author', provider_id: 'other' }
  let m = /^G(\d+)$/.exec(code)
  if (m) {
    const g = dir.fixtures.groups.find((x) => x.ID === Number(m?.[1]))
    return g ? { provider: 'User groups', name: g.NAME, provider_id: 'group' } : undefined
  }
  m = /^(U|IU)(\d+)$/.exec(code)
  if (m) {
    const u = dir.byId.get(Number(m[2]))
    if (!u) return undefined
    return m[1] === 'U'
      ? { provider: 'Users', name: fullName(u), provider_id: 'user' }
      : { provider: 'Employees and managers', name: fullName(u), provider_id: 'intranet' }
  }
  m = /^(D|DR)(\d+)$/.exec(code)
  if (m) {
    const d = dir.departments.get(Number(m[2]))
    if (!d) return undefined
    return { provider: 'Departments', name: m[1] === 'D' ? d.NAME : `${d.NAME} (with subdepartments)`, provider_id: 'intranet' }
  }
  m = /^SG(\d+)_([AEK])$/.exec(code)
  if (m) {
    const g = dir.fixtures.socialGroups.find((x) => x.ID === Number(m?.[1]))
    const role = m[2] === 'A' ? 'owner' : m[2] === 'E' ? 'moderators' : 'all members'
    return g ? { provider: 'Workgroups', name: `${g.NAME}: ${role}`, provider_id: 'socnetgroup' } : undefined
  }
  return undefined
}
