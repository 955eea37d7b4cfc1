import { NO_FACETS, type BirthdayWindow, type EmploymentStatus, type FacetSelection } from '@/domain/people/facets'
import { SORT_KEYS, sanitizeColumns, type ColumnKey, type SortKey, type SortState } from '@/domain/people/columns'
import { MAX_QUERY_LENGTH } from '@/domain/search/search'
import type { UserType } from '@/domain/people/person'

/** Everything a shared link or a reload restores: search, facets, sort and columns. */
export interface ViewState {
  query: string
  facets: FacetSelection
  /** null: relevance while searching, name otherwise */
  sort: SortState | null
  /** visible columns in order; null: the viewer's remembered layout */
  columns: ColumnKey[] | null
}

export const DEFAULT_VIEW: ViewState = { query: '', facets: NO_FACETS, sort: null, columns: null }

/** A URL query as vue-router gives it. */
export type UrlQuery = Record<string, string | null | (string | null)[] | undefined>

const MAX_LIST = 50
const MAX_VALUE = 200

function rawValues(query: UrlQuery, key: string): string[] {
  const raw = query[key]
  const list = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw]
  return list.filter((v): v is string => typeof v === 'string').slice(0, MAX_LIST)
}

function values(query: UrlQuery, key: string): string[] {
  return rawValues(query, key).map((v) => v.slice(0, MAX_VALUE))
}

function first(query: UrlQuery, key: string): string {
  return values(query, key)[0] ?? ''
}

function ids(query: UrlQuery, key: string): number[] {
  // split first, then cap: cutting the text first could turn ID 10033 into 10
  const list = rawValues(query, key).flatMap((v) => v.split(',', MAX_LIST * 2))
  return [...new Set(list.map(Number).filter((n) => Number.isInteger(n) && n > 0))].slice(0, MAX_LIST)
}

function strip(value: string): string {
  // control characters never belong in a filter value
  return value.replace(/[\u0000-\u001f\u007f]/g, '').trim()
}

/**
 * Reads the view from a URL query one piece at a time: a malformed or hostile piece is dropped on its own
 * and the rest still applies.
 */
export function parseViewState(query: UrlQuery): ViewState {
  const userTypes = values(query, 'type').filter((t): t is UserType => t === 'employee' || t === 'extranet')
  const birthday = first(query, 'bday')
  const facets: FacetSelection = {
    departments: ids(query, 'dept'),
    withSubdepartments: first(query, 'sub') !== '0',
    positions: [...new Set(values(query, 'pos').map(strip).filter(Boolean))],
    cities: [...new Set(values(query, 'city').map(strip).filter(Boolean))],
    userTypes: [...new Set(userTypes)],
    statuses: [...new Set(values(query, 'status').filter((s): s is EmploymentStatus => s === 'active' || s === 'dismissed'))],
    onlineNow: first(query, 'online') === '1',
    newThisMonth: first(query, 'new') === '1',
    birthday: birthday === 'month' || birthday === 'week' ? (birthday as BirthdayWindow) : null,
  }
  const sortText = first(query, 'sort')
  const sortKey = sortText.replace(/^-/, '') as SortKey
  const sort = SORT_KEYS.includes(sortKey) ? { key: sortKey, desc: sortText.startsWith('-') } : null
  const columnText = first(query, 'cols')
  const columns = columnText ? sanitizeColumns(columnText.split(',')) : []
  return {
    query: strip(first(query, 'q')).slice(0, MAX_QUERY_LENGTH),
    facets,
    sort,
    // a layout without a single real column is no layout: keep the viewer's own
    columns: columns.length > 1 ? columns : null,
  }
}

/** The URL query for a view; defaults are left out so plain links stay short. */
export function serializeViewState(view: ViewState): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  const { facets } = view
  if (view.query) out.q = view.query
  if (facets.departments.length) out.dept = facets.departments.join(',')
  if (facets.departments.length && !facets.withSubdepartments) out.sub = '0'
  if (facets.positions.length) out.pos = [...facets.positions]
  if (facets.cities.length) out.city = [...facets.cities]
  if (facets.userTypes.length) out.type = [...facets.userTypes]
  if (facets.statuses.length) out.status = [...facets.statuses]
  if (facets.onlineNow) out.online = '1'
  if (facets.newThisMonth) out.new = '1'
  if (facets.birthday) out.bday = facets.birthday
  if (view.sort) out.sort = `${view.sort.desc ? '-' : ''}${view.sort.key}`
  if (view.columns) out.cols = view.columns.join(',')
  return out
}
