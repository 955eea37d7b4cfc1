import type { RestClient } from './rest-client'

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

/** `placement.bind`: admins only, OAuth only (a webhook cannot bind). */
export async function bindPlacement(client: RestClient, request: BindRequest): Promise<void> {
  const langAll = Object.fromEntries(Object.entries(request.titles).map(([lang, title]) => [lang, { TITLE: title }]))
  await client.call('placement.bind', {
    PLACEMENT: request.placement,
    HANDLER: request.handler,
    TITLE: request.title,
    LANG_ALL: langAll,
  })
}

/** `placement.unbind` of one handler: an earlier address of this app that would show a second, broken item. */
export async function unbindPlacement(client: RestClient, binding: PlacementBinding): Promise<void> {
  await client.call('placement.unbind', { PLACEMENT: binding.placement, HANDLER: binding.handler })
}
