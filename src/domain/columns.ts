/** The people table's columns, in their default order. */
export const COLUMN_KEYS = ['name', 'position', 'department', 'email', 'phones', 'city', 'localTime', 'presence'] as const
export type ColumnKey = (typeof COLUMN_KEYS)[number]

export function isColumnKey(value: unknown): value is ColumnKey {
  return typeof value === 'string' && (COLUMN_KEYS as readonly string[]).includes(value)
}

/** Columns that need contact fields, hidden when the granted scope has none. */
export const CONTACT_COLUMNS: readonly ColumnKey[] = ['email', 'phones']

export type SortKey = 'name' | 'position' | 'department' | 'email' | 'city' | 'presence'
export const SORT_KEYS: readonly SortKey[] = ['name', 'position', 'department', 'email', 'city', 'presence']

export interface SortState {
  key: SortKey
  desc: boolean
}

/**
 * A column layout from untrusted input (URL, storage): known keys only, each once, the name always first
 * and always shown (a row without a name is no use).
 */
export function sanitizeColumns(value: readonly unknown[]): ColumnKey[] {
  const keys = [...new Set(value.filter(isColumnKey))].filter((k) => k !== 'name')
  return ['name', ...keys]
}
