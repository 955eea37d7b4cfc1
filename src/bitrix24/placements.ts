import type { RestClient } from './rest-client'
import { toRestError } from './rest-error'

export interface PlacementBinding {
  placement: string
  handler: string
}

/** The app's current placement bindings (`placement.get`). */
export async function fetchBindings(client: RestClient): Promise<PlacementBinding[]> {
  const { result } = await client.call<unknown>('placement.get')
  if (!Array.isArray(result)) return []
  return result
    .filter((b): b is Record<string, unknown> => Boolean(b) && typeof b === 'object')
    .map((b) => ({ placement: String(b.placement ?? b.PLACEMENT ?? ''), handler: String(b.handler ?? b.HANDLER ?? '') }))
}

export interface BindRequest {
  placement: string
  handler: string
  /** the title in the portal's language */
  title: string
  /** titles for every language the app speaks, keyed by Bitrix24 language id */
  titles: Record<string, string>
}

/**
 * Whether a placement.bind error means the binding is already there: Bitrix24 answers a bind of a handler
 * that is bound with HTTP 400 ERROR_CORE "Unable to set placement handler: Handler already binded" (another
 * install tab, or a placement.get read before someone else bound it).
 */
export function isAlreadyBound(error: unknown): boolean {
  const { code, description } = toRestError(error, 'placement.bind')
  return code === 'ERROR_CORE' && /already\s+bind/i.test(description)
}

/**
 * `placement.bind`: admins only, OAuth only (a webhook cannot bind). Resolves 'already' when the portal says
 * the same handler is bound already; throws RestError otherwise.
 */
export async function bindPlacement(client: RestClient, request: BindRequest): Promise<'bound' | 'already'> {
  const langAll = Object.fromEntries(Object.entries(request.titles).map(([lang, title]) => [lang, { TITLE: title }]))
  try {
    await client.call('placement.bind', {
      PLACEMENT: request.placement,
      HANDLER: request.handler,
      TITLE: request.title,
      LANG_ALL: langAll,
    })
    return 'bound'
  } catch (error) {
    if (isAlreadyBound(error)) return 'already'
    throw error
  }
}

/** `placement.unbind` of one handler: an earlier address of this app that would show a second, broken item. */
export async function unbindPlacement(client: RestClient, binding: PlacementBinding): Promise<void> {
  await client.call('placement.unbind', { PLACEMENT: binding.placement, HANDLER: binding.handler })
}
