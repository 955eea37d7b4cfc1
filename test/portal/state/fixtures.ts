/**
 * generateFixtures: a whole portal from (people, seed). Same inputs → same portal, at any size up to 100k+.
 * Besides the random bulk it plants the cases a directory must handle: dismissed, extranet, never logged in,
 * no department, several departments, department heads, HTML in names, bots and e-mail users.
 */
import type { FixtureDepartment, FixtureOptions, FixtureUser, Fixtures } from '../types'
import { generateDepartments } from './departments'
import { SOCIAL_GROUPS } from './names'
import { isoSeconds, makePerson, makeSystemUser, type PeopleContext, type PersonPlan } from './people'
import { createRng, deriveSeed, type Rng } from './random'

const HOUR = 3_600_000

/** HTML and quotes in names: an app that renders them unescaped shows it at once. */
export const HTML_SAMPLES = {
  NAME: '<img src=x onerror=alert(1)>',
  LAST_NAME: '<b>Bold</b>',
  WORK_POSITION: '"Quotes" & Ampersands <Co>',
} as const

function defaultNow(): number {
  return Math.floor(Date.now() / HOUR) * HOUR
}

export function generateFixtures(opts: FixtureOptions): Fixtures {
  const people = Math.max(1, Math.floor(opts.people))
  const rng = createRng(opts.seed)
  const now = opts.now ?? defaultNow()
  const tree = generateDepartments(rng, Math.max(15, Math.round(people / 12)))
  const socialGroups = Array.from({ length: Math.max(4, Math.ceil(people / 150)) }, (_, i) => ({
    ID: i + 1,
    NAME: SOCIAL_GROUPS[i % SOCIAL_GROUPS.length] + (i >= SOCIAL_GROUPS.length ? ` ${Math.floor(i / SOCIAL_GROUPS.length) + 1}` : ''),
  }))
  const ctx: PeopleContext = {
    rng, now, origin: opts.origin,
    departments: new Map(tree.departments.map((d) => [d.ID, d])),
    functionOf: tree.functionOf,
    socialGroupCount: socialGroups.length,
    usedEmails: new Set(),
    innerSeq: { value: 100 },
  }

  const plans = planPeople(rng, people, tree.departments)
  const system = systemSlots(people)
  const users: FixtureUser[] = []
  let nextId = 1
  let planned = 0
  let systemN = 0
  for (let slot = 0; slot < people + system.size; slot++) {
    // deleted accounts leave gaps in the ID sequence
    if (slot > 0 && rng.chance(0.02)) nextId += rng.int(1, 3)
    const kind = system.get(slot)
    if (kind) {
      users.push(makeSystemUser(ctx, nextId++, kind, systemN++))
      continue
    }
    const plan = plans[planned++] as PersonPlan
    users.push(makePerson(ctx, nextId++, plan))
  }

  const real = users.filter((u) => u.EXTERNAL_AUTH_ID === null)
  setupAdmin(real[0] as FixtureUser, now)
  const html = plantHtml(real)
  assignHeads(rng, tree.departments, tree.depth, real, html)
  linkSocialGroups(rng, real, socialGroups.length)

  return {
    users,
    departments: tree.departments,
    groups: [
      { ID: 1, NAME: 'Administrators' },
      { ID: 2, NAME: 'All users (including unauthorized users)' },
      { ID: 3, NAME: 'Employees' },
      { ID: 12, NAME: 'Extranet users' },
    ],
    socialGroups,
  }
}

/**
 * People joining mid-session: new active employees with IDs above every existing one, from their own
 * random stream so the existing portal does not change.
 */
export function generateNewPeople(fixtures: Fixtures, count: number, seed: number, origin: string, salt: number): FixtureUser[] {
  const rng = createRng(deriveSeed(seed, salt))
  const ctx: PeopleContext = {
    rng, now: Date.now(), origin,
    departments: new Map(fixtures.departments.map((d) => [d.ID, d])),
    functionOf: new Map(),
    socialGroupCount: fixtures.socialGroups.length,
    usedEmails: new Set(fixtures.users.map((u) => u.EMAIL)),
    innerSeq: { value: 100 + fixtures.users.length + salt * 1000 },
  }
  let id = fixtures.users.reduce((m, u) => Math.max(m, u.ID), 0)
  const depts = fixtures.departments.filter((d) => d.PARENT !== null)
  const out: FixtureUser[] = []
  for (let i = 0; i < count; i++) {
    const dept = depts.length ? rng.pick(depts).ID : 1
    out.push(makePerson(ctx, ++id, { type: 'employee', departments: [dept], active: true, newcomer: true }))
  }
  return out
}

/** Which person is what. A few indices are forced so even a 30-person portal has every edge case. */
function planPeople(rng: Rng, people: number, departments: FixtureDepartment[]): PersonPlan[] {
  const nonRoot = departments.filter((d) => d.PARENT !== null).map((d) => d.ID)
  const all = departments.map((d) => d.ID)
  const forced = new Map<number, string>()
  if (people >= 12) {
    // distinct indices even on a tiny portal
    for (const [share, what] of [[0.11, 'extranet'], [0.13, 'dismissed'], [0.17, 'nodept'], [0.19, 'multi'], [0.23, 'never']] as const) {
      let p = Math.min(people - 1, Math.max(1, Math.floor(people * share)))
      while (forced.has(p)) p = p + 1 < people ? p + 1 : 1
      forced.set(p, what)
    }
  }
  const plans: PersonPlan[] = []
  let roundRobin = 0
  for (let p = 0; p < people; p++) {
    const force = forced.get(p)
    if (p === 0) {
      plans.push({ type: 'employee', departments: [1], active: true })
      continue
    }
    if (force === 'extranet' || (!force && rng.chance(0.04))) {
      plans.push({ type: 'extranet', departments: [], active: force === 'extranet' || !rng.chance(0.03) })
      continue
    }
    // every department gets people first, then the rest spread at random
    const first = roundRobin < nonRoot.length ? (nonRoot[roundRobin++] as number) : rng.pick(all)
    const depts = force === 'nodept' || (!force && rng.chance(0.02)) ? [] : [first]
    if (depts.length && (force === 'multi' || (!force && rng.chance(0.03)))) {
      const second = rng.pick(all)
      if (second !== first) depts.push(second)
      else depts.push(first === 1 ? (nonRoot[0] ?? 1) : 1)
    }
    plans.push({
      type: 'employee',
      departments: depts,
      active: force === 'dismissed' ? false : force ? true : !rng.chance(0.03),
      neverLoggedIn: force === 'never',
    })
  }
  return plans
}

