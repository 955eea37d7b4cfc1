/**
 * createPortalServer: one node:http server, one origin, three parts — `/rest/*` (rest/handler.ts),
 * `/_portal/api/*` (control.ts) and everything else (page/routes.ts: portal page, profiles, avatars, assets).
 * Port 0 picks a free port; `url` is the real origin after listen().
 * It listens on config.host (default 127.0.0.1, config.ts), so the portal is on another site than apps on
 * localhost, as a real portal is: open the portal at `url`, never at localhost.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolveConfig } from './config'
import { handleControl } from './control'
import { createPageRoutes } from './page/routes'
import { handleRest } from './rest/handler'
import { createPortalStore, storeInternals } from './state/store'
import type { PortalConfig, PortalStore } from './types'

export type PageRoutes = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>

export interface PortalServerOptions {
  /** replaces the real page routes (tests of the REST side that need no portal page) */
  pageRoutes?: (store: PortalStore) => Promise<PageRoutes>
}

export interface PortalServer {
  store: PortalStore
  /** the portal origin, e.g. http://127.0.0.1:8787 (the real port once listening): navigate here */
  readonly url: string
  listen(): Promise<void>
  close(): Promise<void>
}

export function createPortalServer(config: Partial<PortalConfig> = {}, options: PortalServerOptions = {}): PortalServer {
  const store = createPortalStore(resolveConfig(config))
  let pages: Promise<PageRoutes> | undefined
  let server: Server | undefined

  const route = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', store.origin())
    const path = url.pathname
    if (path === '/rest' || path.startsWith('/rest/')) return handleRest(store, req, res, url)
    if (path === '/_portal/api' || path.startsWith('/_portal/api/')) return handleControl(store, req, res, url)
    const handled = pages ? await (await pages)(req, res, url) : false
    if (!handled && !res.headersSent) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'X-Content-Type-Options': 'nosniff' })
      res.end(`Not found: ${path}`)
    }
  }

  const portal: PortalServer = {
    store,
    get url() {
      return store.origin()
    },
    async listen() {
      if (server) return
      const srv = createServer((req, res) => {
        route(req, res).catch((e: unknown) => {
          console.error('[portal] request failed:', e)
          if (!res.headersSent) {
            res.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' })
            res.end('Internal error of the stand-in portal')
          } else res.destroy()
        })
      })
      // An idle keep-alive socket is closed after this long. Node's 5 s default races clients that reuse a socket
      // idle about that long (a test asking for usage after each viewer): the request meets a closing socket
      // and fails with ECONNRESET. Clients give up their idle sockets sooner than this.
      srv.keepAliveTimeout = 65_000
      server = srv
      await new Promise<void>((resolve, reject) => {
        srv.once('error', reject)
        srv.listen(store.config.port, store.config.host, () => {
          srv.off('error', reject)
          resolve()
        })
      })
      // port 0: the OS picked one; the origin (and the photo URLs in the fixtures) follow it
      store.config.port = (srv.address() as AddressInfo).port
      storeInternals(store).setOrigin(store.origin())
      pages = (options.pageRoutes ?? createPageRoutes)(store)
      await pages
    },
    async close() {
      const srv = server
      if (!srv) return
      server = undefined
      await new Promise<void>((resolve) => {
        srv.close(() => resolve())
        // open keep-alive sockets and log streams would hold close() forever
        srv.closeAllConnections()
      })
    },
  }
  return portal
}
