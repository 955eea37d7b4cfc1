/**
 * People routes of the control API: joins, dismissals and deletions (`POST people`), an edit of one person's
 * record (`POST people/update`), and how many people a viewer should see (`GET expected`). Every change that
 * CUser::Update would make moves the person's TIMESTAMP_X to now (state/person-edit.ts), so a test can change
 * the portal mid-session and check that an app syncing by `>=TIMESTAMP_X` picks it up.
 */
import type { IncomingMessage } from 'node:http'
import { HttpError, bad, isNum, readJson } from './control-http'
import { checkPersonFields } from './state/person-edit'
import type { PeopleChange, PortalStore } from './types'

function parsePeopleChange(body: Record<string, unknown>): PeopleChange {
  const ids = (v: unknown, key: string): number[] | undefined => {
    if (v === undefined) return undefined
    if (!Array.isArray(v) || !v.every(isNum)) throw bad(`${key}: a list of user ids`)
    return v
  }
  if (body.add !== undefined && (!isNum(body.add) || body.add < 0 || body.add > 100_000)) throw bad('add: 0..100000')
  return { add: body.add as number | undefined, dismiss: ids(body.dismiss, 'dismiss'), remove: ids(body.remove, 'remove') }
}

/** `{id, fields}` → `{id, changed, TIMESTAMP_X}`; 400 for a bad field, 404 for no such person. */
function updatePerson(store: PortalStore, body: Record<string, unknown>): Record<string, unknown> {
  if (!isNum(body.id)) throw bad('id: a user id')
  if (!store.userById(body.id)) throw new HttpError(404, 'NOT_FOUND', `no user ${body.id}`)
  let fields
  try {
    fields = checkPersonFields(body.fields, (d) => store.departmentById(d) !== undefined)
  } catch (e) {
    throw bad(e instanceof Error ? e.message : String(e))
  }
  const u = store.updatePerson(body.id, fields)
  if (!u) throw new HttpError(404, 'NOT_FOUND', `no user ${body.id}`)
  return { id: u.ID, changed: Object.keys(fields), TIMESTAMP_X: u.TIMESTAMP_X }
}

export async function peopleRoute(store: PortalStore, route: string, req: IncomingMessage, url: URL): Promise<unknown> {
  switch (route) {
    case 'POST people':
      return store.changePeople(parsePeopleChange(await readJson(req)))
    case 'POST people/update':
      return updatePerson(store, await readJson(req))
    default: {
      const viewer = Number(url.searchParams.get('viewer'))
      if (!Number.isInteger(viewer) || !store.userById(viewer)) throw bad('viewer: a user id')
      return { count: store.visibleActiveCount(viewer) }
    }
  }
}
