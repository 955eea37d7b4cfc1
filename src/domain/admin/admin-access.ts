/** Access codes Bitrix24 understands: U1, G2, AU, D5, DR5, IU7, SG4, SG4_A … */
const ACCESS_CODE = /^(AU|G\d+|U\d+|IU\d+|D\d+|DR\d+|SG\d+(_[A-Z])?)$/

/** One grant of the admin views: an access code and the name the access-rights dialog gave it. */
export interface AccessGrant {
  id: string
  name: string
}

/** The app option that keeps the grants. */
export const ADMIN_ACCESS_OPTION = 'adminAccess'

/**
 * The grants an admin made, from the app option that stores them: a JSON list of `{id, name}` (or of bare
 * codes). Anything malformed is ignored; an empty list means "admins only".
 */
export function adminGrants(option: unknown): AccessGrant[] {
  let value = option
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return []
    }
  }
  if (!Array.isArray(value)) return []
  const grants = new Map<string, AccessGrant>()
  for (const entry of value as unknown[]) {
    const raw = typeof entry === 'string' ? { id: entry, name: entry } : (entry ?? {})
    const { id, name } = raw as { id?: unknown; name?: unknown }
    if (typeof id !== 'string' || !ACCESS_CODE.test(id) || grants.has(id)) continue
    grants.set(id, { id, name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 200) : id })
  }
  return [...grants.values()]
}

/** The access codes of the grants, for `user.access`. */
export function adminAccessCodes(option: unknown): string[] {
  return adminGrants(option).map((grant) => grant.id)
}

/** The option value that stores these grants. */
export function serializeGrants(grants: readonly AccessGrant[]): string {
  return JSON.stringify(grants.map(({ id, name }) => ({ id, name })))
}
