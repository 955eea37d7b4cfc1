import { describe, expect, it } from 'vitest'
import { userPageParams, fetchHasAccess } from '@/bitrix24/users'
import type { RestClient } from '@/bitrix24/rest-client'

describe('userPageParams', () => {
  it('puts the cursor and ACTIVE under lower-case filter and skips the count', () => {
    const params = userPageParams({ afterId: 250, activeOnly: true })
    expect(params).toMatchObject({ filter: { '>ID': 250, ACTIVE: true }, sort: 'ID', order: 'ASC', start: -1 })
    expect(params).not.toHaveProperty('ADMIN_MODE')
    expect(params).not.toHaveProperty('FILTER')
  })

  it('leaves ACTIVE out when dismissed people are wanted', () => {
    expect(userPageParams({ afterId: 0, activeOnly: false }).filter).toEqual({ '>ID': 0 })
  })
})

describe('fetchHasAccess', () => {
  it('asks nothing for an empty list of codes', async () => {
    let calls = 0
    const client: RestClient = {
      async call<T>() {
        calls++
        return { result: true as T }
      },
    }
    expect(await fetchHasAccess(client, [])).toBe(false)
    expect(calls).toBe(0)
  })
})
