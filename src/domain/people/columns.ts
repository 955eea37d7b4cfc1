/** Every column a people table can show. */
export const COLUMN_KEYS = [
  'name', 'position', 'department', 'email', 'phones', 'city', 'localTime', 'presence', 'status', 'lastSeen', 'registered',
  'completeness',
] as const
export type ColumnKey = (typeof COLUMN_KEYS)[number]

/** The directory's columns, in their default order. */
export const DIRECTORY_COLUMNS: readonly ColumnKey[] = ['name', 'position', 'department', 'email', 'phones', 'city', 'localTime', 'presence']

/** The admin table's columns, in their default order. */
export const ADMIN_COLUMNS: readonly ColumnKey[] = ['name', 'position', 'department', 'email', 'status', 'lastSeen', 'registered']

/**
 * How wide each column is drawn, in CSS px: wide enough for its usual content, so that who (name), what
 * (position) and where (department) with the row's contact actions fit a 1,000 px portal frame.
 */
export const COLUMN_WIDTHS: Readonly<Record<ColumnKey, number>> = {
  name: 256, position: 208, department: 224, email: 240, phones: 208, city: 152, localTime: 104, presence: 120,
  status: 120, lastSeen: 168, registered: 128, completeness: 224,
}

/**
 * The chosen columns that fit `available` px, in the chosen order: the name always, then each column in turn
 * while there is room for it (a wide one that does not fit lets narrower ones after it in). The order of the
 * choice is its priority, so a frame only as wide as a portal's shows what the viewer put first.
 */
export function fitColumns(chosen: readonly ColumnKey[], available: number): { shown: ColumnKey[]; hidden: ColumnKey[] } {
  const shown: ColumnKey[] = []
  const hidden: ColumnKey[] = []
  let used = 0
  for (const key of chosen) {
    const width = COLUMN_WIDTHS[key]
    if (key === 'name' || used + width <= available) {
      shown.push(key)
      used += width
    } else hidden.push(key)
  }
  return { shown, hidden }
}

function isColumnKey(value: unknown): value is ColumnKey {
  return typeof value === 'string' && (COLUMN_KEYS as readonly string[]).includes(value)
}

/** Columns that need contact fields, hidden when the granted scope has none. */
export const CONTACT_COLUMNS: readonly ColumnKey[] = ['email', 'phones']

export type SortKey = 'name' | 'position' | 'department' | 'email' | 'city' | 'presence' | 'status' | 'lastSeen' | 'registered'
export const SORT_KEYS: readonly SortKey[] = [
  'name', 'position', 'department', 'email', 'city', 'presence', 'status', 'lastSeen', 'registered',
]

export interface SortState {
  key: SortKey
  desc: boolean
}

/** A remembered column list: "name,position,email" (or the JSON array older versions kept). */
export function parseColumnList(text: string): string[] {
  if (text.startsWith('[')) {
    try {
      const list: unknown = JSON.parse(text)
      return Array.isArray(list) ? list.filter((k): k is string => typeof k === 'string') : []
    } catch {
      return []
    }
  }
  return text.split(',').map((k) => k.trim()).filter(Boolean)
}

/**
 * A column layout from untrusted input (URL, storage): known keys only, each once, the name always first
 * and always shown (a row without a name is no use).
 */
export function sanitizeColumns(value: readonly unknown[]): ColumnKey[] {
  const keys = [...new Set(value.filter(isColumnKey))].filter((k) => k !== 'name')
  return ['name', ...keys]
}
