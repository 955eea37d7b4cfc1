import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/browser'
import type { ExportTable } from '@/domain/admin/export-table'

/** Excel's own limits: sheet names of at most 31 characters, without [ ] : * ? / \ */
const SHEET_NAME_LIMIT = 31
/** Column widths in characters: wide enough for a short header, narrow enough that one long cell can't push the rest off screen. */
const MIN_WIDTH = 8
const MAX_WIDTH = 60

/** A sheet name Excel accepts without "repairing" the file. */
export function sheetName(title: string): string {
  const name = Array.from(
    title
      .replace(/[[\]:*?/\\]/g, '')
      .replace(/[\s\u0000-\u001f]+/g, ' ')
      .trim()
      // Excel rejects names that start or end with an apostrophe
      .replace(/^'+|'+$/g, ''),
  )
    .slice(0, SHEET_NAME_LIMIT)
    .join('')
    .trim()
  // "History" is reserved by Excel for change tracking
  if (!name || name.toLowerCase() === 'history') return name ? `${name} 1` : 'Sheet1'
  return name
}

function columnWidths(table: ExportTable): { width: number }[] {
  return table.columns.map((header, index) => {
    let longest = Array.from(header).length
    for (const row of table.rows) {
      const lines = (row[index] ?? '').split('\n')
      for (const line of lines) longest = Math.max(longest, Array.from(line).length)
    }
    return { width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest + 2)) }
  })
}

/**
 * The table as an Excel workbook with one sheet. Every cell is a text cell: Excel never evaluates one as a
 * formula nor reads it as a number, so "=HYPERLINK(…)" in a name stays the words someone typed and a phone keeps
 * its "+" and spaces. Values are written exactly as shown, with no apostrophe in front: the CSV needs one to
 * mark text, but in a text cell of a workbook it would be shown as part of the value.
 */
export async function xlsxBlob(table: ExportTable): Promise<Blob> {
  const header: Cell[] = table.columns.map((label) => ({ value: label, type: String, fontWeight: 'bold' }))
  const body = table.rows.map((row): Cell[] =>
    row.map((value) => (value === '' ? null : { value, type: String })),
  )
  const data: SheetData = [header, ...body]
  return writeXlsxFile(data, {
    sheet: sheetName(table.title),
    columns: columnWidths(table),
    // the header stays in view while scrolling a long list of people
    stickyRowsCount: 1,
  }).toBlob()
}
