/**
 * user.get / user.search filters, as rest/lib/api/user.php prepares them and the ORM (CSQLWhere) applies
 * them (portal-protocol.md §3.2, §3.3):
 * - a key is split by /^(\W{1,2})(.+)/ into a 1–2 char operator prefix and a field; a field the scope does
 *   not allow is dropped silently — so `!=%NAME` (prefix `!=`, field `%NAME`) disappears;
 * - values are normalised first (ID → int, ACTIVE/IS_ONLINE → Y/N with the `"false"` → Y quirk, dates);
 * - no prefix on a string is a case-insensitive LIKE with `%`/`_` wildcards (digits only: equality);
 * - an array value ORs the condition over its items (IN for `=`/`@`).
 */
import type { Directory } from '../../state/directory'
import type { FixtureUser } from '../../types'
import { isoServer, parseServerDate } from '../dates'
import { RestError } from '../envelope'
import { phpIntval, phpTruthy, isPhpArray, phpValues, type Params } from '../params'
import { nameSearchTest, queryWords } from './name-search'
import { stored } from './user-output'

type Op = 'E' | 'I' | 'S' | 'M' | 'G' | 'GE' | 'L' | 'LE' | 'IN' | 'B' | 'N' | 'NI' | 'NS' | 'NIN'

/** CSQLWhere::makeOperation for the prefixes the key regex can produce */
const PREFIX_OPS: Record<string, Op> = {
  '': 'E', '=': 'I', '%': 'S', '?': 'S', '>': 'G', '<': 'L', '!': 'N', '@': 'IN',
  '!=': 'NI', '!%': 'NS', '><': 'B', '>=': 'GE', '<=': 'LE', '=%': 'M', '%=': 'M', '!@': 'NIN',
}
const NEGATION: Partial<Record<Op, Op>> = { N: 'E', NI: 'I', NS: 'S', NIN: 'IN' }

type Kind = 'int' | 'intList' | 'yn' | 'datetime' | 'date' | 'string' | 'stringList'
const KINDS: Record<string, Kind> = {
  ID: 'int', UF_DEPARTMENT: 'intList', ACTIVE: 'yn', IS_ONLINE: 'yn',
  DATE_REGISTER: 'datetime', LAST_LOGIN: 'datetime', TIMESTAMP_X: 'datetime', LAST_ACTIVITY_DATE: 'datetime',
  PERSONAL_BIRTHDAY: 'date', UF_EMPLOYMENT_DATE: 'date', UF_DEPARTMENT_NAME: 'stringList',
}
const kindOf = (field: string): Kind => KINDS[field] ?? 'string'

/** The prefix is cleared for these keys */
const NO_PREFIX = new Set(['HAS_DEPARTAMENT', 'NAME_SEARCH', 'FIND'])
/** user.search turns these (unprefixed) into prefix name search */
const SEARCH_FIELDS = ['NAME', 'LAST_NAME', 'SECOND_NAME', 'WORK_POSITION', 'UF_DEPARTMENT_NAME']

const INVALID = Symbol('unparseable date')

export interface Condition {
  field: string
  op: Op
  value: unknown
}

export interface UserFilter {
  conditions: Condition[]
  /** `>ID`/`>=ID`/`<ID`/`<=ID` with a scalar, as exclusive bounds: the keyset cursor, served by binary search */
  idRange: { gt: number; lt: number }
  /** NAME_SEARCH / FIND words (the full-text index of UserUtils::getUserSearchFilter, name-search.ts) */
  nameSearch: string[] | null
  /** user.search without FIND: per-field "starts with" */
  prefixSearch: Array<{ field: string; value: string }>
  hasDepartment: boolean
  /** an exact `ID` key: an intranet admin then escapes the extranet restriction (code quirk) */
  hasIdKey: boolean
  /** canonical text of everything but idRange, for the result cache */
  key: string
}

/** prepareUserValue plus the date conversions (CRestUtil::unConvertDate/DateTime) */
function normalize(field: string, value: unknown): unknown {
  const kind = kindOf(field)
  if (field === 'ID') return isPhpArray(value) && phpTruthy(value) ? phpValues(value).map(phpIntval) : phpIntval(value)
  if (kind === 'yn') return phpTruthy(value) && value !== 'N' ? 'Y' : 'N'
  if (field === 'UF_DEPARTMENT') return !isPhpArray(value) && phpTruthy(value) ? [value] : isPhpArray(value) ? phpValues(value) : value
  if (kind === 'datetime' || kind === 'date') {
    const one = (v: unknown): unknown => {
      const ms = parseServerDate(v)
      if (ms === null) return INVALID
      return kind === 'date' ? isoServer(ms).slice(0, 10) : ms
    }
    return isPhpArray(value) ? phpValues(value).map(one) : one(value)
  }
  return value
}

