import Papa from 'papaparse'
import { sanitizeCell, type ExportTable } from '@/domain/export-table'

/**
 * The table as CSV that Excel opens correctly by double-click: the byte order mark tells it the file is
 * UTF-8 (without it Cyrillic names turn into mojibake), CRLF and commas are what RFC 4180 and Excel expect,
 * and fields with commas, quotes or line breaks are quoted.
 */
export function toCsv(table: ExportTable): string {
  const rows = [table.columns, ...table.rows].map((row) => row.map(sanitizeCell))
  return '\uFEFF' + Papa.unparse(rows, { delimiter: ',', newline: '\r\n', quotes: false })
}

export function csvBlob(table: ExportTable): Blob {
  return new Blob([toCsv(table)], { type: 'text/csv;charset=utf-8' })
}
