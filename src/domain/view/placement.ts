import { parseViewState, serializeViewState, type ViewState } from './view-state'
import { parsePlacementOptions } from './placement-view'

/** The PLACEMENT_OPTIONS key that carries a directory view, as the URL query the directory writes. */
const VIEW_OPTION = 'VIEW'

/**
 * PLACEMENT_OPTIONS that open the app's page on this view: what openApplication passes to the page it opens
 * in a slider. One text option, since portals pass option values on as text.
 */
export function viewPlacementOptions(view: ViewState): Record<string, string> {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(serializeViewState(view))) {
    for (const one of Array.isArray(value) ? value : [value]) params.append(key, one)
  }
  return { [VIEW_OPTION]: params.toString() }
}

/**
 * The directory view the app's page was opened with, as the URL query the directory reads; null when the
 * options carry none. Read like a shared link, piece by piece: only what the directory understands is kept.
 */
export function openingViewQuery(rawOptions: unknown): Record<string, string | string[]> | null {
  const text = parsePlacementOptions(rawOptions)[VIEW_OPTION]
  if (!text) return null
  const params = new URLSearchParams(text)
  const query: Record<string, string[]> = {}
  for (const key of new Set(params.keys())) query[key] = params.getAll(key)
  const view = serializeViewState(parseViewState(query))
  return Object.keys(view).length ? view : null
}
