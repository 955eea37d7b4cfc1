/**
 * Date formats of the portal. The server's time zone is Moscow (+03:00, no DST), as on the Russian cloud
 * clusters the docs' examples come from; REST dates carry it (`date('c')`, CRestUtil::ConvertDate*).
 */
const SERVER_OFFSET_MIN = 180

const pad = (n: number, w = 2): string => String(n).padStart(w, '0')

function shifted(ms: number): Date {
  return new Date(ms + SERVER_OFFSET_MIN * 60_000)
}

function offsetSuffix(): string {
  const sign = SERVER_OFFSET_MIN >= 0 ? '+' : '-'
  const abs = Math.abs(SERVER_OFFSET_MIN)
  return `${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`
}

/** `date('c')`: 2024-07-26T13:41:51+03:00 */
export function isoServer(ms: number): string {
  const d = shifted(ms)
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}${offsetSuffix()}`
}

/** ConvertDate: the server-local calendar day at midnight, 2024-07-15T00:00:00+03:00 */
export function isoServerDate(value: string | number): string {
  const day = typeof value === 'number' ? isoServer(value).slice(0, 10) : value.slice(0, 10)
  return `${day}T00:00:00${offsetSuffix()}`
}

/** Site format of CUser::GetByID for TIMESTAMP_X: 24.08.2023 13:19:39 */
export function siteDateTime(ms: number): string {
  const d = shifted(ms)
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** Raw database format, as user.current shows LAST_ACTIVITY_DATE: 2024-08-29 10:30:11 */
export function dbDateTime(ms: number): string {
  return isoServer(ms).slice(0, 19).replace('T', ' ')
}

/**
 * strtotime() for filter values: ISO 8601 (with or without time or offset), `Y-m-d H:i:s`, `d.m.Y [H:i:s]`.
 * Values without an offset are server-local. null = not parseable (the condition then matches nothing).
 */
export function parseServerDate(value: unknown): number | null {
  if (typeof value === 'number' && Number.isFinite(value)) return value * 1000
  if (typeof value !== 'string') return null
  const s = value.trim()
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(s)
  let parts: number[]
  let zone: string | undefined
  if (m) {
    parts = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number)
    zone = m[7]
  } else {
    m = /^(\d{2})\.(\d{2})\.(\d{4})(?:\s+(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(s)
    if (!m) return null
    parts = [m[3], m[2], m[1], m[4] ?? '0', m[5] ?? '0', m[6] ?? '0'].map(Number)
  }
  const [y, mo, d, h, mi, se] = parts as [number, number, number, number, number, number]
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || se > 59) return null
  let offsetMin = SERVER_OFFSET_MIN
  if (zone) {
    if (zone.toUpperCase() === 'Z') offsetMin = 0
    else {
      const z = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)
      if (!z) return null
      offsetMin = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3]))
    }
  }
  return Date.UTC(y, mo - 1, d, h, mi, se) - offsetMin * 60_000
}

/** Current UTC offset of an IANA zone in seconds; the server's when the zone is empty or unknown. */
export function tzOffsetSeconds(tz: string, at = Date.now()): number {
  if (!tz) return SERVER_OFFSET_MIN * 60
  try {
    const name = new Intl.DateTimeFormat('en-US', { timeZone: tz, timeZoneName: 'longOffset' })
      .formatToParts(new Date(at))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT'
    const m = /GMT([+-])(\d{2}):(\d{2})/.exec(name)
    return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 3600 + Number(m[3]) * 60) : 0
  } catch {
    return SERVER_OFFSET_MIN * 60
  }
}
