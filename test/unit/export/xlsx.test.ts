import { describe, expect, it } from 'vitest'
import { Buffer } from 'node:buffer'
import readXlsxFile from 'read-excel-file/node'
import { strFromU8, unzipSync } from 'fflate'
import type { ExportTable } from '@/domain/admin/export-table'
import { sheetName, xlsxBlob } from '@/export/xlsx'

const table: ExportTable = {
  title: 'Отдел продаж: Москва / Санкт-Петербург [2026]',
  columns: ['Имя', 'Должность', 'Телефон'],
  rows: [
    ['Анна Иванова', 'Руководитель, "отдел" продаж', '+7 495 123-45-67'],
    ['Zoë 😀', 'Line one\nline two', ''],
    ['=HYPERLINK("x")', '-2+3', '+79161234567, 007'],
    ['@SUM(A1:A2)', '+cmd|calc', '12345'],
  ],
}

/** The app's Blob is the test environment's; the reader wants Node's bytes. */
async function read(blob: Blob) {
  return readXlsxFile(Buffer.from(await blob.arrayBuffer()))
}

/** Every cell of the sheet as stored: its address, its type (`t`) and whether it holds a formula. */
async function storedCells(blob: Blob): Promise<{ ref: string; type: string | null; formula: boolean }[]> {
  const sheet = strFromU8(unzipSync(new Uint8Array(await blob.arrayBuffer()))['xl/worksheets/sheet1.xml']!)
  return [...sheet.matchAll(/<c ([^>]*?)(\/>|>(.*?)<\/c>)/g)].map(([, attributes, , content]) => ({
    ref: /\br="([A-Z]+\d+)"/.exec(attributes!)![1]!,
    type: /\bt="(\w+)"/.exec(attributes!)?.[1] ?? null,
    formula: (content ?? '').includes('<f'),
  }))
}

describe('xlsxBlob', () => {
  it('reads back as the same rows, every cell as text', async () => {
    const blob = await xlsxBlob(table)
    expect(blob.size).toBeGreaterThan(0)
    const [sheet, ...others] = await read(blob)
    expect(others).toEqual([])
    expect(sheet?.data).toEqual([
      table.columns,
      table.rows[0],
      ['Zoë 😀', 'Line one\nline two', null],
      table.rows[2],
      table.rows[3],
    ])
  })
  it('shows values as written: no apostrophe in front, phones as text rather than numbers', async () => {
    const [sheet] = await read(await xlsxBlob(table))
    const cells = sheet!.data.flat().filter((cell) => cell !== null)
    expect(cells.every((cell) => typeof cell === 'string' && !cell.startsWith("'"))).toBe(true)
    expect(sheet!.data.slice(1).map((row) => row[2])).toEqual(['+7 495 123-45-67', null, '+79161234567, 007', '12345'])
  })
  it('stores every cell as text and none as a formula or a number', async () => {
    const cells = await storedCells(await xlsxBlob(table))
    // a header and four rows of three, less the one empty cell, which is not written at all
    expect(cells).toHaveLength(5 * 3 - 1)
    expect(cells.filter((cell) => cell.type !== 's' || cell.formula)).toEqual([])
    // the phone column among them, down to the digits-only 12345
    expect(cells.filter((cell) => cell.ref.startsWith('C')).map((cell) => cell.ref)).toEqual(['C1', 'C2', 'C4', 'C5'])
  })
  it('names the sheet after the table within Excel’s rules', async () => {
    const [sheet] = await read(await xlsxBlob(table))
    expect(sheet?.sheet).toBe('Отдел продаж Москва Санкт-Петер')
  })
  it('writes an empty table as a header row', async () => {
    const [sheet] = await read(await xlsxBlob({ title: 'People', columns: ['Name'], rows: [] }))
    expect(sheet?.data).toEqual([['Name']])
  })
})

describe('sheetName', () => {
  it('cuts to 31 characters and drops characters Excel forbids', () => {
    expect(sheetName('a[b]c:d*e?f/g\\h')).toBe('abcdefgh')
    expect(sheetName('Sales\t\tteam\n')).toBe('Sales team')
    expect(Array.from(sheetName('Я'.repeat(40)))).toHaveLength(31)
  })
  it('falls back for names Excel rejects', () => {
    expect(sheetName('')).toBe('Sheet1')
    expect(sheetName('[]')).toBe('Sheet1')
    expect(sheetName("'quoted'")).toBe('quoted')
    expect(sheetName('History')).toBe('History 1')
  })
})
