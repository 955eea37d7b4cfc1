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
export const VIEW_PARAM = 'view'

/** Longer in-app addresses are refused when read (and not offered as a link): no real view comes close. */
export const MAX_ADDRESS_LENGTH = 4000

/** What PLACEMENT_OPTIONS say about a link: none was followed, one with an in-app address, or one the app cannot read. */
export type LinkedAddress = { kind: 'none' } | { kind: 'address'; address: string } | { kind: 'unreadable' }

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
