const formatters = new Map<string, Intl.DateTimeFormat | null>()

/**
 * A person's wall-clock time from their TIME_ZONE (an IANA name such as Europe/Berlin), in the viewer's
 * locale; '' when the zone is missing or unknown to the browser.
 */
export function localTime(timeZone: string, now: Date, locale: string): string {
  if (!timeZone) return ''
  const key = `${locale}|${timeZone}`
  let formatter = formatters.get(key)
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat(locale, { timeZone, hour: '2-digit', minute: '2-digit' })
    } catch {
      formatter = null
    }
    formatters.set(key, formatter)
  }
  return formatter ? formatter.format(now) : ''
}
