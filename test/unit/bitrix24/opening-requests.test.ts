import { describe, expect, it } from 'vitest'
import { askFirstPageEarly, askViewerEarly, takeEarlyFirstPage, takeEarlyViewer } from '@/bitrix24/opening-requests'
import type { RestClient } from '@/bitrix24/rest-client'
import { clientAnswering } from './answering-client'
import type { PeopleQuery } from '@/bitrix24/people-batch'

const directory: PeopleQuery = { activeOnly: true, adminMode: false, select: ['ID', 'NAME'] }

describe('the opening requests', () => {
  it('hand the viewer asked for early to the session once; a second start asks anew', async () => {
    const client = clientAnswering({ result: { me: { ID: '7', NAME: 'Ann' }, admin: true, scope: ['user'], app: { ID: 3 } }, result_error: [] })
    askViewerEarly(client, [])
    askViewerEarly(client, [])
    expect(client.sent).toHaveLength(1)
    const viewer = takeEarlyViewer()
    expect(await viewer).toMatchObject({ user: { ID: '7' }, isAdmin: true, appId: 3 })
    expect(takeEarlyViewer()).toBeNull()
  })

  it('hand the first page to the collection of the same people only, once', async () => {
    const client = clientAnswering({ result: { first: [{ ID: '1', NAME: 'Ann' }], online: [] }, result_total: { first: 1, online: 0 }, result_error: [] })
    askFirstPageEarly(client, directory)
    expect(client.sent).toHaveLength(1)
    // the admin views' collections (everyone, ADMIN_MODE) are other people
    expect(takeEarlyFirstPage({ ...directory, adminMode: true })).toBeNull()
    expect(takeEarlyFirstPage({ ...directory, activeOnly: false })).toBeNull()
    // fewer fields once the scopes are known: still the directory
    const page = takeEarlyFirstPage({ ...directory, select: ['ID'] })
    expect((await page)?.rows).toEqual([{ ID: '1', NAME: 'Ann' }])
    expect((await page)?.total).toBe(1)
    expect(takeEarlyFirstPage(directory)).toBeNull()
  })

  it('keep a failed answer quiet until it is taken, and then fail for the taker', async () => {
    const client: RestClient = { call: () => Promise.reject(new Error('network down')) }
    askFirstPageEarly(client, directory)
    await new Promise((resolve) => setTimeout(resolve, 0))
    await expect(takeEarlyFirstPage(directory)).rejects.toThrow('network down')
  })
})
