import { describe, expect, it } from 'vitest'
import { exportFileName } from '@/domain/admin/export-table'

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
