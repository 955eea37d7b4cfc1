import { describe, expect, it, vi } from 'vitest'
import { fetchChangesSince, fetchFirstPageByName, portalSearchText, searchOnPortal } from '@/bitrix24/people-sync'
import { readPortalTime, type PortalTime, type RestParams } from '@/bitrix24/rest-client'
import { RestError } from '@/bitrix24/rest-error'

const query = { activeOnly: true, adminMode: false, select: ['ID', 'NAME', 'LAST_NAME'] }
const since = '2026-11-30T08:00:00+00:00'

function users(from: number, count: number) {
  return Array.from({ length: count }, (_, i) => ({ ID: String(from + i), NAME: `Person ${from + i}` }))
}

/** A RestClient whose every answer is `answer`; `time` is given as the portal sends it and read like the real client. */
function fakeClient(answer: { result: unknown; total?: number; time?: Record<string, unknown> }) {
  const call = vi.fn(async (_method: string, _params?: RestParams) => ({
    result: answer.result,
    total: answer.total,
    time: readPortalTime(answer.time),
  }))
  return { call: call as unknown as <T>(method: string, params?: RestParams) => Promise<{ result: T; total?: number; time?: PortalTime }>, mock: call }
}

/** One batch command as the portal reads it: `method?query` in PHP bracket notation, decoded as PHP does. */
function decodeCommand(cmd: unknown): { method: string; params: Record<string, string> } {
  const text = String(cmd)
  const at = text.indexOf('?')
  const method = at < 0 ? text : text.slice(0, at)
  const params = Object.fromEntries(new URLSearchParams(at < 0 ? '' : text.slice(at + 1)))
  return { method, params }
}

function sentCommands(mock: ReturnType<typeof fakeClient>['mock']) {
  expect(mock).toHaveBeenCalledTimes(1)
  const [method, params] = mock.mock.calls[0]!
  expect(method).toBe('batch')
  const cmd = (params as { cmd: Record<string, unknown> }).cmd
  return Object.fromEntries(Object.entries(cmd).map(([key, value]) => [key, decodeCommand(value)]))
}

/** A batch answer: the envelope inside `result`, the batch's own `time` outside. */
function syncAnswer(parts: {
  changed?: unknown[]
  left?: unknown[]
  totals?: Record<string, number>
  errors?: Record<string, { error: string; error_description: string }>
  times?: Record<string, Record<string, unknown>>
  time?: Record<string, unknown>
}) {
  const errors = parts.errors ?? {}
  const result: Record<string, unknown> = {}
  if (!('changed' in errors)) result.changed = parts.changed ?? []
  if (!('left' in errors)) result.left = parts.left ?? []
  if (!('count' in errors)) result.count = users(1, 1)
  return {
    result: {
      result,
      result_error: parts.errors ?? [],
      result_total: parts.totals ?? {},
      result_time: parts.times ?? {},
    },
    time: parts.time ?? { date_start: '2026-12-01T09:15:00+00:00', operating: 0 },
  }
}

