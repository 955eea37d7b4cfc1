/** A department as the directory uses it (from department.get). */
export interface Department {
  id: number
  name: string
  /** null for the root (the company) */
  parentId: number | null
  /** the head's user ID, null when nobody heads it */
  headId: number | null
  sort: number
}

export interface DepartmentTree {
  byId: ReadonlyMap<number, Department>
  children: ReadonlyMap<number, readonly number[]>
  roots: readonly number[]
}

function intOrNull(value: unknown): number | null {
  const n = Number(value)
  return Number.isInteger(n) && n > 0 ? n : null
}

/** Maps one raw department.get record; PARENT and UF_HEAD are absent for the root and for "no head". */
export function toDepartment(raw: Record<string, unknown>): Department | null {
  const id = intOrNull(raw.ID)
  if (id === null) return null
  const name = typeof raw.NAME === 'string' ? raw.NAME.trim() : ''
  const sort = Number(raw.SORT)
  return {
    id,
    name: name || `#${id}`,
    parentId: intOrNull(raw.PARENT),
    headId: intOrNull(raw.UF_HEAD),
    sort: Number.isFinite(sort) ? sort : 500,
  }
}

/**
 * Indexes departments as a tree. A parent that is missing (not visible, deleted) or that would close a
 * cycle makes the department a root, so every walk below terminates.
 */
export function buildDepartmentTree(departments: readonly Department[]): DepartmentTree {
  const byId = new Map(departments.map((d) => [d.id, d]))
  const parentOf = (id: number): number | null => {
    const parentId = byId.get(id)?.parentId ?? null
    return parentId !== null && byId.has(parentId) ? parentId : null
  }
  const children = new Map<number, number[]>()
  const roots: number[] = []
  for (const department of byId.values()) {
    let parentId = parentOf(department.id)
    // Walk up: if we meet the department itself again, the chain is a cycle; cut it here.
    const seen = new Set([department.id])
    for (let up = parentId; up !== null; up = parentOf(up)) {
      if (seen.has(up)) {
        parentId = null
        break
      }
      seen.add(up)
    }
    if (parentId === null) roots.push(department.id)
    else children.set(parentId, [...(children.get(parentId) ?? []), department.id])
  }
  const bySort = (a: number, b: number) => (byId.get(a)?.sort ?? 0) - (byId.get(b)?.sort ?? 0) || a - b
  roots.sort(bySort)
  for (const list of children.values()) list.sort(bySort)
  return { byId, children, roots }
}

/** The department and everything below it. */
export function subtreeIds(tree: DepartmentTree, id: number): Set<number> {
  const result = new Set<number>()
  const stack = [id]
  while (stack.length) {
    const current = stack.pop()!
    if (result.has(current) || !tree.byId.has(current)) continue
    result.add(current)
    stack.push(...(tree.children.get(current) ?? []))
  }
  return result
}

/** Names from the top of the tree down to the department, e.g. ["Company", "Sales", "Key accounts"]. */
export function departmentPath(tree: DepartmentTree, id: number): string[] {
  const path: string[] = []
  const seen = new Set<number>()
  for (let current: number | null = id; current !== null && !seen.has(current); ) {
    seen.add(current)
    const department = tree.byId.get(current)
    if (!department) break
    path.unshift(department.name)
    const parentId: number | null = department.parentId
    current = parentId !== null && tree.byId.has(parentId) ? parentId : null
  }
  return path
}
