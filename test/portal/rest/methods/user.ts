/**
 * user.current, user.get, user.search, user.fields (scopes user / user_basic / user_brief) and the global
 * user.admin, user.access, access.name, profile — rest/lib/api/user.php, portal-protocol.md §3.
 */
import { accessCodes, accessName } from '../../state/access'
import type { MethodContext, MethodDef, MethodResult } from '../context'
import { tzOffsetSeconds } from '../dates'
import { RestError } from '../envelope'
import { isPhpArray, isset, phpTruthy, phpValues, upperKeys } from '../params'
import { parseUserFilter } from './user-filter'
import { FIELD_LABELS, USER_FIELDS, USER_SCOPES, allowedFields, formatUser, selectFields, stored } from './user-output'
import { runPage } from './user-query'

const SORTABLE = new Set([...USER_FIELDS, 'LOGIN', 'EXTERNAL_AUTH_ID'])

/** prepareUserGetOrder: a custom order needs both SORT and ORDER; anything else is ID ASC */
function prepareSort(sort: unknown, order: unknown): { field: string; desc: boolean } | null {
  if (!phpTruthy(sort) || !phpTruthy(order) || typeof sort !== 'string') return null
  // the SDK's callList sends order:{ID:'ASC'}; with a SORT next to it the ORM gets an array as direction
  if (typeof order !== 'string') throw new RestError('ERROR_ARGUMENT', 'Order must be a string', 400, { argument: 'order' })
  const direction = order.trim().toUpperCase()
  if (direction !== 'ASC' && direction !== 'DESC') throw new RestError('ERROR_ARGUMENT', `Invalid order "${direction}"`, 400, { argument: 'order' })
  const field = sort.trim().toUpperCase()
  if (!SORTABLE.has(field)) throw new RestError('ERROR_CORE', `Unknown field definition \`${field}\` (${field}) for User Entity.`)
  return field === 'ID' && direction === 'ASC' ? null : { field, desc: direction === 'DESC' }
}

function userGet(ctx: MethodContext): MethodResult {
  const query = upperKeys(ctx.params)
  const search = ctx.method === 'user.search'
  // ADMIN_MODE only counts for admins (socialnetwork module admins); the code tests PHP truthiness
  const adminMode = isset(query, 'ADMIN_MODE') && phpTruthy(query.ADMIN_MODE)
  const outputFields = allowedFields(ctx.scopes)
  const filterFields = new Set([...outputFields, 'IS_ONLINE', 'HAS_DEPARTAMENT', 'NAME_SEARCH', 'EXTERNAL_AUTH_ID'])
  if (search) ['FIND', 'UF_DEPARTMENT_NAME', 'CONFIRM_CODE'].forEach((f) => filterFields.add(f))
  // "The following code is a mistake, but it must be here to save backward compatibility": FILTER replaces the query
  const source = isPhpArray(query.FILTER) ? upperKeys(query.FILTER) : query
  const filter = parseUserFilter(source, filterFields, search)
  const page = runPage(ctx.dir, {
    filter,
    visibility: ctx.dir.visibility(ctx.user, adminMode, filter.hasIdKey),
    sort: prepareSort(query.SORT, query.ORDER),
    start: ctx.start,
  })
  const fields = selectFields(outputFields, query.SELECT)
  const result = page.users.map((u) => formatUser(u, fields, { resize: query.IMAGE_RESIZE }))
  // an empty page returns before the navigation data is set: no total, no next
  if (!result.length) return { result: [] }
  const total = page.total ?? 0
  const out: MethodResult = { result, total }
  if (page.total !== null && page.offset + result.length < total) out.next = page.offset + result.length
  return out
}

function userCurrent(ctx: MethodContext): MethodResult {
  return { result: formatUser(ctx.user, allowedFields(ctx.scopes), { current: true }) }
}

function userFields(ctx: MethodContext): MethodResult {
  const result: Record<string, string> = {}
  for (const f of allowedFields(ctx.scopes)) result[f] = FIELD_LABELS[f] ?? f
  return { result }
}

/** isAdmin || CanAccess(codes): false for no codes, true for G2/AU, else any code the user holds */
function userAccess(ctx: MethodContext): MethodResult {
  const query = upperKeys(ctx.params)
  const codes = isPhpArray(query.ACCESS) ? phpValues(query.ACCESS) : [query.ACCESS ?? null]
  if (ctx.user.isAdmin) return { result: true }
  const wanted = codes.filter((c): c is string | number => (typeof c === 'string' && c !== '') || typeof c === 'number').map(String)
  if (!wanted.length) return { result: false }
  if (wanted.includes('G2') || wanted.includes('AU')) return { result: true }
  const held = accessCodes(ctx.dir, ctx.user.ID)
  return { result: wanted.some((c) => held.has(c)) }
}

function accessNameMethod(ctx: MethodContext): MethodResult {
  const query = upperKeys(ctx.params)
  const codes = isPhpArray(query.ACCESS) ? phpValues(query.ACCESS).map(String) : []
  if (!codes.length) return { result: false }
  const result: Record<string, unknown> = {}
  for (const code of codes) {
    const name = accessName(ctx.dir, code)
    if (name) result[code] = name
  }
  return { result: Object.keys(result).length ? result : [] }
}

/** CRestProvider::getProfile: an inactive user gets an empty array */
function profile(ctx: MethodContext): MethodResult {
  const u = ctx.user
  if (!u.ACTIVE) return { result: [] }
  const result: Record<string, unknown> = {
    ID: String(u.ID),
    ADMIN: u.isAdmin,
    NAME: stored(u, 'NAME'),
    LAST_NAME: stored(u, 'LAST_NAME'),
    PERSONAL_GENDER: stored(u, 'PERSONAL_GENDER'),
  }
  if (u.PERSONAL_PHOTO) result.PERSONAL_PHOTO = u.PERSONAL_PHOTO
  result.TIME_ZONE = u.TIME_ZONE
  result.TIME_ZONE_OFFSET = tzOffsetSeconds(u.TIME_ZONE)
  return { result }
}

export const USER_METHODS: Record<string, MethodDef> = {
  'user.current': { scope: USER_SCOPES, handler: userCurrent },
  'user.get': { scope: USER_SCOPES, handler: userGet },
  'user.search': { scope: USER_SCOPES, handler: userGet },
  'user.fields': { scope: USER_SCOPES, handler: userFields },
  'user.admin': { scope: null, handler: (ctx) => ({ result: ctx.user.isAdmin }) },
  'user.access': { scope: null, handler: userAccess },
  'access.name': { scope: null, handler: accessNameMethod },
  profile: { scope: null, handler: profile },
}
