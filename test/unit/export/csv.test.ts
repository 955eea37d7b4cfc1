import { describe, expect, it } from 'vitest'
// read back with another parser than the one that writes, so a quirk of papaparse cannot hide on both sides
import { parse } from 'csv-parse/sync'
import type { ExportTable } from '@/domain/admin/export-table'
import { intlLocale } from '@/domain/view/locale'
import { csvBlob, csvSeparator, toCsv } from '@/export/csv'

const table: ExportTable = {
  title: 'Люди',
  columns: ['Имя', 'Должность', 'Телефон', 'Заметка'],
  rows: [
    ['Анна Иванова', 'Руководитель, отдел продаж', '8 495 123-45-67', 'says "hi"'],
    ['Zoë 😀', 'Line one\nline two', '', 'a\r\nb'],
    ['Пётр', 'Sales; EMEA', '8 800 555-35-35', ''],
  ],
}

/** The file as a spreadsheet splits it on `separator`: the byte order mark dropped, every row as long as the header. */
function read(csv: string, separator: string): string[][] {
  return parse(csv, { bom: true, delimiter: separator, record_delimiter: '\r\n' }) as string[][]
}

describe('csvSeparator', () => {
  it('is a semicolon where Excel lists with one: the portal languages that write decimals with a comma', () => {
    for (const lang of ['ru', 'de', 'ua', 'fr', 'la', 'it', 'pl', 'br', 'tr', 'kz', 'vn', 'id']) {
      expect(csvSeparator(intlLocale(lang)), lang).toBe(';')
    }
  })
  it('is a comma elsewhere', () => {
    for (const lang of ['en', 'ja', 'sc', 'tc', 'in', 'th', 'ms']) expect(csvSeparator(intlLocale(lang)), lang).toBe(',')
  })
})

describe('toCsv', () => {
  it('starts with the UTF-8 byte order mark and the header row, separated for the viewer’s Excel', () => {
    const ru = toCsv(table, 'ru')
    expect(ru.charCodeAt(0)).toBe(0xfeff)
    expect(ru.slice(1).split('\r\n')[0]).toBe('Имя;Должность;Телефон;Заметка')
    expect(toCsv(table, 'en').slice(1).split('\r\n')[0]).toBe('Имя,Должность,Телефон,Заметка')
  })
  it('ends rows with CRLF', () => {
    expect(toCsv({ title: 't', columns: ['a', 'b'], rows: [['1', '2'], ['3', '4']] }, 'de')).toBe('\uFEFFa;b\r\n1;2\r\n3;4')
  })
  for (const [locale, separator] of [['ru', ';'], ['de', ';'], ['en', ',']] as const) {
    it(`splits into the same columns on "${separator}" in ${locale}: Cyrillic, both separators, quotes, line breaks and emoji`, () => {
      const rows = read(toCsv(table, locale), separator)
      expect(rows.map((row) => row.length)).toEqual([4, 4, 4, 4])
      expect(rows).toEqual([table.columns, ...table.rows])
    })
  }
  it('writes every value a spreadsheet would evaluate as text, behind an apostrophe', () => {
    const values = ['=HYPERLINK("http://evil","click")', '+cmd|calc', '-2+3', '@SUM(A1:A2)', '\t=1+1', '\r=1+1', '=1+2\n=3+4', '- Team lead']
    const rows = read(toCsv({ title: 't', columns: ['=Name'], rows: values.map((v) => [v]) }, 'ru'), ';')
    expect(rows).toEqual([["'=Name"], ...values.map((v) => [`'${v}`])])
  })
  it('keeps phone numbers readable: one apostrophe in front, every digit, space and sign as written', () => {
    const phones = ['+7 495 123-45-67', '+79161234567', '+7 495 123-45-67, +49 30 1234567, 123', '-5']
    const rows = read(toCsv({ title: 't', columns: ['Телефон'], rows: phones.map((p) => [p]) }, 'de'), ';')
    expect(rows.slice(1).map(([cell]) => cell)).toEqual(phones.map((p) => `'${p}`))
    // a phone that does not start like a formula is left exactly as it is
    expect(read(toCsv({ title: 't', columns: ['Tel'], rows: [['8 800 555-35-35'], ['(495) 123-45-67']] }, 'en'), ',')).toEqual([
      ['Tel'], ['8 800 555-35-35'], ['(495) 123-45-67'],
    ])
  })
  it('leaves ordinary text alone', () => {
    const values = ['Анна Иванова', 'a=b', 'x@example.com', "'quoted", '1,5', '42 %']
    expect(read(toCsv({ title: 't', columns: ['Text'], rows: values.map((v) => [v]) }, 'ru'), ';').slice(1).flat()).toEqual(values)
  })
})

describe('csvBlob', () => {
  it('is UTF-8 CSV with the byte order mark in its bytes', async () => {
    const blob = csvBlob(table, 'ru')
    expect(blob.type).toBe('text/csv;charset=utf-8')
    const bytes = new Uint8Array(await blob.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(new TextDecoder().decode(bytes.slice(3, 10))).toBe('Имя;')
  })
})