/** Slots (positions in the ID sequence) taken by 3 bots and 3 e-mail users, spread through the IDs. */
function systemSlots(people: number): Map<number, 'bot' | 'email'> {
  const total = people + 6
  const slots = new Map<number, 'bot' | 'email'>()
  const place = (share: number, kind: 'bot' | 'email'): void => {
    let s = Math.max(1, Math.floor(total * share))
    while (slots.has(s) || s >= total) s = s >= total ? 1 : s + 1
    slots.set(s, kind)
  }
  ;[0.2, 0.5, 0.8].forEach((s) => place(s, 'bot'))
  ;[0.35, 0.65, 0.95].forEach((s) => place(s, 'email'))
  return slots
}

function setupAdmin(admin: FixtureUser, now: number): void {
  admin.isAdmin = true
  admin.groups = [1, 2, 3]
  admin.ACTIVE = true
  admin.USER_TYPE = 'employee'
  admin.UF_DEPARTMENT = [1]
  admin.WORK_POSITION = 'Chief Executive Officer'
  admin.socialGroups = [1]
  // the portal owner was here this morning
  const recent = isoSeconds(Math.max(Date.parse(admin.DATE_REGISTER), now - 3 * HOUR))
  if (admin.LAST_LOGIN === null || admin.LAST_LOGIN < recent) {
    admin.LAST_LOGIN = recent
    admin.LAST_ACTIVITY_DATE = isoSeconds(Math.max(Date.parse(recent), now - HOUR))
  }
}

/** Three people (active employees, never heads) carry HTML and quotes in their names and titles. */
function plantHtml(real: FixtureUser[]): Set<number> {
  const ids = new Set<number>()
  const candidates = real.filter((u) => !u.isAdmin && u.USER_TYPE === 'employee' && u.ACTIVE && u.UF_DEPARTMENT.length > 0)
  const fields = Object.keys(HTML_SAMPLES) as (keyof typeof HTML_SAMPLES)[]
  fields.forEach((field, i) => {
    const u = candidates[Math.floor((candidates.length * (0.07 + 0.3 * i)) % Math.max(1, candidates.length))]
    if (!u || ids.has(u.ID)) return
    u[field] = HTML_SAMPLES[field]
    ids.add(u.ID)
  })
  return ids
}

/** Heads are active members of their department; some departments have none; user 1 heads the company. */
function assignHeads(rng: Rng, departments: FixtureDepartment[], depth: Map<number, number>, real: FixtureUser[], exclude: Set<number>): void {
  const members = new Map<number, FixtureUser[]>()
  for (const u of real) {
    if (!u.ACTIVE || u.USER_TYPE !== 'employee' || exclude.has(u.ID)) continue
    for (const d of u.UF_DEPARTMENT) {
      const list = members.get(d) ?? []
      list.push(u)
      members.set(d, list)
    }
  }
  const heading = new Set<number>()
  for (const d of departments) {
    if (d.PARENT === null) {
      d.UF_HEAD = real[0]?.ID ?? null
      continue
    }
    const level2 = depth.get(d.ID) === 2
    if (!level2 && rng.chance(0.12)) continue
    const pool = (members.get(d.ID) ?? []).filter((u) => !u.isAdmin && !heading.has(u.ID))
    if (!pool.length) continue
    const head = rng.pick(pool)
    d.UF_HEAD = head.ID
    heading.add(head.ID)
    head.WORK_POSITION = level2 ? `Head of ${d.NAME}` : `${d.NAME} Team Lead`
  }
}

/** Every workgroup mixes employees and extranet partners, so "shared group" visibility has real cases. */
function linkSocialGroups(rng: Rng, real: FixtureUser[], count: number): void {
  const employees = real.filter((u) => u.USER_TYPE === 'employee' && u.ACTIVE && u.UF_DEPARTMENT.length > 0)
  const extranet = real.filter((u) => u.USER_TYPE === 'extranet')
  const withEmployees = new Set(employees.flatMap((u) => u.socialGroups))
  const withExtranet = new Set(extranet.flatMap((u) => u.socialGroups))
  for (let g = 1; g <= count; g++) {
    if (employees.length && !withEmployees.has(g)) {
      for (let k = 0; k < 3; k++) {
        const u = rng.pick(employees)
        if (!u.socialGroups.includes(g)) u.socialGroups.push(g)
      }
    }
    if (extranet.length && !withExtranet.has(g)) {
      const u = rng.pick(extranet)
      if (!u.socialGroups.includes(g)) u.socialGroups.push(g)
    }
  }
  for (const u of extranet) if (!u.socialGroups.length) u.socialGroups.push(rng.int(1, count))
}
