import { describe, expect, it } from 'vitest'
import { adviceFor, handlerUrl, PROFILE_PLACEMENTS } from '@/domain/portal/install-plan'

describe('the installer', () => {
  it('binds both profile placements', () => {
    expect(PROFILE_PLACEMENTS).toEqual(['USER_PROFILE_TOOLBAR', 'USER_PROFILE_MENU'])
  })

  it('binds the address the app is served from, without the portal\'s query or the view state', () => {
    expect(handlerUrl({ origin: 'https://apps.example.com', pathname: '/people/' })).toBe('https://apps.example.com/people/')
  })

  it('tells the admin what to do for each kind of error', () => {
    expect(adviceFor('ACCESS_DENIED')).toBe('admin')
    expect(adviceFor('WRONG_AUTH_TYPE')).toBe('admin')
    expect(adviceFor('insufficient_scope')).toBe('scope')
    expect(adviceFor('ERROR_WRONG_HANDLER_URL')).toBe('handler')
    expect(adviceFor('ERROR_UNSUPPORTED_PROTOCOL')).toBe('handler')
    expect(adviceFor('ERROR_PLACEMENT_MAX_COUNT')).toBe('handler')
    expect(adviceFor('ERROR_PLACEMENT_USER_MODE')).toBe('admin')
    expect(adviceFor('INTERNAL_SERVER_ERROR')).toBe('retry')
  })
})
