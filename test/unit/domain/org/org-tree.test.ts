import { describe, expect, it } from 'vitest'
import { buildDepartmentTree, type Department, type DepartmentTree } from '@/domain/org/departments'
import {
  buildOrgSearchIndex,
  countMembers,
  findMatches,
  flattenTree,
  parentsOf,
  toReveal,
  typeAhead,
  withCollapsed,
  withExpanded,
} from '@/domain/org/org-tree'

function dept(id: number, name: string, parentId: number | null, sort = 500): Department {
  return { id, name, parentId, headId: null, sort }
}

function person(id: number, fullName: string, departmentIds: number[]) {
  return { id, fullName, departmentIds }
}

//  1 Company
//  ├─ 2 Sales
//  │  ├─ 3 Key accounts
//  │  └─ 4 Retail
//  └─ 5 Engineering
//     └─ 6 Backend
//        └─ 7 Payments
const tree = buildDepartmentTree([
  dept(1, 'Company', null),
  dept(2, 'Sales', 1, 100),
  dept(3, 'Key accounts', 2),
  dept(4, 'Retail', 2, 600),
  dept(5, 'Engineering', 1, 200),
  dept(6, 'Backend', 5),
  dept(7, 'Payments', 6),
])

describe('countMembers', () => {
  it('counts direct members and everyone below, each person once per subtree', () => {
    const { direct, total } = countMembers(tree, [
      person(1, 'Ann', [3]),
      person(2, 'Bob', [3, 4]), // two departments under Sales: once in Sales and Company
      person(3, 'Cid', [2, 3]), // a department and one below it
      person(4, 'Dee', [7]),
      person(5, 'Eve', [4, 7]), // two branches: once in Company
      person(6, 'Fay', [99]), // a department not in the tree
      person(7, 'Gus', []),
    ])
    expect(direct.get(3)).toBe(3)
    expect(direct.get(4)).toBe(2)
    expect(direct.get(2)).toBe(1)
    expect(direct.get(1)).toBeUndefined()
    expect(total.get(3)).toBe(3)
    expect(total.get(2)).toBe(4)
    expect(total.get(5)).toBe(2)
    expect(total.get(6)).toBe(2)
    expect(total.get(7)).toBe(2)
    expect(total.get(1)).toBe(5)
    expect(total.has(99)).toBe(false)
  })

  it('counts a department listed twice for one person once', () => {
    const { direct, total } = countMembers(tree, [person(1, 'Ann', [3, 3])])
    expect(direct.get(3)).toBe(1)
    expect(total.get(1)).toBe(1)
  })

  it('ends on a tree whose parent links loop even though buildDepartmentTree cuts loops', () => {
    const looped: DepartmentTree = {
      byId: new Map([1, 2, 3].map((id) => [id, dept(id, `D${id}`, null)])),
      parentOf: new Map([[1, 2], [2, 3], [3, 1]]),
      children: new Map([[2, [1]], [3, [2]], [1, [3]]]),
      roots: [1],
    }
    const { total } = countMembers(looped, [person(1, 'Ann', [1]), person(2, 'Bob', [2, 3])])
    expect(total.get(1)).toBe(2)
    expect(total.get(2)).toBe(2)
    expect(total.get(3)).toBe(2)
    expect(parentsOf(looped, 1)).toEqual([2, 3])
    expect(flattenTree(looped, new Set([1, 2, 3])).map((r) => r.id)).toEqual([1, 3, 2])
  })
})

