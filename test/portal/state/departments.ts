/**
 * The company structure: a root department (ID 1) and a tree at least four levels deep, about one
 * department per 12 people. IDs follow creation order, not tree order, as on real portals where
 * departments are added over years — so `department.get`'s tree order is not ID order.
 */
import type { FixtureDepartment } from '../types'
import { COMPANY, FUNCTIONS, type DepartmentFunction } from './names'
import type { Rng } from './random'

export interface DepartmentTree {
  departments: FixtureDepartment[]
  /** the business function a department belongs to (its level-2 ancestor), for job titles */
  functionOf: Map<number, DepartmentFunction>
  /** root = 1 */
  depth: Map<number, number>
}

const MAX_DEPTH = 5

export function generateDepartments(rng: Rng, count: number): DepartmentTree {
  const departments: FixtureDepartment[] = []
  const functionOf = new Map<number, DepartmentFunction>()
  const depth = new Map<number, number>()
  const byDepth: number[][] = [[], [], [], [], [], []]
  const usedNames = new Set<string>()

  const add = (name: string, parent: number | null, fn: DepartmentFunction | null): number => {
    const ID = departments.length + 1
    let unique = name
    for (let n = 2; usedNames.has(unique); n++) unique = `${name} ${n}`
    usedNames.add(unique)
    // Bitrix's default sort is 500; some departments are pinned higher or lower by hand
    const SORT = rng.chance(0.7) ? 500 : rng.int(1, 9) * 100
    departments.push({ ID, NAME: unique, SORT, PARENT: parent, UF_HEAD: null })
    const d = parent === null ? 1 : (depth.get(parent) ?? 1) + 1
    depth.set(ID, d)
    byDepth[d]?.push(ID)
    if (fn) functionOf.set(ID, fn)
    return ID
  }

  add(COMPANY, null, null)
  const level2 = Math.min(FUNCTIONS.length, Math.max(4, Math.round(count * 0.12)))
  for (let i = 0; i < level2 && departments.length < count; i++) {
    const fn = FUNCTIONS[i] as DepartmentFunction
    add(fn.name, 1, fn)
  }

  const teamName = (parent: number): { name: string; fn: DepartmentFunction } => {
    const fn = functionOf.get(parent) ?? (FUNCTIONS[0] as DepartmentFunction)
    const team = rng.pick(fn.teams)
    const parentName = departments[parent - 1]?.NAME ?? fn.name
    // deeper levels read like "Backend — Payments" under "Engineering Backend"
    const name = (depth.get(parent) ?? 1) <= 2 ? `${fn.name} ${team}` : `${parentName.split(' — ')[0]} — ${team}`
    return { name, fn }
  }

  // guarantee four levels: root → function → team → sub-team
  if (departments.length < count) {
    const p2 = byDepth[2]?.[0] ?? 1
    const { name, fn } = teamName(p2)
    const p3 = add(name, p2, fn)
    if (departments.length < count) {
      const t = teamName(p3)
      add(t.name, p3, t.fn)
    }
  }

  while (departments.length < count) {
    // mostly teams under functions, fewer deeper sub-teams
    const level = [2, 3, 4][rng.weighted([0.5, 0.35, 0.15])] as number
    const pool = byDepth[Math.min(level, MAX_DEPTH - 1)] ?? []
    const parent = pool.length ? rng.pick(pool) : rng.pick(byDepth[2] ?? [1])
    const { name, fn } = teamName(parent)
    add(name, parent, fn)
  }

  return { departments, functionOf, depth }
}

/** Pre-order walk, siblings by SORT then NAME (how the iblock's LEFT_MARGIN is laid out). */
export function treeOrder(departments: readonly FixtureDepartment[]): FixtureDepartment[] {
  const children = new Map<number | null, FixtureDepartment[]>()
  for (const d of departments) {
    const list = children.get(d.PARENT) ?? []
    list.push(d)
    children.set(d.PARENT, list)
  }
  for (const list of children.values()) {
    list.sort((a, b) => a.SORT - b.SORT || (a.NAME < b.NAME ? -1 : a.NAME > b.NAME ? 1 : 0) || a.ID - b.ID)
  }
  const out: FixtureDepartment[] = []
  const seen = new Set<number>()
  const stack = [...(children.get(null) ?? [])].reverse()
  while (stack.length) {
    const d = stack.pop() as FixtureDepartment
    if (seen.has(d.ID)) continue
    seen.add(d.ID)
    out.push(d)
    const kids = children.get(d.ID) ?? []
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i] as FixtureDepartment)
  }
  // orphans (a parent that does not exist) still show up, at the end
  for (const d of departments) if (!seen.has(d.ID)) out.push(d)
  return out
}
