/**
 * Data for the portal's own pickers (the real portal's selectors read the database directly; a frame token
 * cannot be used for it): `GET /_portal/people?q=` and `GET /_portal/access?q=`.
 */
import type { FixtureUser, PortalStore } from '../types'
import { displayName } from './shell'

export interface PersonHit {
  id: number
  name: string
  photo: string
  position: string
}

export interface AccessHit {
  id: string
  name: string
  kind: 'all' | 'department' | 'group' | 'workgroup' | 'user'
  hint?: string
}

const LIMIT = 50

/** Real, active people: no bots, e-mail users, connectors or replicas. */
function isRealPerson(u: FixtureUser): boolean {
  return u.ACTIVE && u.EXTERNAL_AUTH_ID === null && u.USER_TYPE !== 'email'
}

function words(q: string): string[] {
  return q.toLowerCase().split(/\s+/).filter(Boolean)
}

function matches(u: FixtureUser, terms: string[]): boolean {
  if (!terms.length) return true
  const hay = [u.NAME, u.LAST_NAME, u.SECOND_NAME, u.WORK_POSITION, u.EMAIL, u.LOGIN].join(' ').toLowerCase()
  return terms.every((t) => hay.includes(t) || String(u.ID) === t)
}

export function searchPeople(store: PortalStore, q: string): PersonHit[] {
  const terms = words(q)
  const out: PersonHit[] = []
  for (const u of store.fixtures.users) {
    if (!isRealPerson(u) || !matches(u, terms)) continue
    out.push({ id: u.ID, name: displayName(u), photo: u.PERSONAL_PHOTO ?? '', position: u.WORK_POSITION })
    if (out.length >= LIMIT) break
  }
  return out
}

export function searchAccess(store: PortalStore, q: string): AccessHit[] {
  const terms = words(q)
  const has = (text: string): boolean => terms.every((t) => text.toLowerCase().includes(t))
  const out: AccessHit[] = []
  if (has('all employees')) out.push({ id: 'AU', name: 'All authorized users', kind: 'all' })
  const employees = store.fixtures.groups.find((g) => g.ID === 3)
  let deps = 0
  for (const d of store.fixtures.departments) {
    if (!has(d.NAME) && !terms.every((t) => `d${d.ID}` === t)) continue
    out.push({ id: `D${d.ID}`, name: d.NAME, kind: 'department', hint: 'department only' })
    out.push({ id: `DR${d.ID}`, name: `${d.NAME}: with sub-departments`, kind: 'department', hint: 'with sub-departments' })
    if (++deps >= LIMIT / 2) break
  }
  for (const g of store.fixtures.groups) {
    if (has(g.NAME)) out.push({ id: `G${g.ID}`, name: g.NAME, kind: 'group', hint: g.ID === 2 ? 'everyone' : g === employees ? 'employees' : undefined })
  }
  for (const g of store.fixtures.socialGroups ?? []) {
    if (has(g.NAME)) out.push({ id: `SG${g.ID}_K`, name: g.NAME, kind: 'workgroup', hint: 'all members' })
  }
  if (terms.length) {
    for (const p of searchPeople(store, q).slice(0, 20)) out.push({ id: `U${p.id}`, name: p.name, kind: 'user', hint: p.position || undefined })
  } else {
    for (const p of searchPeople(store, '').slice(0, 10)) out.push({ id: `U${p.id}`, name: p.name, kind: 'user', hint: p.position || undefined })
  }
  return out
}
