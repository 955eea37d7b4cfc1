/** Calendar questions the facets ask, in the viewer's local time. Dates are YYYY-MM-DD strings. */

/** The local calendar date as YYYY-MM-DD. */
export function ymd(date: Date): string {
  const m = String(date.getMonth() + 1).padStart(2, '0')
  const d = String(date.getDate()).padStart(2, '0')
  return `${date.getFullYear()}-${m}-${d}`
}

/** Joined (or registered) in the current calendar month. */
export function isThisMonth(date: string, today: Date): boolean {
  return date.length >= 7 && date.slice(0, 7) === ymd(today).slice(0, 7)
}

/** The birthday (any year) falls in the current month. */
export function isBirthdayThisMonth(birthday: string, today: Date): boolean {
  return birthday.length === 10 && birthday.slice(5, 7) === ymd(today).slice(5, 7)
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

/** The month-days (MM-DD) of the current week, Monday to Sunday, for the last day asked about. */
let weekOfDay: { day: string; monthDays: ReadonlySet<string> } | null = null

/**
 * The month-days of `today`'s week, worked out once per day: the facets ask about everyone (50,000 people),
 * and the week is the same for all of them. People born on 29 February celebrate on the 28th in other years.
 */
function weekMonthDays(today: Date): ReadonlySet<string> {
  const day = ymd(today)
  if (weekOfDay?.day === day) return weekOfDay.monthDays
  const monthDays = new Set<string>()
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7))
  for (let i = 0; i < 7; i++) {
    const date = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i)
    const monthDay = ymd(date).slice(5)
    monthDays.add(monthDay)
    if (monthDay === '02-28' && !isLeapYear(date.getFullYear())) monthDays.add('02-29')
  }
  weekOfDay = { day, monthDays }
  return monthDays
}

/** The birthday (any year) falls in the current week, Monday to Sunday, also across New Year. */
export function isBirthdayThisWeek(birthday: string, today: Date): boolean {
  return birthday.length === 10 && weekMonthDays(today).has(birthday.slice(5))
}
