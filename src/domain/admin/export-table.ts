import { ymd } from '@/domain/people/calendar'

/**
 * A view's data as plain text, ready for any file format: what the person sees in the table,
 * in the same column order and with the same labels.
 */
export interface ExportTable {
  /** the sheet name and the base of the file name, e.g. "People" or "Sales department" */
  title: string
  /** header labels, in the order shown */
  columns: string[]
  /** one string per column; an empty string for an empty cell */
  rows: string[][]
}

const FILE_PREFIX = 'people-directory'
/** Long names get cut by mail clients and file dialogs; 80 keeps the date and extension visible. */
const MAX_FILE_NAME = 80

/**
 * "people-directory-<title>-2026-11-22.csv". Letters of any script and digits stay (a Russian portal names
 * its departments in Cyrillic); everything else, including / \ : * ? " < > | and control characters that
 * Windows, macOS or a Content-Disposition header would reject, becomes a single "-".
 */
export function exportFileName(title: string, extension: string, date: Date): string {
  const ext = extension.replace(/^\.+/, '')
  const dateText = ymd(date)
  const room = MAX_FILE_NAME - FILE_PREFIX.length - dateText.length - ext.length - 3
  const slug = Array.from(
    title
      .normalize('NFC')
      .toLocaleLowerCase()
      .replace(/[^\p{L}\p{M}\p{N}_]+/gu, '-')
      .replace(/^-+|-+$/g, ''),
  )
    .slice(0, Math.max(room, 0))
    .join('')
    .replace(/-+$/, '')
  return [FILE_PREFIX, slug, dateText].filter(Boolean).join('-') + (ext ? `.${ext}` : '')
}
