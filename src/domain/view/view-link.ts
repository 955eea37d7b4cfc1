import { parseViewState, serializeViewState, type UrlQuery } from './view-state'
import { clampInactiveDays } from '@/domain/admin/inactive-days'
import { isAddressShape, VIEW_PARAM } from './address'

/** The pages a link may open (route names), each with the query it reads. */
const PAGE_QUERY = {
  directory: { view: true, days: false, person: true },
  structure: { view: false, days: false, person: false },
  'admin-people': { view: true, days: false, person: true },
  'admin-lists': { view: false, days: true, person: true },
  'admin-charts': { view: false, days: false, person: false },
  'admin-settings': { view: false, days: false, person: false },
} as const

export type LinkablePage = keyof typeof PAGE_QUERY

/** Whether a route name is a page a link may open (the directory, the structure, the admin views). */
export function isLinkablePage(name: unknown): name is LinkablePage {
  return typeof name === 'string' && Object.hasOwn(PAGE_QUERY, name)
}

/**
 * The portal address that opens an in-app address for anyone in the portal:
 * `<portal>/marketplace/app/<appId>/?params%5Bview%5D=<address>` (`appId`: app.info's ID); null when the address
 * is not one (isAddressShape), too long included.
 */
export function portalViewLink(portalOrigin: string, appId: number, address: string): string | null {
  if (!isAddressShape(address)) return null
  const url = new URL(`/marketplace/app/${appId}/`, portalOrigin)
  url.searchParams.set(`params[${VIEW_PARAM}]`, address)
  return url.href
}

function firstText(value: UrlQuery[string]): string | undefined {
  const list = Array.isArray(value) ? value : [value]
  const text = list.find((v) => typeof v === 'string')
  return typeof text === 'string' ? text : undefined
}

function personOf(value: UrlQuery[string]): number | null {
  const text = firstText(value) ?? ''
  const id = Number(text)
  return /^\d{1,10}$/.test(text) && Number.isSafeInteger(id) && id > 0 ? id : null
}

/** The non-empty text values of a query, each key's values sorted, for comparing what a link had with what is kept. */
function normalized(query: UrlQuery): Map<string, string> {
  const out = new Map<string, string>()
  for (const [key, value] of Object.entries(query)) {
    const list = (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string')
    if (list.length) out.set(key, JSON.stringify([...list].sort()))
  }
  return out
}

export interface CleanQuery {
  /** only what the page reads, each value as the app itself would write it */
  query: Record<string, string | string[]>
  /** something in the given query was dropped or rewritten */
  changed: boolean
}

/**
 * Keeps what a page reads from its query, each piece checked the way the page checks it (the view state by
 * parseViewState, the card by a positive ID, the inactivity threshold by clampInactiveDays), and says whether
 * anything the app would not write itself was given.
 */
export function cleanPageQuery(page: LinkablePage, query: UrlQuery): CleanQuery {
  const reads = PAGE_QUERY[page]
  const out: Record<string, string | string[]> = reads.view ? serializeViewState(parseViewState(query)) : {}
  if (reads.days) {
    const days = clampInactiveDays(firstText(query.days))
    if (String(days) === firstText(query.days)) out.days = String(days)
  }
  if (reads.person) {
    const id = personOf(query.person)
    if (id !== null) out.person = String(id)
  }
  const given = normalized(query)
  const kept = normalized(out)
  const changed = given.size !== kept.size || [...given].some(([key, value]) => kept.get(key) !== value)
  return { query: out, changed }
}
