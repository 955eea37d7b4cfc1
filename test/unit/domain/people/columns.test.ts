import { describe, expect, it } from 'vitest'
import { COLUMN_WIDTHS, DIRECTORY_COLUMNS, fitColumns, sanitizeColumns } from '@/domain/people/columns'

describe('fitColumns', () => {
  const core = COLUMN_WIDTHS.name + COLUMN_WIDTHS.position + COLUMN_WIDTHS.department

  it('shows who, what and where in a portal frame of 1,000 px, with room left for the contact actions', () => {
    // 1,000 px frame, the page padding and the actions column taken off
    const { shown } = fitColumns(DIRECTORY_COLUMNS, 1000 - 32 - 120)
    expect(shown.slice(0, 3)).toEqual(['name', 'position', 'department'])
    expect(core).toBeLessThanOrEqual(1000 - 32 - 120)
  })

  it('adds columns in the chosen order as the width allows, and says which it left out', () => {
    const narrow = fitColumns(DIRECTORY_COLUMNS, core + COLUMN_WIDTHS.email)
    expect(narrow.shown).toEqual(['name', 'position', 'department', 'email'])
    expect(narrow.hidden).toEqual(['phones', 'city', 'localTime', 'presence'])
    const wide = fitColumns(DIRECTORY_COLUMNS, 10_000)
    expect(wide.shown).toEqual([...DIRECTORY_COLUMNS])
    expect(wide.hidden).toEqual([])
  })

  it('lets a narrower column in after a wide one that does not fit', () => {
    const { shown, hidden } = fitColumns(['name', 'email', 'city'], COLUMN_WIDTHS.name + COLUMN_WIDTHS.city)
    expect(shown).toEqual(['name', 'city'])
    expect(hidden).toEqual(['email'])
  })

  it('keeps the name however narrow the frame', () => {
    expect(fitColumns(['name', 'position'], 100).shown).toEqual(['name'])
  })

  it('follows the viewer\'s order, so what they put first is what a narrow frame shows', () => {
    const chosen = sanitizeColumns(['email', 'position'])
    expect(fitColumns(chosen, COLUMN_WIDTHS.name + COLUMN_WIDTHS.email).shown).toEqual(['name', 'email'])
  })
})
