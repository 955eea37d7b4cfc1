import { describe, expect, it } from 'vitest'
import { Buffer } from 'node:buffer'
import readXlsxFile from 'read-excel-file/node'
import type { ExportTable } from '@/domain/export-table'
import { sheetName, xlsxBlob } from '@/export/xlsx'

const table: ExportTable = {
  title: 'Отдел продаж: Москва / Санкт-Петербург [2026]',
  columns: ['Имя', 'Должность', 'Телефон'],
  rows: [
    ['Анна Иванова', 'Руководитель, "отдел" продаж', '+7 999 123-45-67'],
    ['Zoë 😀', 'Line one\nline two', ''],
    ['=HYPERLINK("x")', '007', '-5'],
  ],
}

/** The app's Blob is the test environment's; the reader wants Node's bytes. */
async function read(blob: Blob) {
  return readXlsxFile(Buffer.from(await blob.arrayBuffer()))
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
      [`'=HYPERLINK("x")`, '007', '-5'],
    ])
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
