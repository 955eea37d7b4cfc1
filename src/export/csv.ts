import Papa from 'papaparse'
import type { ExportTable } from '@/domain/admin/export-table'

/**
 * What Excel, LibreOffice and Google Sheets evaluate when they open a CSV: a cell starting with = + - @, a tab
 * or a carriage return (OWASP "CSV injection"). Such a cell gets a leading apostrophe, the spreadsheet mark for
 * "this is text", so a name or position typed as "=HYPERLINK(…)" or "-2+3" opens as the words someone typed.
 *
 * Phone numbers get the same apostrophe. Left bare, "+7 495 123-45-67" is read as a formula and
 * "+79161234567" as the number 7.9E+10, its "+" gone. `="+7 …"` would look right in Excel but is a formula
 * itself and reads as code in any other program; an invisible character in front would travel unseen into
 * whatever the number is pasted into. After the apostrophe every digit, space and sign stays where it was, so
 * a person still reads and dials the number as written.
 */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * The separator Excel splits a CSV on is the list separator of the Windows region it runs in, and regions that
 * write decimals with a comma (Russian, German, Ukrainian, French, Spanish, Italian, Polish, Brazilian,
 * Turkish …) list with a semicolon; a comma-separated file opens there as one column. The viewer's portal
 * language is the best guess the app has at that region. A "sep=;" first line would pin the separator
 * instead, but Excel then ignores the byte order mark and Cyrillic turns into mojibake.
 */
export function csvSeparator(locale: string): ',' | ';' {
  const decimal = new Intl.NumberFormat(locale).formatToParts(1.5).find((part) => part.type === 'decimal')
  return decimal?.value === ',' ? ';' : ','
}

/**
 * The table as CSV that Excel opens correctly by double-click in the viewer's language (`locale`, a BCP 47
 * tag): the byte order mark tells it the file is UTF-8 (without it Cyrillic names turn into mojibake), rows
 * end with CRLF as RFC 4180 and Excel expect, and fields holding the separator, quotes or line breaks are
 * quoted.
 */
export function toCsv(table: ExportTable, locale: string): string {
  const rows = [table.columns, ...table.rows]
  const csv = Papa.unparse(rows, { delimiter: csvSeparator(locale), newline: '\r\n', quotes: false, escapeFormulae: FORMULA_START })
  return '\uFEFF' + csv
}

export function csvBlob(table: ExportTable, locale: string): Blob {
  return new Blob([toCsv(table, locale)], { type: 'text/csv;charset=utf-8' })
}
