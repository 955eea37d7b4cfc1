import { joinedOn, type Person, type UserType } from './person'
import { ancestorsOf, subtreeIds, type DepartmentTree } from '@/domain/org/departments'
import { isBirthdayThisMonth, isBirthdayThisWeek, isThisMonth } from './calendar'

export type BirthdayWindow = 'month' | 'week'
/** Working here now, or dismissed (ACTIVE false): only the admin views hold dismissed people. */
export type EmploymentStatus = 'active' | 'dismissed'

export function statusOf(person: Person): EmploymentStatus {
  return person.active ? 'active' : 'dismissed'
}

/** What the viewer narrowed the directory to. Groups combine with AND, values inside a group with OR. */
export interface FacetSelection {
  departments: number[]
  withSubdepartments: boolean
  positions: string[]
  cities: string[]
  userTypes: UserType[]
  statuses: EmploymentStatus[]
  onlineNow: boolean
  newThisMonth: boolean
  birthday: BirthdayWindow | null
}

export const NO_FACETS: FacetSelection = Object.freeze({
  departments: [],
  withSubdepartments: true,
  positions: [],
  cities: [],
  userTypes: [],
  statuses: [],
  onlineNow: false,
  newThisMonth: false,
  birthday: null,
}) as FacetSelection

export type FacetGroup = 'department' | 'position' | 'city' | 'userType' | 'status' | 'online' | 'new' | 'birthday'

export interface FacetContext {
  tree: DepartmentTree | null
  today: Date
}

/** What the facets need to know about one person, worked out once per list instead of on every keystroke. */
interface PersonFacts {
  /** the person's departments and every department above them, each once */
  departmentsUp: number[]
  isNew: boolean
  birthdayWeek: boolean
  birthdayMonth: boolean
}

/** The people's facts for one list, tree and day. */
export interface FacetIndex {
  context: FacetContext
  facts: WeakMap<Person, PersonFacts>
}

/**
 * Works out each person's facts. With a previous index for the same tree and day, people it already knows
 * are not worked out again (a load in progress only adds people).
 */
export function buildFacetIndex(people: readonly Person[], context: FacetContext, previous?: FacetIndex): FacetIndex {
  const reuse = previous && previous.context.tree === context.tree && sameDay(previous.context.today, context.today)
  const ancestorsCache = new Map<number, number[]>()
  const up = (id: number): number[] => {
    let list = ancestorsCache.get(id)
    if (!list) {
      list = context.tree ? ancestorsOf(context.tree, id) : [id]
      if (list.length === 0) list = [id]
      ancestorsCache.set(id, list)
    }
    return list
  }
  const facts = reuse ? previous.facts : new WeakMap<Person, PersonFacts>()
  for (const person of people) {
    if (reuse && facts.has(person)) continue
    const departmentsUp =
      person.departmentIds.length === 1 ? up(person.departmentIds[0]!) : [...new Set(person.departmentIds.flatMap(up))]
    facts.set(person, {
      departmentsUp,
      isNew: isThisMonth(joinedOn(person), context.today),
      birthdayWeek: isBirthdayThisWeek(person.birthday, context.today),
      birthdayMonth: isBirthdayThisMonth(person.birthday, context.today),
    })
  }
  return { context, facts }
}

function sameDay(a: Date, b: Date): boolean {
  return a.toDateString() === b.toDateString()
}

const NO_FACTS: PersonFacts = { departmentsUp: [], isNew: false, birthdayWeek: false, birthdayMonth: false }

export function hasFacets(selection: FacetSelection): boolean {
  return (
    selection.departments.length > 0 ||
    selection.positions.length > 0 ||
    selection.cities.length > 0 ||
    selection.userTypes.length > 0 ||
    selection.statuses.length > 0 ||
    selection.onlineNow ||
    selection.newThisMonth ||
    selection.birthday !== null
  )
}

type Predicate = (person: Person) => boolean

