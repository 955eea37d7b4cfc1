import type { Person } from '@/domain/people/person'
import { ancestorsOf, subtreeIds, type DepartmentTree } from './departments'

/**
 * The person's managers, nearest first: the head of each of their departments and of every department
 * above, skipping the departments they head themselves. A head who is not among the loaded people (or no
 * head at all) is passed over; each manager appears once.
 */
export function managerChain(person: Person, tree: DepartmentTree, peopleById: ReadonlyMap<number, Person>): Person[] {
  const chain: Person[] = []
  const seen = new Set<number>([person.id])
  for (const departmentId of person.departmentIds) {
    for (const id of ancestorsOf(tree, departmentId)) {
      const headId = tree.byId.get(id)?.headId
      if (headId === null || headId === undefined || seen.has(headId)) continue
      const head = peopleById.get(headId)
      if (!head) continue
      seen.add(headId)
      chain.push(head)
    }
  }
  return chain
}

/** Departments the person heads. */
function headedDepartments(person: Person, tree: DepartmentTree): number[] {
  return [...tree.byId.values()].filter((d) => d.headId === person.id).map((d) => d.id)
}

export interface Reports {
  /** members of the departments they head, and the heads of the departments right below */
  direct: Person[]
  /** everyone in the departments they head and below, themselves excluded */
  total: number
}

export function reportsOf(person: Person, tree: DepartmentTree, people: readonly Person[]): Reports {
  const headed = headedDepartments(person, tree)
  if (headed.length === 0) return { direct: [], total: 0 }
  const headedSet = new Set(headed)
  const childHeads = new Set<number>()
  for (const id of headed) {
    for (const child of tree.children.get(id) ?? []) {
      const headId = tree.byId.get(child)?.headId
      if (headId && headId !== person.id) childHeads.add(headId)
    }
  }
  const below = new Set<number>()
  for (const id of headed) subtreeIds(tree, id).forEach((d) => below.add(d))
  const direct: Person[] = []
  let total = 0
  for (const p of people) {
    if (p.id === person.id) continue
    if (p.departmentIds.some((d) => below.has(d))) total++
    if (p.departmentIds.some((d) => headedSet.has(d)) || childHeads.has(p.id)) direct.push(p)
  }
  return { direct, total }
}

/** People who share a department with the person, themselves excluded. */
export function colleaguesOf(person: Person, people: readonly Person[]): Person[] {
  const mine = new Set(person.departmentIds)
  if (mine.size === 0) return []
  return people.filter((p) => p.id !== person.id && p.departmentIds.some((d) => mine.has(d)))
}
