import { toPerson, type RawUser } from '@/domain/people/person'
import { buildDepartmentTree, toDepartment, type Department, type DepartmentTree } from '@/domain/org/departments'
import { managerIds, reportsPlan, NO_TOTALS, type PortalTotals } from '@/domain/org/person-around'
import { MAX_COMMANDS, PAGE_SIZE, type PeopleQuery } from './people-batch'
import type { RestClient } from './rest-client'
import { callBatch, type BatchCommand, type BatchOutcome } from './batch'

/** What the caller already knows, so that fewer commands (and fewer requests) are needed. */
export interface KnownAround {
  /** the department tree; null when the app may not read departments; left out: read here, in the first batch */
  departments?: readonly Department[] | null
  /** the person's departments (the viewer's own card, someone already loaded): their managers come at once */
  departmentIds?: readonly number[]
}

export interface AroundDepartments {
  /** unavailable: no `department` scope; error: the tree could not be read whole */
  status: 'done' | 'unavailable' | 'error'
  list: Department[]
}

export interface PersonAround {
  /** null: the viewer may not see them, or (for a working-people query) they are dismissed */
  person: RawUser | null
  /** the first page of the working people in their departments, themselves included */
  colleagues: RawUser[]
  /** the heads up their department tree */
  managers: RawUser[]
  /** the first page of the members of the departments they head, and the heads of the departments below */
  reports: RawUser[]
  /** the department tree read here: null when the caller gave it, or when nobody was found */
  departments: AroundDepartments | null
  /** the portal's counts behind those first pages */
  totals: PortalTotals
}

/** The first person's departments, resolved by the portal inside the batch. */
const PERSON_DEPARTMENTS = '$result[person][0][UF_DEPARTMENT]'

type Commands = Record<string, BatchCommand>

/**
 * One user.get page. Lists (`count`) ask for the total and keep ID order, so their first page is stable;
 * lookups by ID skip the COUNT (start -1). Colleagues and reports are working people whoever looks.
 */
function userGet(query: PeopleQuery, filter: Record<string, unknown>, opts: { active: boolean; count: boolean; select?: string[] }): BatchCommand {
  const params: Record<string, unknown> = {
    filter: opts.active ? { ...filter, ACTIVE: true } : filter,
    select: opts.select ?? [...query.select],
    start: opts.count ? 0 : -1,
  }
  if (opts.count) Object.assign(params, { sort: 'ID', order: 'ASC' })
  if (query.adminMode) params.ADMIN_MODE = true
  return { method: 'user.get', params }
}

interface ReportsAsk {
  commands: Commands
  /** the command whose page holds the members of the departments they head; null: they head none */
  membersFrom: 'members' | 'colleagues' | null
}

/**
 * Who reports to the person: members of the departments they head, and a count of everyone below. A head
 * usually sits in exactly the departments they head: their colleagues are then their members, asked once.
 */
function reportCommands(id: number, tree: DepartmentTree, query: PeopleQuery, departmentIds?: readonly number[]): ReportsAsk {
  const plan = reportsPlan(id, tree)
  if (plan.headed.length === 0) return { commands: {}, membersFrom: null }
  const commands: Commands = {}
  const sameAsColleagues =
    departmentIds !== undefined && departmentIds.length === plan.headed.length && plan.headed.every((d) => departmentIds.includes(d))
  if (!sameAsColleagues) commands.members = userGet(query, { UF_DEPARTMENT: plan.headed }, { active: true, count: true })
  // below only adds people when there are departments under the headed ones; its rows are never read
  if (plan.below.length > plan.headed.length) {
    commands.below = userGet(query, { UF_DEPARTMENT: plan.below }, { active: true, count: true, select: ['ID'] })
  }
  return { commands, membersFrom: sameAsColleagues ? 'colleagues' : 'members' }
}

/** The managers and the heads right below, by ID in one page: managers first, as many heads as fit. */
function headIds(id: number, departmentIds: readonly number[], tree: DepartmentTree) {
  const managers = managerIds(id, departmentIds, tree)
  const childHeads = reportsPlan(id, tree).childHeads.filter((h) => !managers.includes(h))
  return { managers, childHeads, all: [...managers, ...childHeads].slice(0, PAGE_SIZE) }
}

function headsCommand(ids: readonly number[], query: PeopleQuery): Commands {
  return ids.length ? { heads: userGet(query, { ID: [...ids] }, { active: query.activeOnly, count: false }) } : {}
}

/** A page of rows: a JSON array, or a PHP list that arrived as an object with keys 0..n-1. */
function asList(result: unknown): Record<string, unknown>[] {
  const list = Array.isArray(result) ? result : result && typeof result === 'object' ? Object.values(result) : []
  return list.filter((row): row is Record<string, unknown> => Boolean(row) && typeof row === 'object')
}

/** The rows of a command that answered; a failed one leaves its part of the card empty, not the card. */
function rowsOf(outcomes: Record<string, BatchOutcome>, key: string): RawUser[] {
  const outcome = outcomes[key]
  if (!outcome) return []
  if (!outcome.ok) {
    console.warn(`[person] ${key} could not be loaded`, outcome.error)
    return []
  }
  return asList(outcome.result)
}

function totalOf(outcomes: Record<string, BatchOutcome>, key: string): number | null {
  const outcome = outcomes[key]
  return outcome?.ok && typeof outcome.total === 'number' ? outcome.total : null
}

