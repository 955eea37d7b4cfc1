/** Every column a people table can show. */
export const COLUMN_KEYS = [
  'name', 'position', 'department', 'email', 'phones', 'city', 'localTime', 'presence', 'status', 'lastSeen', 'registered',
  'completeness',
] as const
export type ColumnKey = (typeof COLUMN_KEYS)[number]

/** The directory's columns, in their default order. */
export const DIRECTORY_COLUMNS: readonly ColumnKey[] = ['name', 'position', 'department', 'email', 'phones', 'city', 'localTime', 'presence']

/** Columns about someone's account rather than their work: for the admin views only. */
export const ADMIN_ONLY_COLUMNS: readonly ColumnKey[] = ['status', 'lastSeen', 'registered', 'completeness']

/** The admin table's columns, in their default order. */
export const ADMIN_COLUMNS: readonly ColumnKey[] = ['name', 'position', 'department', 'email', 'status', 'lastSeen', 'registered']

export function isColumnKey(value: unknown): value is ColumnKey {
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
