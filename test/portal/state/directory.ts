/**
 * Read indexes over the fixtures: people sorted by ID (binary search for `>ID` cursors), the department
 * tree, heads, workgroup members, and the extranet visibility rule of user.get. Rebuilt whenever the
 * people change, so nothing here is ever stale; `revision` tells caches apart.
 */
import type { FixtureDepartment, FixtureUser, Fixtures } from '../types'
import { treeOrder } from './departments'

export interface Visibility {
  /** cache key part: who is restricted how */
  key: string
  test: (u: FixtureUser) => boolean
}

let revisions = 0

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

export class Directory {
  readonly revision = ++revisions
  /** everyone, bots included, by ID */
  readonly users: FixtureUser[]
  /** people user.get can return (no bots, e-mail, connector or replica users), by ID */
  readonly people: FixtureUser[]
  readonly byId = new Map<number, FixtureUser>()
  readonly departments = new Map<number, FixtureDepartment>()
  readonly tree: FixtureDepartment[]
  readonly children = new Map<number, number[]>()
  /** active employees directly in a department */
  readonly members = new Map<number, FixtureUser[]>()
  readonly headOf = new Map<number, number[]>()
  readonly groupMembers = new Map<number, Set<number>>()
  /** per-query results (see rest/methods/user-filter.ts), dropped with the directory */
  readonly queryCache = new Map<string, FixtureUser[]>()
  private ancestorCache = new Map<number, number[]>()
  private groupUsersCache = new Map<number, Set<number>>()

  constructor(readonly fixtures: Fixtures) {
    this.users = [...fixtures.users].sort((a, b) => a.ID - b.ID)
    this.people = this.users.filter((u) => u.EXTERNAL_AUTH_ID === null)
    for (const u of this.users) this.byId.set(u.ID, u)
    for (const d of fixtures.departments) {
      this.departments.set(d.ID, d)
      if (d.PARENT !== null) push(this.children, d.PARENT, d.ID)
      if (d.UF_HEAD !== null) push(this.headOf, d.UF_HEAD, d.ID)
    }
    this.tree = treeOrder(fixtures.departments)
    for (const u of this.people) {
      for (const g of u.socialGroups) {
        const set = this.groupMembers.get(g) ?? new Set<number>()
        set.add(u.ID)
        this.groupMembers.set(g, set)
      }
      if (!u.ACTIVE || u.USER_TYPE !== 'employee') continue
      for (const d of u.UF_DEPARTMENT) push(this.members, d, u)
    }
  }

  /** index of the first person with ID > id (people list) */
  firstAfter(list: readonly FixtureUser[], id: number): number {
    let lo = 0
    let hi = list.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if ((list[mid] as FixtureUser).ID <= id) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  /** the department and all its parents, nearest first */
  ancestors(deptId: number): number[] {
    const cached = this.ancestorCache.get(deptId)
    if (cached) return cached
    const out: number[] = []
    const seen = new Set<number>()
    let cur: number | null | undefined = deptId
    while (cur !== null && cur !== undefined && this.departments.has(cur) && !seen.has(cur)) {
      seen.add(cur)
      out.push(cur)
      cur = this.departments.get(cur)?.PARENT
    }
    this.ancestorCache.set(deptId, out)
    return out
  }

  /** the department and everything below it */
  descendants(deptId: number): number[] {
    const out: number[] = []
    const stack = [deptId]
    const seen = new Set<number>()
    while (stack.length) {
      const d = stack.pop() as number
      if (seen.has(d) || !this.departments.has(d)) continue
      seen.add(d)
      out.push(d)
      stack.push(...(this.children.get(d) ?? []))
    }
    return out
  }

  departmentNames(u: FixtureUser): string[] {
    return u.UF_DEPARTMENT.map((d) => this.departments.get(d)?.NAME).filter((n): n is string => n !== undefined)
  }

  /** CExtranet::getMyGroupsUsersSimple: everyone in the viewer's workgroups (the viewer included) */
  groupUsers(viewer: FixtureUser): Set<number> {
    const cached = this.groupUsersCache.get(viewer.ID)
    if (cached) return cached
    const out = new Set<number>()
    for (const g of viewer.socialGroups) for (const id of this.groupMembers.get(g) ?? []) out.add(id)
    this.groupUsersCache.set(viewer.ID, out)
    return out
  }

  /**
   * user.get's always-on extranet restriction (portal-protocol.md §3.2, rest/lib/api/user.php), or null
   * when the viewer sees everyone:
   * - ADMIN_MODE lifts it for admins;
   * - an intranet admin filtering by an exact `ID` key is not restricted either (the code checks isset($filter['ID']));
   * - an intranet user sees people with a department, plus the members of their workgroups;
   * - an extranet user sees their workgroups' members and themselves.
   */
  visibility(viewer: FixtureUser, adminMode: boolean, filterHasId: boolean): Visibility | null {
    if (adminMode && viewer.isAdmin) return null
    const shared = this.groupUsers(viewer)
    if (viewer.USER_TYPE === 'employee') {
      if (filterHasId && viewer.isAdmin) return null
      if (!shared.size) return { key: 'intranet', test: (u) => u.UF_DEPARTMENT.length > 0 }
      return { key: `intranet:${viewer.ID}`, test: (u) => u.UF_DEPARTMENT.length > 0 || shared.has(u.ID) }
    }
    return { key: `extranet:${viewer.ID}`, test: (u) => u.ID === viewer.ID || shared.has(u.ID) }
  }
}
