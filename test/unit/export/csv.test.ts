import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import type { ExportTable } from '@/domain/export-table'
import { csvBlob, toCsv } from '@/export/csv'

const table: ExportTable = {
  title: 'Люди',
  columns: ['Имя', 'Должность', 'Телефон', 'Заметка'],
  rows: [
    ['Анна Иванова', 'Руководитель, отдел продаж', '+7 999 123-45-67', 'says "hi"'],
    ['Zoë 😀', 'Line one\nline two', '', 'a\r\nb'],
    ['Пётр', '', '-5', ''],
  ],
}

function parse(csv: string): string[][] {
  return Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { header: false }).data
}

describe('toCsv', () => {
  it('starts with the UTF-8 byte order mark and the header row', () => {
    const csv = toCsv(table)
    expect(csv.charCodeAt(0)).toBe(0xfeff)
    expect(csv.slice(1).split('\r\n')[0]).toBe('Имя,Должность,Телефон,Заметка')
  })
  it('ends rows with CRLF', () => {
    const csv = toCsv({ title: 't', columns: ['a', 'b'], rows: [['1', '2'], ['3', '4']] })
    expect(csv).toBe('\uFEFFa,b\r\n1,2\r\n3,4')
  })
  it('reads back as the same rows: Cyrillic, commas, quotes, line breaks and emoji', () => {
    expect(parse(toCsv(table))).toEqual([table.columns, ...table.rows])
  })
  it('writes formulas as text', () => {
    const csv = toCsv({ title: 't', columns: ['Name'], rows: [['=1+2'], ['@cmd'], ['+7 999 123-45-67']] })
    expect(parse(csv)).toEqual([['Name'], ["'=1+2"], ["'@cmd"], ['+7 999 123-45-67']])
  })
})

describe('csvBlob', () => {
  it('is UTF-8 CSV with the byte order mark in its bytes', async () => {
    const blob = csvBlob(table)
    expect(blob.type).toBe('text/csv;charset=utf-8')
    const bytes = new Uint8Array(await blob.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes.slice(3, 9))).toBe('Имя')
  })
})
