import { describe, expect, it } from 'vitest'
import { buildDepartmentTree, departmentPath, subtreeIds, toDepartment, type Department } from '@/domain/org/departments'

function dept(id: number, name: string, parentId: number | null, headId: number | null = null): Department {
  return { id, name, parentId, headId, sort: 500 }
}

describe('departments', () => {
  const tree = buildDepartmentTree([
    dept(1, 'Company', null, 1),
    dept(2, 'Sales', 1, 5),
    dept(3, 'Key accounts', 2),
    dept(4, 'IT', 1),
    dept(5, 'Orphan', 99),
  ])

  it('maps department.get records, where PARENT and UF_HEAD are absent for the root and "no head"', () => {
    expect(toDepartment({ ID: '1', NAME: 'Company', SORT: 500 })).toEqual(dept(1, 'Company', null))
    expect(toDepartment({ ID: '3', NAME: 'Key accounts', PARENT: '2', UF_HEAD: '9', SORT: 100 })).toMatchObject({
      parentId: 2,
      headId: 9,
      sort: 100,
    })
    expect(toDepartment({ NAME: 'no id' })).toBeNull()
  })

  it('gives the path from the top and the whole subtree', () => {
    expect(departmentPath(tree, 3)).toEqual(['Company', 'Sales', 'Key accounts'])
    expect([...subtreeIds(tree, 1)].sort()).toEqual([1, 2, 3, 4])
    expect([...subtreeIds(tree, 2)].sort()).toEqual([2, 3])
  })

  it('treats a department whose parent is missing as a root', () => {
    expect(tree.roots).toContain(5)
    expect(departmentPath(tree, 5)).toEqual(['Orphan'])
  })

  it('terminates on a cycle in the parent chain', () => {
    const cyclic = buildDepartmentTree([dept(1, 'A', 2), dept(2, 'B', 1), dept(3, 'C', 2)])
    expect(departmentPath(cyclic, 3).length).toBeLessThanOrEqual(3)
    expect(subtreeIds(cyclic, 1).size).toBeLessThanOrEqual(3)
  })
})

describe('departments: loops in the parent chain', () => {
  it('cuts a loop where it closes and keeps the departments hanging below it', () => {
    // 3 → 4 ⇄ 5: the loop is 4 and 5; 3 stays under 4
    const tree = buildDepartmentTree([dept(3, 'C', 4), dept(4, 'D', 5), dept(5, 'E', 4)])
    expect(tree.parentOf.get(3)).toBe(4)
    expect(tree.roots).toEqual([4])
    expect(departmentPath(tree, 3)).toEqual(['D', 'C'])
    expect(departmentPath(tree, 5)).toEqual(['D', 'E'])
    expect([...subtreeIds(tree, tree.roots[0]!)].sort()).toEqual([3, 4, 5])
  })
})
