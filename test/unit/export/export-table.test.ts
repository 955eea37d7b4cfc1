import { describe, expect, it } from 'vitest'
import { exportFileName, sanitizeCell } from '@/domain/export-table'

const day = new Date(2026, 10, 22, 23, 30)

describe('exportFileName', () => {
  it('names the file after the view and the local date', () => {
    expect(exportFileName('People', 'csv', day)).toBe('people-directory-people-2026-11-22.csv')
    expect(exportFileName('Sales department', '.xlsx', day)).toBe('people-directory-sales-department-2026-11-22.xlsx')
  })
  it('keeps Cyrillic and other letters', () => {
    expect(exportFileName('Отдел продаж', 'csv', day)).toBe('people-directory-отдел-продаж-2026-11-22.csv')
    expect(exportFileName('Ärzte Zürich', 'csv', day)).toBe('people-directory-ärzte-zürich-2026-11-22.csv')
  })
  it('replaces characters file systems and headers reject, collapsing repeats', () => {
    const name = exportFileName(' a/b\\c:d*e?f"g<h>i|j\u0001k\tl  m ', 'csv', day)
    expect(name).toBe('people-directory-a-b-c-d-e-f-g-h-i-j-k-l-m-2026-11-22.csv')
    expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f]/)
  })
  it('drops an empty or punctuation-only title', () => {
    expect(exportFileName('', 'csv', day)).toBe('people-directory-2026-11-22.csv')
    expect(exportFileName(' /// ', 'vcf', day)).toBe('people-directory-2026-11-22.vcf')
  })
  it('stays short and keeps the date and extension of a long title', () => {
    const name = exportFileName('Очень длинное название отдела '.repeat(10), 'xlsx', day)
    expect(name.length).toBeLessThanOrEqual(80)
    expect(name).toMatch(/^people-directory-очень-длинное-.*[^-]-2026-11-22\.xlsx$/)
  })
  it('never cuts an emoji in half', () => {
    const name = exportFileName('😀'.repeat(100), 'csv', day)
    expect(name.length).toBeLessThanOrEqual(80)
    expect(name).not.toMatch(/[\ud800-\udfff]/u)
  })
})

describe('sanitizeCell', () => {
  it('turns text a spreadsheet would evaluate into plain text', () => {
    expect(sanitizeCell('=HYPERLINK("http://evil","click")')).toBe(`'=HYPERLINK("http://evil","click")`)
    expect(sanitizeCell('+cmd|calc')).toBe(`'+cmd|calc`)
    expect(sanitizeCell('-2+3+cmd|calc')).toBe(`'-2+3+cmd|calc`)
    expect(sanitizeCell('@SUM(A1:A2)')).toBe(`'@SUM(A1:A2)`)
    expect(sanitizeCell('\t=1+1')).toBe(`'\t=1+1`)
    expect(sanitizeCell('\r=1+1')).toBe(`'\r=1+1`)
    expect(sanitizeCell('- Team lead')).toBe(`'- Team lead`)
  })
  it('keeps phone numbers and numbers as they are', () => {
    expect(sanitizeCell('+7 999 123-45-67')).toBe('+7 999 123-45-67')
    expect(sanitizeCell('+1 (555) 010.9999')).toBe('+1 (555) 010.9999')
    expect(sanitizeCell('-5')).toBe('-5')
    expect(sanitizeCell('+')).toBe(`'+`)
  })
  it('leaves ordinary text alone', () => {
    for (const text of ['Анна Иванова', 'a=b', 'x@example.com', '', "'quoted"]) expect(sanitizeCell(text)).toBe(text)
  })
})
