/**
 * PLACEMENT_OPTIONS as portals send them: an object in getInitData, but a JSON string on some portals and
 * an empty array when there are none; keys in any case (`USER_ID`, `user_id`) and values as strings or
 * numbers. Always a plain record of strings with upper-case keys afterwards.
 */
export function parsePlacementOptions(raw: unknown): Record<string, string> {
  let value = raw
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return {}
    }
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
  const out: Record<string, string> = {}
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number') out[key.toUpperCase()] = String(v).trim()
  }
  return out
}

export type PlacementView =
  | { kind: 'directory' }
  /** a person's card as the whole view; `team` adds who they work with (their own menu) */
  | { kind: 'person'; userId: number; team: boolean }
  | { kind: 'no-user' }
  | { kind: 'unknown'; placement: string }

function userIdOf(options: Record<string, string>): number | null {
  const id = Number(options.USER_ID)
  return /^\d+$/.test(options.USER_ID ?? '') && Number.isSafeInteger(id) && id > 0 ? id : null
}

/**
 * What to show for a placement: the directory on the app's own page and in the left menu; on a profile's
 * toolbar the card of the profile's owner; in the viewer's own profile menu their card with their team.
 */
export function placementView(placement: string, rawOptions: unknown): PlacementView {
  const options = parsePlacementOptions(rawOptions)
  switch (placement.toUpperCase()) {
    case 'DEFAULT':
    case 'LEFT_MENU':
      return { kind: 'directory' }
    case 'USER_PROFILE_TOOLBAR':
    case 'USER_PROFILE_MENU': {
      const userId = userIdOf(options)
      if (userId === null) return { kind: 'no-user' }
      return { kind: 'person', userId, team: placement.toUpperCase() === 'USER_PROFILE_MENU' }
    }
    default:
      return { kind: 'unknown', placement }
  }
}
