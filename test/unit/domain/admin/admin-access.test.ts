import { describe, expect, it } from 'vitest'
import { adminAccessCodes, adminGrants, serializeGrants } from '@/domain/admin/admin-access'

describe('adminAccessCodes', () => {
  it('reads codes stored as an array or as a JSON string', () => {
    expect(adminAccessCodes(['U5', 'DR3', 'G12', 'AU'])).toEqual(['U5', 'DR3', 'G12', 'AU'])
    expect(adminAccessCodes('["D4","IU7","D4"]')).toEqual(['D4', 'IU7'])
  })

  it('drops malformed entries and treats anything else as "admins only"', () => {
    expect(adminAccessCodes(['U5', 'U5; DROP', 7, null, 'u5'])).toEqual(['U5'])
    expect(adminAccessCodes('not json')).toEqual([])
    expect(adminAccessCodes({ U5: true })).toEqual([])
    expect(adminAccessCodes(undefined)).toEqual([])
  })
})

describe('adminGrants', () => {
  it('keeps the names the access dialog gave and round-trips through the stored option', () => {
    const grants = [
      { id: 'DR3', name: 'Sales and sub-departments' },
      { id: 'U5', name: '<b>Anna</b>' },
    ]
    expect(adminGrants(serializeGrants(grants))).toEqual(grants)
  })

  it('names a bare code by itself, and a grant given twice once', () => {
    expect(adminGrants(['U5', { id: 'U5', name: 'Again' }, { id: 'D2', name: '  ' }])).toEqual([
      { id: 'U5', name: 'U5' },
      { id: 'D2', name: 'D2' },
    ])
  })
})