/** One test per active group; groups with nothing selected are left out. */
function predicates(selection: FacetSelection, index: FacetIndex): Map<FacetGroup, Predicate> {
  const { context } = index
  const factsOf = (p: Person) => index.facts.get(p) ?? NO_FACTS
  const tests = new Map<FacetGroup, Predicate>()
  if (selection.departments.length) {
    const wanted = new Set<number>()
    for (const id of selection.departments) {
      if (selection.withSubdepartments && context.tree) subtreeIds(context.tree, id).forEach((d) => wanted.add(d))
      else wanted.add(id)
    }
    tests.set('department', (p) => p.departmentIds.some((d) => wanted.has(d)))
  }
  if (selection.positions.length) {
    const wanted = new Set(selection.positions)
    tests.set('position', (p) => wanted.has(p.position))
  }
  if (selection.cities.length) {
    const wanted = new Set(selection.cities)
    tests.set('city', (p) => wanted.has(p.city))
  }
  if (selection.userTypes.length) {
    const wanted = new Set(selection.userTypes)
    tests.set('userType', (p) => wanted.has(p.userType))
  }
  if (selection.statuses.length) {
    const wanted = new Set(selection.statuses)
    tests.set('status', (p) => wanted.has(statusOf(p)))
  }
  if (selection.onlineNow) tests.set('online', (p) => p.online)
  if (selection.newThisMonth) tests.set('new', (p) => factsOf(p).isNew)
  if (selection.birthday === 'month') tests.set('birthday', (p) => factsOf(p).birthdayMonth)
  if (selection.birthday === 'week') tests.set('birthday', (p) => factsOf(p).birthdayWeek)
  return tests
}

function passes(tests: Map<FacetGroup, Predicate>, person: Person, except?: FacetGroup): boolean {
  for (const [group, test] of tests) if (group !== except && !test(person)) return false
  return true
}

/** The people passing every selected group; the very same list when nothing is selected. */
export function applyFacets(
  people: readonly Person[],
  selection: FacetSelection,
  index: FacetIndex,
): readonly Person[] {
  const tests = predicates(selection, index)
  if (tests.size === 0) return people
  return people.filter((p) => passes(tests, p))
}

export interface FacetCounts {
  /** people per department; with sub-departments on, a department counts everyone below it too */
  department: Map<number, number>
  position: Map<string, number>
  city: Map<string, number>
  userType: Map<UserType, number>
  status: Map<EmploymentStatus, number>
  online: number
  newThisMonth: number
  birthdayMonth: number
  birthdayWeek: number
}

function bump<K>(map: Map<K, number>, key: K) {
  map.set(key, (map.get(key) ?? 0) + 1)
}

/**
 * How many people each facet value would show, given the search and every other group's selection: the
 * usual faceted-search rule, so a count never promises what clicking it would not deliver.
 */
export function countFacets(people: readonly Person[], selection: FacetSelection, index: FacetIndex): FacetCounts {
  const tests = predicates(selection, index)
  const counts: FacetCounts = {
    department: new Map(),
    position: new Map(),
    city: new Map(),
    userType: new Map(),
    status: new Map(),
    online: 0,
    newThisMonth: 0,
    birthdayMonth: 0,
    birthdayWeek: 0,
  }
  const plain = tests.size === 0
  for (const person of people) {
    const facts = index.facts.get(person) ?? NO_FACTS
    if (plain || passes(tests, person, 'department')) {
      for (const d of selection.withSubdepartments ? facts.departmentsUp : person.departmentIds) bump(counts.department, d)
    }
    if (person.position && (plain || passes(tests, person, 'position'))) bump(counts.position, person.position)
    if (person.city && (plain || passes(tests, person, 'city'))) bump(counts.city, person.city)
    if (plain || passes(tests, person, 'userType')) bump(counts.userType, person.userType)
    if (plain || passes(tests, person, 'status')) bump(counts.status, statusOf(person))
    if (person.online && (plain || passes(tests, person, 'online'))) counts.online++
    if (facts.isNew && (plain || passes(tests, person, 'new'))) counts.newThisMonth++
    if ((facts.birthdayMonth || facts.birthdayWeek) && (plain || passes(tests, person, 'birthday'))) {
      if (facts.birthdayMonth) counts.birthdayMonth++
      if (facts.birthdayWeek) counts.birthdayWeek++
    }
  }
  return counts
}