/**
 * The department tree from the first page read in the batch, plus the pages after it when there are more
 * than 50 departments (department.get pages by `start` and always counts).
 */
async function readDepartments(client: RestClient, first: BatchOutcome | undefined): Promise<AroundDepartments> {
  if (!first?.ok) {
    const code = first?.error.code
    if (code === 'insufficient_scope' || code === 'ACCESS_DENIED') return { status: 'unavailable', list: [] }
    console.warn('[person] departments could not be loaded', first?.error)
    return { status: 'error', list: [] }
  }
  const raw = asList(first.result)
  const total = first.total ?? raw.length
  try {
    for (let start = PAGE_SIZE; start < total; start += PAGE_SIZE * MAX_COMMANDS) {
      const commands: Commands = {}
      for (let page = start; page < Math.min(total, start + PAGE_SIZE * MAX_COMMANDS); page += PAGE_SIZE) {
        commands[`d${page}`] = { method: 'department.get', params: { start: page } }
      }
      const outcomes = await callBatch(client, commands)
      for (const outcome of Object.values(outcomes)) {
        if (!outcome.ok) throw outcome.error
        raw.push(...asList(outcome.result))
      }
    }
  } catch (error) {
    // part of a tree would name the wrong managers: none is better
    console.warn('[person] departments could not be loaded', error)
    return { status: 'error', list: [] }
  }
  // a department added between two pages can shift the next page by one: keep each once
  const byId = new Map<number, Department>()
  for (const d of raw.map(toDepartment)) if (d && !byId.has(d.id)) byId.set(d.id, d)
  return { status: 'done', list: [...byId.values()] }
}

/**
 * One person and the people around them, from targeted queries instead of a walk over everyone: at most
 * five user.get pages (the person, a page of colleagues, a page of members of the departments they head
 * unless those are the colleagues, a count of everyone below, their managers and the heads below by ID). One batch when the tree and the
 * person's departments are known; otherwise a second one for what needs them (and the tree's later pages
 * when it has more than 50 departments). `$result[person][0][UF_DEPARTMENT]` lets the first batch ask for
 * colleagues before the person's departments are known.
 */
export async function fetchPersonAround(client: RestClient, id: number, query: PeopleQuery, known: KnownAround = {}): Promise<PersonAround> {
  let tree = known.departments ? buildDepartmentTree(known.departments) : null
  let departments: AroundDepartments | null = null

  const first: Commands = { person: userGet(query, { ID: id }, { active: query.activeOnly, count: false }) }
  const colleagueDepartments = known.departmentIds ? [...known.departmentIds] : PERSON_DEPARTMENTS
  if (colleagueDepartments.length) first.colleagues = userGet(query, { UF_DEPARTMENT: colleagueDepartments }, { active: true, count: true })
  if (known.departments === undefined) first.departments = { method: 'department.get', params: { start: 0 } }
  let reports = tree ? reportCommands(id, tree, query, known.departmentIds) : null
  let heads = tree && known.departmentIds ? headIds(id, known.departmentIds, tree) : null
  if (tree) Object.assign(first, reports?.commands, headsCommand(heads?.all ?? [], query))
  const outcomes = await callBatch(client, first)

  const personOutcome = outcomes.person
  if (!personOutcome?.ok) throw personOutcome?.error ?? new Error('user.get did not answer')
  const person = asList(personOutcome.result).find((u) => Number(u.ID) === id) ?? null
  if (!person) return { person: null, colleagues: [], managers: [], reports: [], departments: null, totals: NO_TOTALS }
  const departmentIds = known.departmentIds ?? toPerson(person)?.departmentIds ?? []
  // nobody shares "no department": whatever the reference resolved to then is not a list of colleagues
  if (departmentIds.length === 0) delete outcomes.colleagues

  if (known.departments === undefined) {
    departments = await readDepartments(client, outcomes.departments)
    tree = departments.status === 'done' ? buildDepartmentTree(departments.list) : null
  }
  if (tree) {
    // what needed the tree or the person's departments and could not go in the first batch
    const second: Commands = {}
    if (!reports) {
      reports = reportCommands(id, tree, query, departmentIds)
      Object.assign(second, reports.commands)
    }
    if (!heads) {
      heads = headIds(id, departmentIds, tree)
      Object.assign(second, headsCommand(heads.all, query))
    }
    try {
      Object.assign(outcomes, await callBatch(client, second))
    } catch (error) {
      // the person is known: show them with what came, rather than not at all
      console.warn('[person] managers and reports could not be loaded', error)
    }
  }

  const headRows = rowsOf(outcomes, 'heads')
  const inList = (ids: readonly number[]) => (u: RawUser) => ids.includes(Number(u.ID))
  const membersFrom = reports?.membersFrom ?? null
  const members = membersFrom ? totalOf(outcomes, membersFrom) : null
  const colleagues = rowsOf(outcomes, 'colleagues')
  return {
    person,
    colleagues,
    managers: headRows.filter(inList(heads?.managers ?? [])),
    reports: [...(membersFrom === 'colleagues' ? colleagues : membersFrom ? rowsOf(outcomes, membersFrom) : []), ...headRows.filter(inList(heads?.childHeads ?? []))],
    departments,
    totals: {
      colleagues: totalOf(outcomes, 'colleagues'),
      members,
      // without departments under the headed ones, everyone below is a member
      below: reports?.commands.below ? totalOf(outcomes, 'below') : members,
    },
  }
}