describe('fetchChangesSince', () => {
  it('asks for the changed, the left, the count and who is online in one batch of four user.get commands', async () => {
    const client = fakeClient(syncAnswer({}))
    await fetchChangesSince(client, query, since)
    const commands = sentCommands(client.mock)
    expect(Object.keys(commands).sort()).toEqual(['changed', 'count', 'left', 'online'])
    for (const command of Object.values(commands)) expect(command.method).toBe('user.get')
    expect(client.mock.mock.calls[0]![1]).toMatchObject({ halt: 0 })

    // who changed since the watermark, still working, in ID order, counted
    expect(commands.changed!.params).toMatchObject({
      'filter[ACTIVE]': '1',
      'filter[>=TIMESTAMP_X]': since,
      sort: 'ID',
      order: 'ASC',
      start: '0',
      'select[0]': 'ID',
      'select[1]': 'NAME',
      'select[2]': 'LAST_NAME',
    })
    expect(commands.changed!.params).not.toHaveProperty('ADMIN_MODE')
    // `>=`: a change in the same second as the watermark has an equal timestamp and must not be missed
    expect(commands.changed!.params).not.toHaveProperty(['filter[>TIMESTAMP_X]'])

    // who was dismissed since the watermark: their ID and nothing else
    expect(commands.left!.params).toMatchObject({ 'filter[ACTIVE]': '0', 'filter[>=TIMESTAMP_X]': since, start: '0' })
    expect(Object.keys(commands.left!.params).filter((k) => k.startsWith('select'))).toEqual(['select[0]'])
    expect(commands.left!.params['select[0]']).toBe('ID')

    // everyone the viewer may see now, whenever they changed
    expect(commands.count!.params).toMatchObject({ 'filter[ACTIVE]': '1', start: '0' })
    expect(Object.keys(commands.count!.params).filter((k) => k.includes('TIMESTAMP_X'))).toEqual([])

    // who is online now: counted, never read
    expect(commands.online!.params).toMatchObject({ 'filter[ACTIVE]': '1', 'filter[IS_ONLINE]': 'Y', start: '0', 'select[0]': 'ID' })
  })

  it('brings the presence of the first screen along, by ID, as a fifth command', async () => {
    const answer = syncAnswer({})
    ;(answer.result.result as Record<string, unknown>).presence = [{ ID: '5', IS_ONLINE: 'Y' }, { ID: '6', IS_ONLINE: 'N' }]
    const client = fakeClient(answer)
    const changes = await fetchChangesSince(client, query, since, [5, 6])
    const commands = sentCommands(client.mock)
    expect(Object.keys(commands).sort()).toEqual(['changed', 'count', 'left', 'online', 'presence'])
    expect(commands.presence!.params).toMatchObject({ 'filter[ID][0]': '5', 'filter[ID][1]': '6', 'select[1]': 'IS_ONLINE' })
    expect([...changes.presence]).toEqual([[5, true], [6, false]])
  })

  it('sends the watermark so the portal reads it back unchanged (a "+" offset must not become a space)', async () => {
    const client = fakeClient(syncAnswer({}))
    await fetchChangesSince(client, query, '2026-11-30T11:00:00+03:00')
    const commands = sentCommands(client.mock)
    expect(commands.changed!.params['filter[>=TIMESTAMP_X]']).toBe('2026-11-30T11:00:00+03:00')
    expect(commands.left!.params['filter[>=TIMESTAMP_X]']).toBe('2026-11-30T11:00:00+03:00')
  })

  it('reads the changed people, the IDs who left, the count and the next watermark', async () => {
    const client = fakeClient(
      syncAnswer({
        changed: [{ ID: '4', NAME: 'Dmitri' }, { ID: '12', NAME: 'New' }],
        left: [{ ID: '3' }, { ID: '9' }],
        totals: { changed: 2, left: 2, count: 118 },
        time: { date_start: '2026-12-01T09:15:00+00:00' },
      }),
    )
    const changes = await fetchChangesSince(client, query, since)
    expect(changes.changed.map((row) => row.ID)).toEqual(['4', '12'])
    expect(changes.left).toEqual([3, 9])
    expect(changes.counted).toBe(118)
    expect(changes.complete).toBe(true)
    expect(changes.watermark).toBe('2026-12-01T09:15:00+00:00')
  })

  it('reads lists the portal sent as objects keyed 0..n-1', async () => {
    const client = fakeClient(
      syncAnswer({
        changed: { 0: { ID: '4' }, 1: { ID: '5' } } as unknown as unknown[],
        left: { 0: { ID: '8' } } as unknown as unknown[],
        totals: { changed: 2, left: 1, count: 50 },
      }),
    )
    const changes = await fetchChangesSince(client, query, since)
    expect(changes.changed.map((row) => row.ID)).toEqual(['4', '5'])
    expect(changes.left).toEqual([8])
  })

  it('takes the watermark from the portal’s clock, never from the device’s', async () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
      const withClock = await fetchChangesSince(fakeClient(syncAnswer({ time: { date_start: '2026-12-01T09:15:00+03:00' } })), query, since)
      expect(withClock.watermark).toBe('2026-12-01T09:15:00+03:00')
      const withoutClock = await fetchChangesSince(fakeClient(syncAnswer({ time: { operating: 1 } })), query, since)
      expect(withoutClock.watermark).toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })

  it('says the delta is incomplete when more people changed or left than one page holds', async () => {
    const manyChanged = await fetchChangesSince(
      fakeClient(syncAnswer({ changed: users(1, 50), totals: { changed: 51, left: 0, count: 900 } })),
      query,
      since,
    )
    expect(manyChanged.complete).toBe(false)
    expect(manyChanged.changed).toHaveLength(50)

    const manyLeft = await fetchChangesSince(
      fakeClient(syncAnswer({ left: users(100, 50), totals: { changed: 0, left: 70, count: 900 } })),
      query,
      since,
    )
    expect(manyLeft.complete).toBe(false)
    expect(manyLeft.left).toHaveLength(50)
  })

  it('reports the operating figures the portal gave the commands (result_time)', async () => {
    const changes = await fetchChangesSince(
      fakeClient(
        syncAnswer({
          totals: { changed: 0, left: 0, count: 10 },
          times: {
            changed: { operating: 40.5, operating_reset_at: 1_764_580_000 },
            left: { operating: 41, operating_reset_at: 1_764_580_000 },
            count: { operating: 41.75, operating_reset_at: 1_764_580_000 },
          },
          time: { date_start: '2026-12-01T09:15:00+00:00', operating: 0.2 },
        }),
      ),
      query,
      since,
    )
    expect(changes.operating).toEqual({ operatingSec: 41.75, resetAt: 1_764_580_000_000 })
  })

  it('has no operating figures when the portal sends none', async () => {
    const changes = await fetchChangesSince(fakeClient(syncAnswer({ totals: { count: 3 } })), query, since)
    expect(changes.operating).toBeNull()
  })

  it('fails with the portal’s code when it blocks user.get inside the batch', async () => {
    const blocked = { error: 'OPERATION_TIME_LIMIT', error_description: 'Method is blocked due to operation time limit.' }
    const failing = fetchChangesSince(
      fakeClient(syncAnswer({ errors: { changed: blocked, left: blocked, count: blocked } })),
      query,
      since,
    )
    await expect(failing).rejects.toBeInstanceOf(RestError)
    await expect(failing).rejects.toMatchObject({ code: 'OPERATION_TIME_LIMIT', method: 'user.get' })
  })

  it('fails when only the count is blocked, rather than passing an unknown count for a match', async () => {
    const blocked = { error: 'OPERATION_TIME_LIMIT', error_description: '' }
    await expect(
      fetchChangesSince(fakeClient(syncAnswer({ errors: { count: blocked }, totals: { changed: 0, left: 0 } })), query, since),
    ).rejects.toMatchObject({ code: 'OPERATION_TIME_LIMIT' })
  })
})

