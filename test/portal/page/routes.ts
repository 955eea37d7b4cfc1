/**
 * The browser-facing part of the stand-in portal: the portal page with the app frame, profile pages, avatars,
 * the bridge script and styles, and the small helper routes the bridge needs (pickers, the openApplication
 * slider page). `/_portal/api/*` and `/rest/*` belong to control.ts and rest/.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { PortalStore } from '../types'
import { buildAssets } from './assets'
import { avatarEtag, avatarPng } from './avatar'
import { esc, sendHtml, sendJson } from './html'
import { searchAccess, searchPeople } from './people'
import { renderFrameSlider, renderNotInstalled, renderPortalPage } from './portal-page'
import { renderProfile, renderStubPage } from './profile'
import { parseScenario, viewerOf } from './scenario'
import { appPageOptions } from './app-page-options'
import { renderBare } from './shell'

export type PageRouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>

const PORTAL_PAGE = /^\/(?:marketplace\/app\/1\/?)?$/
const PROFILE = /^\/company\/personal\/user\/(\d{1,9})\/?$/
const AVATAR = /^\/_portal\/avatar\/(\d{1,9})\.png$/
/** portal paths openPath may show that the stand-in does not implement */
const STUB = /^\/(?:crm\/(?:deal|lead|contact|company)\/|marketplace\/|workgroups\/group\/\d+\/)/

function isGet(req: IncomingMessage): boolean {
  return req.method === 'GET' || req.method === 'HEAD'
}

function notModified(req: IncomingMessage, etag: string): boolean {
  const inm = req.headers['if-none-match']
  return typeof inm === 'string' && inm.split(',').some((t) => t.trim() === etag)
}

function inSlider(url: URL): boolean {
  return url.searchParams.get('IFRAME') === 'Y'
}

export async function createPageRoutes(store: PortalStore): Promise<PageRouteHandler> {
  const assets = await buildAssets()

  return async (req, res, url) => {
    const path = url.pathname

    // the portal page with the app
    if (PORTAL_PAGE.test(path) && (isGet(req) || req.method === 'POST')) {
      if (req.method === 'POST') req.resume()
      const { scenario, viewerQuery } = parseScenario(store, url.searchParams)
      const session = store.openFrame(scenario)
      // the app's own page hands its query string on to the app, as a portal does (app-page-options.ts)
      const pageOptions = session.scenario.placement === 'DEFAULT' ? appPageOptions(url.search.slice(1)) : {}
      if (Object.keys(pageOptions).length) session.placementOptions = pageOptions
      const input = {
        store,
        scenario,
        viewerQuery,
        path: path === '/' ? '/' : '/marketplace/app/1/',
        requestHost: req.headers.host,
        installFinished: url.searchParams.get('install_finished') === 'Y',
      }
      const notInstalled = !session.install && !session.isAdmin && !session.scenario.installed
      sendHtml(res, 200, notInstalled ? renderNotInstalled(input, session) : renderPortalPage(input, session))
      return true
    }

    const profile = PROFILE.exec(path)
    if (profile && isGet(req)) {
      const { userId, viewerQuery } = viewerOf(store, url.searchParams)
      const { status, html } = renderProfile({ store, id: Number(profile[1]), viewerId: userId, viewerQuery, inSlider: inSlider(url) })
      sendHtml(res, status, html)
      return true
    }

    const avatar = AVATAR.exec(path)
    if (avatar && isGet(req)) {
      const id = Number(avatar[1])
      const body = avatarPng(id)
      const etag = avatarEtag(body)
      const headers = {
        'Content-Type': 'image/png',
        'Access-Control-Allow-Origin': '*',
        'Cache-Control': 'public, max-age=3600',
        ETag: etag,
        'X-Content-Type-Options': 'nosniff',
      }
      if (notModified(req, etag)) {
        res.writeHead(304, headers)
        res.end()
        return true
      }
      res.writeHead(200, { ...headers, 'Content-Length': String(body.length) })
      res.end(req.method === 'HEAD' ? undefined : body)
      return true
    }

    if (path.startsWith('/_portal/assets/') && isGet(req)) {
      const file = assets[path.slice('/_portal/assets/'.length)]
      if (!file) return false
      const headers = { 'Content-Type': file.type, 'Cache-Control': 'no-cache', ETag: file.etag, 'X-Content-Type-Options': 'nosniff' }
      if (notModified(req, file.etag)) {
        res.writeHead(304, headers)
        res.end()
        return true
      }
      res.writeHead(200, { ...headers, 'Content-Length': String(file.body.length) })
      res.end(req.method === 'HEAD' ? undefined : file.body)
      return true
    }

    if (path === '/_portal/people' && isGet(req)) {
      sendJson(res, 200, searchPeople(store, url.searchParams.get('q') ?? ''))
      return true
    }

    if (path === '/_portal/access' && isGet(req)) {
      sendJson(res, 200, searchAccess(store, url.searchParams.get('q') ?? ''))
      return true
    }

    // the page inside an openApplication slider: a second app layout with its own APP_SID
    if (path === '/_portal/frame-slider' && isGet(req)) {
      const parent = store.frameBySid(url.searchParams.get('parentSid') ?? '')
      if (!parent) {
        sendHtml(
          res,
          404,
          renderBare({
            title: 'Application not found',
            config: { page: 'stub', portalOrigin: store.origin(), viewer: { id: 0, name: '' }, viewerQuery: '' },
            body: `<div class="pd-empty pd-empty--card" role="alert"><h2>Application slider expired</h2><p>The page that opened it (APP_SID ${esc(
              url.searchParams.get('parentSid') ?? '',
            )}) is unknown to the portal. Reload the portal page.</p></div>`,
          }),
        )
        return true
      }
      const options = parsePlacementOptions(url.searchParams.get('placementOptions'))
      const session = store.openFrame({
        ...parent.scenario,
        scopes: [...parent.scenario.scopes],
        userId: parent.userId,
        placement: 'DEFAULT',
        placementUserId: null,
      })
      session.placementOptions = Object.keys(options).length ? options : []
      const viewerQuery = new URLSearchParams({ userId: String(parent.userId) })
      sendHtml(res, 200, renderFrameSlider(store, session, viewerQuery))
      return true
    }

    if (STUB.test(path) && isGet(req)) {
      const { userId, viewerQuery } = viewerOf(store, url.searchParams)
      sendHtml(res, 200, renderStubPage(store, path, userId, viewerQuery, inSlider(url)))
      return true
    }

    return false
  }
}

/** openApplication args (minus bx24_*), as the slider page's PLACEMENT_OPTIONS; scalars become strings. */
function parsePlacementOptions(raw: string | null): Record<string, string> {
  if (!raw) return {}
  try {
    const value = JSON.parse(raw) as unknown
    if (!value || typeof value !== 'object' || Array.isArray(value)) return {}
    const out: Record<string, string> = {}
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (k.startsWith('bx24_')) continue
      // nested values are kept as given (the portal passes arrays through); the type says string
      out[k] = (v !== null && typeof v === 'object' ? v : String(v)) as string
    }
    return out
  } catch {
    return {}
  }
}
