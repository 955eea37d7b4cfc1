/**
 * The benchmark's reference: the least a page can do to list a portal's people with the real SDK. It starts
 * the frame, asks for the viewer, reads the first page of active people (which also counts them), then the
 * rest in batches of up to 50 user.get pages by offset, one batch after the other, appending each batch's
 * rows to a plain list, and marks the end. No framework, no cache, no search: a floor to hold the app against.
 */
import { initializeB24Frame } from '@bitrix24/b24jssdk'

interface User {
  NAME?: string
  LAST_NAME?: string
  WORK_POSITION?: string
}

/** user.get answers pages of 50; a batch takes at most 50 commands */
const PAGE = 50
// the fields the app's directory asks for (with contacts), so both sides read the same data
const SELECT = [
  'ID', 'ACTIVE', 'NAME', 'LAST_NAME', 'SECOND_NAME', 'PERSONAL_PHOTO', 'WORK_POSITION', 'UF_PHONE_INNER',
  'PERSONAL_CITY', 'WORK_CITY', 'UF_DEPARTMENT', 'TIME_ZONE', 'IS_ONLINE', 'USER_TYPE', 'PERSONAL_BIRTHDAY',
  'UF_EMPLOYMENT_DATE', 'DATE_REGISTER', 'LAST_ACTIVITY_DATE', 'EMAIL', 'WORK_PHONE', 'PERSONAL_MOBILE',
]
// no sort: user.get pages in ID order unless asked otherwise, so offsets stay stable
const page = (start: number) => ({ filter: { ACTIVE: true }, select: SELECT, start })

const list = document.getElementById('people') as HTMLUListElement

function append(users: User[]): void {
  const rows = document.createDocumentFragment()
  for (const u of users) {
    const row = document.createElement('li')
    row.dataset.testid = 'person-row'
    row.textContent = `${u.NAME ?? ''} ${u.LAST_NAME ?? ''} · ${u.WORK_POSITION ?? ''}`
    rows.append(row)
  }
  list.append(rows)
}

function note(testid: string, text: string): void {
  const p = document.createElement('p')
  p.dataset.testid = testid
  p.textContent = text
  document.body.append(p)
}

try {
  const b24 = await initializeB24Frame()
  await b24.actions.v2.call.make({ method: 'user.current' })
  const first = await b24.actions.v2.call.make<User[]>({ method: 'user.get', params: page(0) })
  append(first.getData()?.result ?? [])
  const total = first.getTotal()
  for (let from = PAGE; from < total; from += PAGE * PAGE) {
    const calls: [string, ReturnType<typeof page>][] = []
    for (let start = from; start < Math.min(total, from + PAGE * PAGE); start += PAGE) calls.push(['user.get', page(start)])
    const batch = await b24.actions.v2.batch.make<User[]>({ calls, options: { isHaltOnError: true } })
    if (!batch.isSuccess) throw new Error(batch.getErrorMessages().join('; '))
    for (const users of batch.getData() as User[][]) append(users)
  }
  note('people-complete', `${list.childElementCount} of ${total}`)
} catch (e) {
  note('load-error', String(e))
}