export function parseUserFilter(query: Params, allowed: ReadonlySet<string>, search: boolean): UserFilter {
  // keys as the PHP filter array has them: "<prefix><FIELD>", a later duplicate replaces the value
  const filter = new Map<string, { prefix: string; field: string; value: unknown }>()
  for (const [key, value] of Object.entries(query)) {
    let prefix = ''
    let field = key
    const m = /^([^A-Za-z0-9_]{1,2})(.+)$/s.exec(key)
    if (m?.[2]) {
      prefix = m[1] as string
      field = m[2]
    }
    if (!allowed.has(field)) continue
    if (prefix && NO_PREFIX.has(field)) prefix = ''
    else if (!prefix && (field === 'USER_TYPE' || field === 'ACTIVE')) prefix = '='
    filter.set(prefix + field, { prefix, field, value: normalize(field, value) })
  }

  let nameSearch: string[] | null = null
  const prefixSearch: Array<{ field: string; value: string }> = []
  const searchValue = filter.get('NAME_SEARCH')?.value ?? filter.get('FIND')?.value
  if (searchValue !== undefined && searchValue !== null) {
    nameSearch = queryWords(searchValue)
  } else if (search) {
    for (const field of SEARCH_FIELDS) {
      const entry = filter.get(field)
      filter.delete(field)
      if (entry && phpTruthy(entry.value)) prefixSearch.push({ field, value: String(entry.value) })
    }
  }
  const hasDepartment = filter.get('HAS_DEPARTAMENT')?.value === 'Y'
  const hasIdKey = filter.has('ID')
  for (const k of ['NAME_SEARCH', 'FIND', 'HAS_DEPARTAMENT']) filter.delete(k)

  const conditions: Condition[] = []
  const idRange = { gt: -Infinity, lt: Infinity }
  for (const [key, { prefix, field, value }] of filter) {
    const op = PREFIX_OPS[prefix]
    // makeOperation falls back to the one-char operator and keeps the rest in the field name: the ORM rejects it
    if (!op) throw new RestError('ERROR_CORE', `Unknown field definition \`${key.slice(1)}\` (${key.slice(1)}) for User Entity.`)
    if (field === 'ID' && typeof value === 'number' && (op === 'G' || op === 'GE' || op === 'L' || op === 'LE')) {
      if (op === 'G') idRange.gt = Math.max(idRange.gt, value)
      if (op === 'GE') idRange.gt = Math.max(idRange.gt, value - 1)
      if (op === 'L') idRange.lt = Math.min(idRange.lt, value)
      if (op === 'LE') idRange.lt = Math.min(idRange.lt, value + 1)
      continue
    }
    conditions.push({ field, op, value })
  }
  const key = JSON.stringify([conditions, nameSearch, prefixSearch, hasDepartment], (_k, v: unknown) => (v === INVALID ? '#invalid' : v))
  return { conditions, idRange, nameSearch, prefixSearch, hasDepartment, hasIdKey, key }
}

// ---------------------------------------------------------------------------------------------------
// matching

const likeCache = new Map<string, RegExp>()

/** SQL LIKE, case-insensitive (the portal's collation): `%` any run, `_` one char, `\` escapes */
export function likeRegex(pattern: string): RegExp {
  let re = likeCache.get(pattern)
  if (re) return re
  let src = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string
    if (ch === '\\' && i + 1 < pattern.length) src += escapeRe(pattern[++i] as string)
    else if (ch === '%') src += '.*'
    else if (ch === '_') src += '.'
    else src += escapeRe(ch)
  }
  re = new RegExp(`^${src}$`, 'isu')
  if (likeCache.size > 500) likeCache.clear()
  likeCache.set(pattern, re)
  return re
}

function escapeRe(ch: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch
}

const isEmptyValue = (v: unknown): boolean => v === '' || v === null || v === undefined || v === false

function fieldValue(u: FixtureUser, field: string, dir: Directory): unknown {
  switch (field) {
    case 'ID':
      return u.ID
    case 'UF_DEPARTMENT':
      return u.UF_DEPARTMENT
    case 'ACTIVE':
      return u.ACTIVE ? 'Y' : 'N'
    case 'IS_ONLINE':
      return u.IS_ONLINE ? 'Y' : 'N'
    case 'UF_DEPARTMENT_NAME':
      return dir.departmentNames(u)
  }
  const value = stored(u, field)
  if (value === null) return null
  const kind = kindOf(field)
  if (kind === 'datetime') return Date.parse(String(value))
  return typeof value === 'number' ? String(value) : value
}