describe('fetchFirstPageByName', () => {
  function firstAnswer(rows: unknown[], total: number, online = 7) {
    return {
      result: {
        result: { first: rows, online: users(1, 1) },
        result_error: [],
        result_total: { first: total, online },
        result_time: { first: { operating: 2.5, operating_reset_at: 1_764_580_000 } },
      },
      time: { date_start: '2026-12-01T09:15:00+00:00', operating: 0 },
    }
  }

  it('asks for one page sorted by surname, counting everyone and who is online, in one request', async () => {
    const client = fakeClient(firstAnswer(users(1, 50), 12_000))
    const page = await fetchFirstPageByName(client, query)
    const commands = sentCommands(client.mock)
    expect(Object.keys(commands).sort()).toEqual(['first', 'online'])
    expect(commands.first!.params).toMatchObject({ 'filter[ACTIVE]': '1', sort: 'LAST_NAME', order: 'ASC', start: '0', 'select[0]': 'ID' })
    expect(commands.first!.params).not.toHaveProperty('ADMIN_MODE')
    expect(commands.online!.params).toMatchObject({ 'filter[IS_ONLINE]': 'Y', start: '0' })
    expect(page.rows).toHaveLength(50)
    expect(page.rows[0]).toEqual({ ID: '1', NAME: 'Person 1' })
    expect(page.total).toBe(12_000)
    expect(page.online).toBe(7)
    // the portal's clock, never the device's: the watermark of a read that starts here
    expect(page.watermark).toBe('2026-12-01T09:15:00+00:00')
    expect(page.operating).toEqual({ operatingSec: 2.5, resetAt: 1_764_580_000_000 })
  })

  it('asks an admin query for everyone with ADMIN_MODE', async () => {
    const client = fakeClient(firstAnswer([], 0, 0))
    const page = await fetchFirstPageByName(client, { activeOnly: false, adminMode: true, select: ['ID'] })
    const commands = sentCommands(client.mock)
    expect(commands.first!.params).toMatchObject({ ADMIN_MODE: '1' })
    expect(commands.first!.params).not.toHaveProperty(['filter[ACTIVE]'])
    expect(page.rows).toEqual([])
    expect(page.total).toBe(0)
  })
})

