/**
 * department.get / department.fields (scope `department`), CIntranetRestService, portal-protocol.md §3.7.
 * Quirks kept on purpose:
 * - filter keys are exact upper-case ID, NAME, SORT, PARENT, UF_HEAD; prefixed keys (`>ID`) are dropped, so
 *   the SDK's `>ID` cursor walk gets the same first page again and again;
 * - `FILTER` (upper-case only) replaces the whole query, SORT/ORDER included;
 * - SORT is also a filter key: `SORT:'NAME'` sorts by name AND filters SORT = intval('NAME') = 0;
 *   lower-case `sort`/`order` only sort;
 * - paging is by page: start is rounded down to a multiple of 50; `total` is always there;
 * - PARENT / UF_HEAD keys are absent when empty; default order is the tree (LEFT_MARGIN).
 */
import type { FixtureDepartment } from '../../types'
import type { MethodContext, MethodDef, MethodResult } from '../context'
import { isPhpArray, phpIntval, phpValues, upperKeys, type Params } from '../params'
import { likeRegex } from './user-filter'

const FIELDS = ['ID', 'NAME', 'SORT', 'PARENT', 'UF_HEAD'] as const
const PAGE = 50

type Test = (d: FixtureDepartment) => boolean

function intTest(value: unknown, get: (d: FixtureDepartment) => number | null): Test {
  const ids = (isPhpArray(value) ? phpValues(value) : [value]).map(phpIntval)
  // 0 (or an empty value) means "none": root departments for PARENT, no head for UF_HEAD
  return (d) => ids.some((id) => (get(d) ?? 0) === id)
}

function buildFilter(query: Params): Test[] {
  const tests: Test[] = []
  for (const key of FIELDS) {
    if (!(key in query)) continue
    const value = query[key]
    if (key === 'NAME') {
      const re = likeRegex(String(value ?? ''))
      tests.push((d) => re.test(d.NAME))
    } else if (key === 'SORT') {
      const n = phpIntval(value)
      tests.push((d) => d.SORT === n)
    } else if (key === 'ID') tests.push(intTest(value, (d) => d.ID))
    else if (key === 'PARENT') tests.push(intTest(value, (d) => d.PARENT))
    else tests.push(intTest(value, (d) => d.UF_HEAD))
  }
  return tests
}

function prepareSort(query: Params): { field: (typeof FIELDS)[number]; desc: boolean } | null {
  const q = upperKeys(query)
  if (typeof q.SORT !== 'string') return null
  const field = q.SORT.toUpperCase() as (typeof FIELDS)[number]
  if (!FIELDS.includes(field)) return null
  const desc = typeof q.ORDER === 'string' && q.ORDER.toUpperCase() === 'DESC'
  return { field, desc }
}

function format(d: FixtureDepartment): Record<string, unknown> {
  const out: Record<string, unknown> = { ID: String(d.ID), NAME: d.NAME, SORT: d.SORT }
  if (d.PARENT !== null) out.PARENT = String(d.PARENT)
  if (d.UF_HEAD !== null) out.UF_HEAD = String(d.UF_HEAD)
  return out
}

function departmentGet(ctx: MethodContext): MethodResult {
  const filter = ctx.params.FILTER
  const query: Params = isPhpArray(filter) ? { ...filter } : ctx.params
  const tests = buildFilter(query)
  let list = ctx.dir.tree.filter((d) => tests.every((t) => t(d)))
  const sort = prepareSort(query)
  if (sort) {
    const rank = new Map(ctx.dir.tree.map((d, i) => [d.ID, i]))
    const key = (d: FixtureDepartment): number | string | null => (sort.field === 'NAME' ? d.NAME.toLowerCase() : d[sort.field])
    const sign = sort.desc ? -1 : 1
    list = [...list].sort((a, b) => {
      const ka = key(a)
      const kb = key(b)
      if (ka === kb) return (rank.get(a.ID) ?? 0) - (rank.get(b.ID) ?? 0)
      if (ka === null) return -sign
      if (kb === null) return sign
      return (ka < kb ? -1 : 1) * sign
    })
  }
  const page = Math.max(1, Math.trunc(ctx.start / PAGE) + 1)
  const offset = Math.max(0, (page - 1) * PAGE)
  const out: MethodResult = { result: list.slice(offset, offset + PAGE).map(format), total: list.length }
  if (page < Math.ceil(list.length / PAGE)) out.next = page * PAGE
  return out
}

export const DEPARTMENT_METHODS: Record<string, MethodDef> = {
  'department.get': { scope: 'department', handler: departmentGet },
  'department.fields': {
    scope: 'department',
    handler: () => ({
      result: { ID: 'ID', NAME: 'Department name', SORT: 'Sort order', PARENT: 'Parent department', UF_HEAD: 'Supervisor' },
    }),
  },
}
