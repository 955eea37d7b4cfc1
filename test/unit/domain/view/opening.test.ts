import { describe, expect, it } from 'vitest'
import { opensOnDirectory, type OpeningSigns } from '@/domain/view/opening'

const appPage: OpeningSigns = { placement: 'DEFAULT', placementOptions: [], installMode: false, hash: '', keptView: false }

describe('opensOnDirectory', () => {
  it('is sure of the directory on the app\'s page and in the left menu, at the directory\'s address', () => {
    expect(opensOnDirectory(appPage)).toBe(true)
    expect(opensOnDirectory({ ...appPage, placement: 'LEFT_MENU' })).toBe(true)
    for (const hash of ['#/', '#/?q=ann', '#/?dept=3&sort=name']) expect(opensOnDirectory({ ...appPage, hash })).toBe(true)
  })

  it('is not for the installer, a profile\'s card or a placement the app does not know', () => {
    expect(opensOnDirectory({ ...appPage, installMode: true })).toBe(false)
    expect(opensOnDirectory({ ...appPage, placement: 'USER_PROFILE_TOOLBAR', placementOptions: { USER_ID: '7' } })).toBe(false)
    expect(opensOnDirectory({ ...appPage, placement: 'USER_PROFILE_MENU', placementOptions: { USER_ID: '7' } })).toBe(false)
    expect(opensOnDirectory({ ...appPage, placement: 'CRM_DEAL_LIST_MENU' })).toBe(false)
  })

  it('is not when the frame\'s own address names another view', () => {
    for (const hash of ['#/structure', '#/admin', '#/admin/lists/inactive']) expect(opensOnDirectory({ ...appPage, hash })).toBe(false)
  })

  it('is not when a view was kept for a reload: it may be another one', () => {
    expect(opensOnDirectory({ ...appPage, keptView: true })).toBe(false)
  })

  it('follows a portal link to the directory, not one to another view; an unreadable link leaves the directory', () => {
    expect(opensOnDirectory({ ...appPage, placementOptions: { params: { view: '/?q=ann' } } })).toBe(true)
    expect(opensOnDirectory({ ...appPage, placementOptions: '{"params":{"view":"/"}}' })).toBe(true)
    expect(opensOnDirectory({ ...appPage, placementOptions: { params: { view: '/structure' } } })).toBe(false)
    expect(opensOnDirectory({ ...appPage, placementOptions: { params: { view: 'javascript:alert(1)' } } })).toBe(true)
  })

  it('follows the list the app opened itself on in a slider: the directory with its view', () => {
    expect(opensOnDirectory({ ...appPage, placementOptions: { VIEW: 'q=ann&dept=3' } })).toBe(true)
  })
})