describe('flattenTree', () => {
  it('shows the roots, and the children of expanded departments in sort order', () => {
    expect(flattenTree(tree, new Set()).map((r) => r.id)).toEqual([1])
    const rows = flattenTree(tree, new Set([1, 2]))
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5])
    expect(rows[0]).toEqual({ id: 1, parentId: null, level: 1, setSize: 1, posInSet: 1, hasChildren: true, expanded: true })
    expect(rows[1]).toMatchObject({ id: 2, parentId: 1, level: 2, setSize: 2, posInSet: 1, expanded: true })
    expect(rows[3]).toMatchObject({ id: 4, level: 3, setSize: 2, posInSet: 2, hasChildren: false, expanded: false })
    expect(rows[4]).toMatchObject({ id: 5, level: 2, setSize: 2, posInSet: 2, hasChildren: true, expanded: false })
  })

  it('hides the children of a department under a collapsed one, even when they are expanded', () => {
    expect(flattenTree(tree, new Set([1, 6])).map((r) => r.id)).toEqual([1, 2, 5])
    expect(flattenTree(tree, new Set([1, 5, 6])).map((r) => r.id)).toEqual([1, 2, 5, 6, 7])
    // a leaf in the expanded set is no parent
    expect(flattenTree(tree, new Set([1, 5, 6, 7])).at(-1)).toMatchObject({ id: 7, level: 4, expanded: false })
  })

  it('flattens thousands of departments', () => {
    const many = [dept(1, 'Root', null), ...Array.from({ length: 5000 }, (_, i) => dept(i + 2, `D${i}`, Math.floor(i / 10) + 1))]
    const big = buildDepartmentTree(many)
    const rows = flattenTree(big, new Set(big.byId.keys()))
    expect(rows).toHaveLength(5001)
    expect(new Set(rows.map((r) => r.id)).size).toBe(5001)
  })
})

describe('search', () => {
  const people = [
    person(10, 'Anna Petrova', [6]),
    person(11, 'José Sales', [4]),
    person(12, 'Nobody Anywhere', [99]),
  ]
  const index = buildOrgSearchIndex(tree, people)

  it('finds departments (in tree order) before people, ignoring case, accents and word order', () => {
    expect(findMatches(index, 'sales')).toEqual([
      { kind: 'department', departmentId: 2 },
      { kind: 'person', personId: 11, departmentId: 4 },
    ])
    expect(findMatches(index, 'petrova anna')).toEqual([{ kind: 'person', personId: 10, departmentId: 6 }])
    expect(findMatches(index, 'jose')).toEqual([{ kind: 'person', personId: 11, departmentId: 4 }])
    expect(findMatches(index, 'ACC')).toEqual([{ kind: 'department', departmentId: 3 }])
  })

  it('puts names that start with the query first, and stops at the limit', () => {
    // "Payments" starts with "pa" and comes first although "Company" (which has it inside) is above it
    expect(findMatches(index, 'pa').map((m) => m.departmentId)).toEqual([7, 1])
    expect(findMatches(index, 'e', 2)).toHaveLength(2)
    expect(findMatches(index, '   ')).toEqual([])
    expect(findMatches(index, 'nobody')).toEqual([]) // not in any department of the tree
  })

  it('names the departments to expand to reveal a match', () => {
    expect(toReveal(tree, 7)).toEqual([6, 5, 1])
    expect(toReveal(tree, 1)).toEqual([])
    expect(toReveal(tree, 42)).toEqual([])
    const expanded = withExpanded(new Set([1]), toReveal(tree, 7))
    expect(flattenTree(tree, expanded).map((r) => r.id)).toContain(7)
  })
})

describe('expanded sets and type-ahead', () => {
  it('keeps the same set when nothing changes', () => {
    const set = new Set([1, 2])
    expect(withExpanded(set, [1])).toBe(set)
    expect(withCollapsed(set, 3)).toBe(set)
    expect([...withCollapsed(set, 2)]).toEqual([1])
    expect([...withExpanded(set, [5])]).toEqual([1, 2, 5])
  })

  it('finds the next name starting with the typed letters, wrapping around', () => {
    const names = ['company', 'sales', 'key accounts', 'retail', 'engineering', 'security']
    const at = (i: number) => names[i]!
    expect(typeAhead(names.length, 0, 's', at)).toBe(1)
    expect(typeAhead(names.length, 1, 's', at)).toBe(5)
    expect(typeAhead(names.length, 5, 's', at)).toBe(1)
    expect(typeAhead(names.length, 1, 'se', at)).toBe(5)
    expect(typeAhead(names.length, 0, 'ss', at)).toBe(1)
    expect(typeAhead(names.length, 0, 'x', at)).toBe(-1)
  })
})
