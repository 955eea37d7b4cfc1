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
  /** the parent each department hangs under in this tree: null for roots, cycles already cut */
  parentOf: ReadonlyMap<number, number | null>
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

/** Whether a value read back from the device is a whole Department of today's shape. */
export function isDepartment(value: unknown): value is Department {
  if (!value || typeof value !== 'object') return false
  const d = value as Record<string, unknown>
  const idOrNull = (v: unknown) => v === null || (Number.isInteger(v) && (v as number) > 0)
  return (
    Number.isInteger(d.id) && (d.id as number) > 0 && typeof d.name === 'string' &&
    idOrNull(d.parentId) && idOrNull(d.headId) && typeof d.sort === 'number' && Number.isFinite(d.sort)
  )
}

/**
 * Indexes departments as a tree. A parent that is missing (not visible, deleted) makes the department a
 * root; a chain of parents that loops is cut at the department where the loop closes, so every walk ends.
 */
export function buildDepartmentTree(departments: readonly Department[]): DepartmentTree {
  const byId = new Map(departments.map((d) => [d.id, d]))
  const parentOf = new Map<number, number | null>()
  for (const d of byId.values()) parentOf.set(d.id, d.parentId !== null && byId.has(d.parentId) ? d.parentId : null)
  const state = new Map<number, 'walking' | 'done'>()
  for (const start of byId.keys()) {
    const path: number[] = []
    for (let cur: number | null = start; cur !== null && state.get(cur) !== 'done'; ) {
      if (state.get(cur) === 'walking') {
        parentOf.set(cur, null)
        break
      }
      state.set(cur, 'walking')
      path.push(cur)
      cur = parentOf.get(cur) ?? null
    }
    for (const id of path) state.set(id, 'done')
  }
  const children = new Map<number, number[]>()
  const roots: number[] = []
  for (const [id, parentId] of parentOf) {
    if (parentId === null) roots.push(id)
    else children.set(parentId, [...(children.get(parentId) ?? []), id])
  }
  const bySort = (a: number, b: number) => (byId.get(a)?.sort ?? 0) - (byId.get(b)?.sort ?? 0) || a - b
  roots.sort(bySort)
  for (const list of children.values()) list.sort(bySort)
  return { byId, parentOf, children, roots }
}

/** The department and every department above it, nearest first. */
export function ancestorsOf(tree: DepartmentTree, id: number): number[] {
  const chain: number[] = []
  // a tree built by hand may still loop: stop at the first department met twice
  const seen = new Set<number>()
  for (let cur: number | null = tree.byId.has(id) ? id : null; cur !== null && !seen.has(cur); ) {
    seen.add(cur)
    chain.push(cur)
    cur = tree.parentOf.get(cur) ?? null
  }
  return chain
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
  return ancestorsOf(tree, id)
    .reverse()
    .map((d) => tree.byId.get(d)!.name)
}