/** one field scalar against one filter scalar, for a positive operator */
function scalarTest(kind: Kind, op: Op, v: unknown): (fv: unknown) => boolean {
  if (v === INVALID) return () => false
  if (isEmptyValue(v)) return (fv) => fv === null || fv === '' || fv === undefined
  if (kind === 'int' || kind === 'intList') {
    const n = typeof v === 'number' ? v : phpIntval(v)
    switch (op) {
      case 'G': return (fv) => typeof fv === 'number' && fv > n
      case 'GE': return (fv) => typeof fv === 'number' && fv >= n
      case 'L': return (fv) => typeof fv === 'number' && fv < n
      case 'LE': return (fv) => typeof fv === 'number' && fv <= n
      case 'S': return (fv) => fv !== null && String(fv).includes(String(v))
      case 'M': return (fv) => fv !== null && likeRegex(String(v)).test(String(fv))
      default: return (fv) => fv === n
    }
  }
  if (kind === 'datetime' || kind === 'date') {
    const cmp = (fv: unknown): number | null => (fv === null || fv === undefined || (typeof fv === 'number' && Number.isNaN(fv)) ? null : fv < (v as number | string) ? -1 : fv > (v as number | string) ? 1 : 0)
    switch (op) {
      case 'G': return (fv) => cmp(fv) === 1
      case 'GE': return (fv) => (cmp(fv) ?? -1) >= 0
      case 'L': return (fv) => cmp(fv) === -1
      case 'LE': return (fv) => (cmp(fv) ?? 1) <= 0
      default: return (fv) => cmp(fv) === 0
    }
  }
  const text = String(v).toLowerCase()
  const lower = (fv: unknown): string | null => (fv === null || fv === undefined ? null : String(fv).toLowerCase())
  switch (op) {
    case 'E':
      if (/^\d+$/.test(text)) return (fv) => lower(fv) === text
      return (fv) => fv !== null && fv !== undefined && likeRegex(String(v)).test(String(fv))
    case 'S': return (fv) => lower(fv)?.includes(text) ?? false
    case 'M': return (fv) => fv !== null && fv !== undefined && likeRegex(String(v)).test(String(fv))
    case 'G': return (fv) => { const l = lower(fv); return l !== null && l > text }
    case 'GE': return (fv) => { const l = lower(fv); return l !== null && l >= text }
    case 'L': return (fv) => { const l = lower(fv); return l !== null && l < text }
    case 'LE': return (fv) => { const l = lower(fv); return l !== null && l <= text }
    default: return (fv) => lower(fv) === text
  }
}

function conditionTest(c: Condition, dir: Directory): (u: FixtureUser) => boolean {
  const kind = kindOf(c.field)
  const negated = NEGATION[c.op] !== undefined
  const op = NEGATION[c.op] ?? c.op
  let test: (fv: unknown) => boolean
  if (op === 'B') {
    const pair = phpValues(c.value)
    if (pair.length !== 2) return () => true
    const lo = scalarTest(kind, 'GE', pair[0])
    const hi = scalarTest(kind, 'LE', pair[1])
    test = (fv) => lo(fv) && hi(fv)
  } else {
    let values: unknown[]
    if (isPhpArray(c.value)) values = phpValues(c.value)
    else if (op === 'IN' && typeof c.value === 'string') values = c.value.split(',')
    else values = [c.value]
    // an empty list matches nothing (and its negation everything)
    const tests = values.map((v) => scalarTest(kind, op === 'IN' ? 'I' : op, v))
    test = (fv) => tests.some((t) => t(fv))
  }
  return (u) => {
    const fv = fieldValue(u, c.field, dir)
    const hit = Array.isArray(fv) ? (fv.length ? fv.some(test) : test(null)) : test(fv)
    return negated ? !hit : hit
  }
}

/** All of the filter but the ID range, as one predicate. */
export function compileFilter(f: UserFilter, dir: Directory): (u: FixtureUser) => boolean {
  const tests = f.conditions.map((c) => conditionTest(c, dir))
  if (f.hasDepartment) tests.push((u) => u.UF_DEPARTMENT.length > 0)
  // every word starts a word of the name, position or department, or is the ID (name-search.ts)
  if (f.nameSearch?.length) tests.push(nameSearchTest(f.nameSearch, dir))
  for (const { field, value } of f.prefixSearch) {
    const re = likeRegex(`${value}%`)
    tests.push((u) => {
      const fv = fieldValue(u, field, dir)
      return Array.isArray(fv) ? fv.some((x) => re.test(String(x))) : fv !== null && re.test(String(fv))
    })
  }
  return (u) => tests.every((t) => t(u))
}

// ---------------------------------------------------------------------------------------------------
// sorting

/** ORM sort on one field: NULLs first ascending (MySQL), strings by case-insensitive order, ties by ID. */
export function sortUsers(list: FixtureUser[], field: string, desc: boolean, dir: Directory): FixtureUser[] {
  const kind = kindOf(field)
  const keyOf = (u: FixtureUser): number | string | null => {
    const v = fieldValue(u, field, dir)
    if (v === null || v === undefined) return null
    if (Array.isArray(v)) return v.length ? (kind === 'intList' ? (v[0] as number) : String(v[0]).toLowerCase()) : null
    if (typeof v === 'number') return Number.isNaN(v) ? null : v
    return String(v).toLowerCase()
  }
  const keyed = list.map((u) => ({ u, k: keyOf(u) }))
  const sign = desc ? -1 : 1
  keyed.sort((a, b) => {
    if (a.k === b.k) return a.u.ID - b.u.ID
    if (a.k === null) return -sign
    if (b.k === null) return sign
    return (a.k < b.k ? -1 : 1) * sign
  })
  return keyed.map((x) => x.u)
}
