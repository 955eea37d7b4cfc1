import { describe, expect, it } from 'vitest'
import { adminAccessCodes } from '@/domain/admin-access'

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
