import { ymd } from './calendar'

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

/** Text a spreadsheet would read as a formula: =, +, -, @ at the start, or a leading tab or carriage return. */
const FORMULA_START = /^[=+\-@\t\r]/
/** Digits with the punctuation phone numbers and numbers use, and at least one digit. */
const NUMBER_OR_PHONE = /^[\d +\-().]*\d[\d +\-().]*$/

/**
 * Guards against spreadsheet formula injection (OWASP "CSV injection"): a name, position or department
 * someone typed as "=HYPERLINK(…)" must open as text, not run when a colleague opens the export. Such cells
 * get a leading apostrophe, which Excel and LibreOffice read as "this is text".
 *
 * Numbers and phone numbers are left intact: phones are commonly written "+7 999 123-45-67", and a prefix
 * would break dialling and searching in the file. Text made only of digits, spaces and + - ( ) . cannot call
 * a function or reference another cell, so at worst a spreadsheet shows it as arithmetic.
 */
export function sanitizeCell(value: string): string {
  if (!FORMULA_START.test(value) || NUMBER_OR_PHONE.test(value)) return value
  return `'${value}`
}
