/** Access codes Bitrix24 understands: U1, G2, AU, D5, DR5, IU7, SG4_A … */
const ACCESS_CODE = /^(AU|G\d+|U\d+|IU\d+|D\d+|DR\d+|SG\d+(_[A-Z])?)$/

/**
 * The access codes an admin granted to the admin views, from the app option that stores them.
 * Anything malformed is ignored; an empty list means "admins only".
 */
export function adminAccessCodes(option: unknown): string[] {
  let value = option
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value)
    } catch {
      return []
    }
  }
  if (!Array.isArray(value)) return []
  const codes = value.filter((code): code is string => typeof code === 'string' && ACCESS_CODE.test(code))
  return [...new Set(codes)]
}
