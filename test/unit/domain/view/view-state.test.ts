import { describe, expect, it } from 'vitest'
import { DEFAULT_VIEW, parseViewState, serializeViewState, type ViewState } from '@/domain/view/view-state'
import { NO_FACETS } from '@/domain/people/facets'

describe('view state in the URL', () => {
  it('round-trips every part of the view', () => {
    const view: ViewState = {
      query: 'анна sales',
      facets: {
        departments: [3, 7],
        withSubdepartments: false,
        positions: ['Manager, EMEA', 'Developer'],
        cities: ['São Paulo'],
        userTypes: ['extranet'],
        statuses: ['dismissed'],
        onlineNow: true,
        newThisMonth: true,
        birthday: 'week',
      },
      sort: { key: 'lastSeen', desc: true },
      columns: ['name', 'city', 'email'],
    }
    expect(parseViewState(serializeViewState(view))).toEqual(view)
  })

  it('leaves defaults out of the URL', () => {
    expect(serializeViewState(DEFAULT_VIEW)).toEqual({})
  })

  it('drops hostile or malformed pieces one by one and keeps the rest', () => {
    const view = parseViewState({
      q: ['<script>alert(1)</script>'],
      dept: '1,abc,-5,2.5,4',
      type: ['employee', 'admin', '"><img>'],
      online: 'yes',
      new: '1',
      bday: 'year',
      sort: 'password',
      cols: 'email,__proto__,name,email,constructor',
      pos: 'Developer\u0000\u0007',
    })
    expect(view.query).toBe('<script>alert(1)</script>')
    expect(view.facets.departments).toEqual([1, 4])
    expect(view.facets.userTypes).toEqual(['employee'])
    expect(view.facets.onlineNow).toBe(false)
    expect(view.facets.newThisMonth).toBe(true)
    expect(view.facets.birthday).toBeNull()
    expect(view.sort).toBeNull()
    expect(view.columns).toEqual(['name', 'email'])
    expect(view.facets.positions).toEqual(['Developer'])
  })

  it('caps sizes, so a huge URL cannot freeze the view', () => {
    const view = parseViewState({ q: 'x'.repeat(10_000), pos: Array.from({ length: 1000 }, (_, i) => `p${i}`) })
    expect(view.query.length).toBeLessThanOrEqual(100)
    expect(view.facets.positions.length).toBeLessThanOrEqual(50)
  })

  it('keeps the remembered columns when a link names none that exist', () => {
    expect(parseViewState({ cols: 'zzz' }).columns).toBeNull()
    expect(parseViewState({ cols: 'name' }).columns).toBeNull()
  })

  it('reads long lists of department IDs whole', () => {
    const many = Array.from({ length: 40 }, (_, i) => 10_000 + i)
    expect(parseViewState({ dept: many.join(',') }).facets.departments).toEqual(many)
  })

  it('reads an empty query as the default view', () => {
    expect(parseViewState({})).toEqual({ ...DEFAULT_VIEW, facets: NO_FACETS })
  })
})