describe('portalSearchText', () => {
  it('keeps the words, with the marks names carry', () => {
    expect(portalSearchText('  Anne-Marie   O’Neil ')).toBe('Anne-Marie O’Neil')
    expect(portalSearchText("d'Artagnan j.smith@example.com")).toBe("d'Artagnan j.smith@example.com")
    expect(portalSearchText('Иванов 42')).toBe('Иванов 42')
  })

  it('never lets the filter’s operators or wildcards through', () => {
    const typed = '%Ivan* >=Petr !Sidor [x] "quoted" <script>alert(1)</script> a|b ~c &d (e)'
    const safe = portalSearchText(typed)
    for (const mark of ['%', '*', '>', '<', '=', '!', '[', ']', '"', '|', '~', '&', '(', ')', '/']) expect(safe).not.toContain(mark)
    expect(safe.split(' ')).toEqual(expect.arrayContaining(['Ivan', 'Petr', 'Sidor', 'quoted']))
  })

  it('leaves nothing of text without letters or digits', () => {
    expect(portalSearchText('%%% *** ... --- !!')).toBe('')
    expect(portalSearchText('   ')).toBe('')
  })

  it('keeps at most 8 words of at most 40 characters', () => {
    expect(portalSearchText('one two three four five six seven eight nine ten').split(' ')).toEqual([
      'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight',
    ])
    expect(portalSearchText('x'.repeat(60))).toBe('x'.repeat(40))
  })
})

describe('searchOnPortal', () => {
  it('asks user.get with NAME_SEARCH carrying the words, one page', async () => {
    const client = fakeClient({ result: [{ ID: '77', NAME: 'Ivan' }], total: 1, time: { operating: 3, operating_reset_at: 1_764_580_000 } })
    const page = await searchOnPortal(client, query, '  Ivan   Petrov ')
    expect(client.mock).toHaveBeenCalledTimes(1)
    const [method, params] = client.mock.mock.calls[0]!
    expect(method).toBe('user.get')
    expect(params).toMatchObject({ filter: { ACTIVE: true, NAME_SEARCH: 'Ivan Petrov' }, start: 0, select: query.select })
    expect(page.rows).toEqual([{ ID: '77', NAME: 'Ivan' }])
    expect(page.total).toBe(1)
    expect(page.operating).toEqual({ operatingSec: 3, resetAt: 1_764_580_000_000 })
  })

  it('sends no operator or wildcard to the portal, in the search or as a filter key', async () => {
    const client = fakeClient({ result: [], total: 0 })
    await searchOnPortal(client, query, '%Ivan* >=ID !ACTIVE [0] "x" <script>')
    const params = client.mock.mock.calls[0]![1] as { filter: Record<string, unknown> }
    expect(Object.keys(params.filter).sort()).toEqual(['ACTIVE', 'NAME_SEARCH'])
    const words = String(params.filter.NAME_SEARCH)
    expect(words).toMatch(/^[\p{L}\p{N} ]+$/u)
    expect(words.split(' ')).toEqual(['Ivan', 'ID', 'ACTIVE', '0', 'x', 'script'])
  })

  it('asks for the picked departments (UF_DEPARTMENT), alone or with the words', async () => {
    const client = fakeClient({ result: [], total: 0 })
    await searchOnPortal(client, query, '', [12, 14])
    expect(client.mock.mock.calls[0]![1]).toMatchObject({ filter: { ACTIVE: true, UF_DEPARTMENT: [12, 14] }, start: 0 })
    expect((client.mock.mock.calls[0]![1] as { filter: object }).filter).not.toHaveProperty('NAME_SEARCH')
    await searchOnPortal(client, query, 'Ivan', [12])
    expect(client.mock.mock.calls[1]![1]).toMatchObject({ filter: { ACTIVE: true, NAME_SEARCH: 'Ivan', UF_DEPARTMENT: [12] } })
  })

  it('sends at most 8 words', async () => {
    const client = fakeClient({ result: [], total: 0 })
    await searchOnPortal(client, query, 'a1 b2 c3 d4 e5 f6 g7 h8 i9 j10')
    const params = client.mock.mock.calls[0]![1] as { filter: Record<string, unknown> }
    expect(String(params.filter.NAME_SEARCH).split(' ')).toHaveLength(8)
  })

  it('asks nothing at all when only punctuation was typed', async () => {
    const client = fakeClient({ result: [{ ID: '1' }], total: 1 })
    const page = await searchOnPortal(client, query, ' %* ... !! ')
    expect(client.mock).not.toHaveBeenCalled()
    expect(page).toEqual({ rows: [], total: 0, operating: null })
  })
})
