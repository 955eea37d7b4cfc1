import { describe, expect, it } from 'vitest'
import { cleanPageQuery, portalViewLink } from '@/domain/view/view-link'
import { isAddressShape, linkedAddress, MAX_ADDRESS_LENGTH } from '@/domain/view/address'

describe('a view as a portal link', () => {
  it('is the app page with the in-app address under params[view]', () => {
    const link = portalViewLink('https://acme.bitrix24.com', 12, '/?q=анна&dept=3,7&person=5')!
    const url = new URL(link)
    expect(url.origin + url.pathname).toBe('https://acme.bitrix24.com/marketplace/app/12/')
    expect([...url.searchParams.keys()]).toEqual(['params[view]'])
    expect(url.searchParams.get('params[view]')).toBe('/?q=анна&dept=3,7&person=5')
    // brackets and the address's own ? and & are escaped, so chats and mail keep the link whole
    expect(link).toContain('params%5Bview%5D=%2F%3Fq%3D')
  })

  it('is not made for an address that is too long or not an in-app address', () => {
    expect(portalViewLink('https://a.bitrix24.de', 1, `/?q=${'x'.repeat(MAX_ADDRESS_LENGTH)}`)).toBeNull()
    expect(portalViewLink('https://a.bitrix24.de', 1, 'https://evil.example/')).toBeNull()
  })
})

describe('reading the link from PLACEMENT_OPTIONS', () => {
  it('finds params.view in an object, a JSON string, or keys in another case', () => {
    expect(linkedAddress({ params: { view: '/structure' } })).toEqual({ kind: 'address', address: '/structure' })
    expect(linkedAddress('{"params":{"view":"/?q=a"}}')).toEqual({ kind: 'address', address: '/?q=a' })
    expect(linkedAddress({ PARAMS: { VIEW: '/admin' } })).toEqual({ kind: 'address', address: '/admin' })
  })

  it('says none when no link was followed', () => {
    for (const options of [[], {}, undefined, null, '', { URI: '/crm/' }, { install_finished: 'Y' }, 'not json']) {
      expect(linkedAddress(options)).toEqual({ kind: 'none' })
    }
  })

  it('says unreadable for a params key without a usable in-app address', () => {
    const bad = [
      { params: 'x' },
      { params: {} },
      { params: { view: 42 } },
      { params: { view: ['/'] } },
      { params: { view: '' } },
      { params: { view: 'structure' } },
      { params: { view: '//evil.example/x' } },
      { params: { view: '/\\evil.example' } },
      { params: { view: '/?q=a#frag' } },
      { params: { view: '/?q=\u0000' } },
      { params: { view: `/?q=${'a'.repeat(MAX_ADDRESS_LENGTH)}` } },
    ]
    for (const options of bad) expect(linkedAddress(options), JSON.stringify(options)).toEqual({ kind: 'unreadable' })
  })

  it('knows an in-app address by its shape', () => {
    expect(isAddressShape('/')).toBe(true)
    expect(isAddressShape('/admin/lists/inactive?days=30')).toBe(true)
    expect(isAddressShape('javascript:alert(1)')).toBe(false)
  })
})

describe('cleaning what a link gives a page', () => {
  it('keeps a whole view of the directory as it is', () => {
    const query = { q: 'ann', dept: '3,7', sub: '0', pos: ['Dev', 'QA'], online: '1', sort: '-city', cols: 'name,city,email', person: '12' }
    expect(cleanPageQuery('directory', query)).toEqual({ query, changed: false })
  })

  it('drops what the page does not read or cannot use, and says so', () => {
    const { query, changed } = cleanPageQuery('directory', { q: 'ann', sort: 'password', person: '-3', days: '30', evil: '<b>' })
    expect(query).toEqual({ q: 'ann' })
    expect(changed).toBe(true)
  })

  it('reads only the threshold and the card on the hygiene lists, nothing on the structure', () => {
    expect(cleanPageQuery('admin-lists', { days: '30', person: '4' })).toEqual({ query: { days: '30', person: '4' }, changed: false })
    expect(cleanPageQuery('admin-lists', { days: '99999' })).toEqual({ query: {}, changed: true })
    expect(cleanPageQuery('structure', {})).toEqual({ query: {}, changed: false })
    expect(cleanPageQuery('structure', { q: 'x' })).toEqual({ query: {}, changed: true })
  })

  it('reads the admin list of everyone like the directory', () => {
    expect(cleanPageQuery('admin-people', { status: 'dismissed', person: '9' })).toEqual({
      query: { status: ['dismissed'], person: '9' },
      changed: false,
    })
  })
})
