import { parseViewState, serializeViewState, type UrlQuery } from './view-state'
import { clampInactiveDays } from '@/domain/admin/admin-lists'

/**
 * A view shared as a portal address. The app's own page on a portal is `/marketplace/app/<ID>/`, and Bitrix24
 * hands that page's query string (minus its system parameters and `_r`) to the app frame as PLACEMENT_OPTIONS
 * (behaviour of the portal's `bitrix:app.layout` component for the DEFAULT placement; test/portal/README.md,
 * "Links to a view and reloads"). The app's parameter goes under the `params` key, the form Bitrix24 documents
 * for links that open an app with parameters (apidocs.bitrix24.com, api-reference/widgets/universal/app-url:
 * `?params[docId]=42`): `/marketplace/app/<ID>/?params[view]=<in-app address>`, so it never collides with a
 * parameter of the portal's own (`IFRAME`, `login`, …). The in-app address is the route's path and query,
 * exactly as the app writes it after the `#`.
 */
const VIEW_PARAM = 'view'

/** Longer in-app addresses are refused when read (and not offered as a link): no real view comes close. */
export const MAX_ADDRESS_LENGTH = 4000

/** What PLACEMENT_OPTIONS say about a link: none was followed, one with an in-app address, or one the app cannot read. */
export type LinkedAddress = { kind: 'none' } | { kind: 'address'; address: string } | { kind: 'unreadable' }

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
 * Whether text looks like an in-app address: `/path[?query]` of at most MAX_ADDRESS_LENGTH characters, with no
 * second slash up front (a host), no backslash, no fragment and no control characters.
 */
export function isAddressShape(text: unknown): text is string {
  return (
    typeof text === 'string' &&
    text.length <= MAX_ADDRESS_LENGTH &&
    /^\/(?![/\\])/.test(text) &&
    !/[\u0000-\u001f\u007f\\#]/.test(text)
  )
}

/** An object, or a JSON text of one (some portals send PLACEMENT_OPTIONS as a string); anything else: null. */
function asRecord(value: unknown): Record<string, unknown> | null {
  let parsed = value
  if (typeof parsed === 'string') {
    try {
      parsed = JSON.parse(parsed)
    } catch {
      return null
    }
  }
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null
}

/** A key in any letter case: portals do not promise to keep the case of option keys. */
function field(record: Record<string, unknown>, key: string): unknown {
  const found = Object.keys(record).find((k) => k.toLowerCase() === key)
  return found === undefined ? undefined : record[found]
}

/**
 * The in-app address a portal link carried, read from the frame's PLACEMENT_OPTIONS (object, JSON text or
 * `[]`). No `params` key: no link was followed. A `params` key without a usable `view` (not text, too long, not
 * an in-app address): unreadable. Nothing here throws.
 */
export function linkedAddress(placementOptions: unknown): LinkedAddress {
  const options = asRecord(placementOptions)
  const params = options ? field(options, 'params') : undefined
  if (params === undefined) return { kind: 'none' }
  const record = asRecord(params)
  const address = record ? field(record, VIEW_PARAM) : undefined
  return isAddressShape(address) ? { kind: 'address', address } : { kind: 'unreadable' }
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
