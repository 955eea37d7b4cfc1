/**
 * The inactivity threshold of the admin lists, kept apart from the lists themselves: a view link reads it
 * on every open, and the lists belong to the admin view's own chunk.
 */

const DEFAULT_INACTIVE_DAYS = 90
const MAX_INACTIVE_DAYS = 3650

/**
 * The inactivity threshold from untrusted input (a URL parameter, a text field): a whole number of days
 * from 1 to 3650, given as a number or as digits; anything else, out of range included, gives 90.
 */
export function clampInactiveDays(value: unknown): number {
  let days: number
  if (typeof value === 'number') days = value
  else if (typeof value === 'string' && /^\s*\d{1,5}\s*$/.test(value)) days = Number(value)
  else return DEFAULT_INACTIVE_DAYS
  return Number.isInteger(days) && days >= 1 && days <= MAX_INACTIVE_DAYS ? days : DEFAULT_INACTIVE_DAYS
}
