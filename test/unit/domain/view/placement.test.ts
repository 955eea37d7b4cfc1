import { describe, expect, it } from 'vitest'
import { openingViewQuery, viewPlacementOptions } from '@/domain/view/placement'
import { parsePlacementOptions, placementView } from '@/domain/view/placement-view'
import { DEFAULT_VIEW } from '@/domain/view/view-state'
import { NO_FACETS } from '@/domain/people/facets'

describe('parsePlacementOptions', () => {
  it('reads the options as an object, as a JSON string, with keys in any case and numbers as text', () => {
    expect(parsePlacementOptions({ USER_ID: '6234' })).toEqual({ USER_ID: '6234' })
    expect(parsePlacementOptions('{"USER_ID":"6234"}')).toEqual({ USER_ID: '6234' })
    expect(parsePlacementOptions('{"user_id":"6234"}')).toEqual({ USER_ID: '6234' })
    expect(parsePlacementOptions({ user_id: '6234' })).toEqual({ USER_ID: '6234' })
    expect(parsePlacementOptions({ USER_ID: 6234 })).toEqual({ USER_ID: '6234' })
    expect(parsePlacementOptions({ USER_ID: ' 6234 ' })).toEqual({ USER_ID: '6234' })
  })

  it('has no options for nothing, an empty array, malformed JSON and values that are not text', () => {
    for (const raw of [[], '', '[]', '{"USER_ID":', 'USER_ID=6234', null, undefined, 6234]) {
      expect(parsePlacementOptions(raw)).toEqual({})
    }
    expect(parsePlacementOptions({ USER_ID: { id: 1 }, OTHER: null, LIST: [1] })).toEqual({})
  })
})

describe('placementView', () => {
  const profileOptions = [
    { USER_ID: '6234' },
    '{"USER_ID":"6234"}',
    '{"user_id":"6234"}',
    { user_id: '6234' },
    { USER_ID: 6234 },
  ]

  it('shows the card of the profile\'s owner on a profile toolbar, without the team', () => {
    for (const options of profileOptions) {
      expect(placementView('USER_PROFILE_TOOLBAR', options)).toEqual({ kind: 'person', userId: 6234, team: false })
    }
  })

  it('shows the viewer\'s card with their team in their own profile menu', () => {
    for (const options of profileOptions) {
      expect(placementView('USER_PROFILE_MENU', options)).toEqual({ kind: 'person', userId: 6234, team: true })
    }
  })

  it('says there is no user when a profile placement names nobody usable', () => {
    const bad = [[], '', '{"USER_ID":', { USER_ID: 'abc' }, { USER_ID: '-1' }, { USER_ID: '0' }, { USER_ID: '12.5' },
      { USER_ID: '1e3' }, { USER_ID: '99999999999999999999' }, { USER: '6234' }, undefined]
    for (const options of bad) {
      expect(placementView('USER_PROFILE_TOOLBAR', options)).toEqual({ kind: 'no-user' })
      expect(placementView('USER_PROFILE_MENU', options)).toEqual({ kind: 'no-user' })
    }
  })

  it('shows the directory on the app\'s own page and in the left menu, whatever the options', () => {
    for (const placement of ['DEFAULT', 'LEFT_MENU', 'default', 'left_menu']) {
      expect(placementView(placement, [])).toEqual({ kind: 'directory' })
      expect(placementView(placement, { USER_ID: '6234' })).toEqual({ kind: 'directory' })
    }
  })

  it('reads the placement name in any case', () => {
    expect(placementView('user_profile_menu', { USER_ID: '5' })).toEqual({ kind: 'person', userId: 5, team: true })
    expect(placementView('User_Profile_Toolbar', { USER_ID: '5' })).toEqual({ kind: 'person', userId: 5, team: false })
  })

  it('names a placement it does not know', () => {
    expect(placementView('CRM_DEAL_DETAIL_TAB', { ID: '12' })).toEqual({ kind: 'unknown', placement: 'CRM_DEAL_DETAIL_TAB' })
    expect(placementView('', [])).toEqual({ kind: 'unknown', placement: '' })
  })
})

describe('a directory view through PLACEMENT_OPTIONS', () => {
  const sales = { ...DEFAULT_VIEW, facets: { ...NO_FACETS, departments: [2, 17], withSubdepartments: false } }

  it('travels as one text option and arrives as the URL query the directory reads', () => {
    const options = viewPlacementOptions(sales)
    expect(options).toEqual({ VIEW: 'dept=2%2C17&sub=0' })
    // as openApplication hands it to the new page: an object, or a JSON string, keys in any case
    expect(openingViewQuery(options)).toEqual({ dept: '2,17', sub: '0' })
    expect(openingViewQuery(JSON.stringify({ view: options.VIEW, IFRAME: 'Y' }))).toEqual({ dept: '2,17', sub: '0' })
  })

  it('keeps lists of values', () => {
    const view = { ...DEFAULT_VIEW, query: 'ann', facets: { ...NO_FACETS, cities: ['Berlin', 'Köln'] } }
    expect(openingViewQuery(viewPlacementOptions(view))).toEqual({ q: 'ann', city: ['Berlin', 'Köln'] })
  })

  it('has no view without the option, with an empty one, or with nothing the directory understands', () => {
    for (const raw of [[], {}, { URI: '/company/' }, { VIEW: '' }, { VIEW: 'dept=abc&person=5' }, '{"VIEW":']) {
      expect(openingViewQuery(raw)).toBeNull()
    }
  })

  it('drops a hostile piece on its own, as from a shared link', () => {
    expect(openingViewQuery({ VIEW: 'dept=2,x,-3&pos=%00Sales%1F&sort=__proto__&online=1' })).toEqual({ dept: '2', pos: ['Sales'], online: '1' })
  })
})
