import type { PeopleQuery } from './people-batch'
import type { RestClient } from './rest-client'
import { fetchViewer, type Viewer } from './users'
import { fetchFirstPageByName, type FirstPage } from './people-sync'

/*
 * The session's first questions to Bitrix24, asked as the portal's init data arrives (src/start-early.ts), while
 * the app's views and the UI kit are still to be evaluated (a few hundred ms on a slow device): who is looking,
 * at once, and on a cold open of the directory its first page by name, once the browser has said it keeps no
 * database of the app. Their answers travel meanwhile. The
 * stores take each answer once; a retry after a failure asks again. An answer nobody takes (the page opened
 * on another view after all) has cost one request.
 */

let viewer: Promise<Viewer> | null = null
let firstPage: { query: PeopleQuery; answer: Promise<FirstPage> } | null = null

/** Asks who is looking now (fetchViewer: user.current, user.admin, scope, app.info, user.access). */
export function askViewerEarly(client: RestClient, accessCodes: readonly string[]): void {
  if (viewer) return
  viewer = fetchViewer(client, accessCodes)
  // a failure is met by the session's quiet retry, or by nobody when the start itself fails
  viewer.catch(() => undefined)
}

/** The viewer asked for early, handed out once; null when none was asked (or it was taken). */
export function takeEarlyViewer(): Promise<Viewer> | null {
  const answer = viewer
  viewer = null
  return answer
}

/** Asks for the first page by name of a collection of people now (fetchFirstPageByName). */
export function askFirstPageEarly(client: RestClient, query: PeopleQuery): void {
  if (firstPage) return
  const answer = fetchFirstPageByName(client, query)
  answer.catch(() => undefined)
  firstPage = { query, answer }
}

/**
 * The first page asked for early, handed out once to the collection it was asked for: the same people
 * (active only or not, ADMIN_MODE or not). The fields may differ: the early page asked for every field the
 * directory shows, and Bitrix24 left out what the app's scope does not grant (portal-protocol §3.1).
 */
export function takeEarlyFirstPage(query: PeopleQuery): Promise<FirstPage> | null {
  if (!firstPage || firstPage.query.activeOnly !== query.activeOnly || firstPage.query.adminMode !== query.adminMode) {
    return null
  }
  const { answer } = firstPage
  firstPage = null
  return answer
}
