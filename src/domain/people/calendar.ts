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

/** The birthday (any year) falls in the current week, Monday to Sunday, also across New Year. */
export function isBirthdayThisWeek(birthday: string, today: Date): boolean {
  if (birthday.length !== 10) return false
  const monthDay = birthday.slice(5)
  const monday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - ((today.getDay() + 6) % 7))
  for (let i = 0; i < 7; i++) {
    const day = new Date(monday.getFullYear(), monday.getMonth(), monday.getDate() + i)
    // people born on 29 February celebrate on the 28th in other years
    const celebrated = monthDay === '02-29' && !isLeapYear(day.getFullYear()) ? '02-28' : monthDay
    if (ymd(day).slice(5) === celebrated) return true
  }
  return false
}
