/**
 * Test helper: a tiny "app origin" server. It serves a probe page that loads the REAL SDK UMD bundle
 * (`@bitrix24/b24jssdk/dist/umd/index.min.js`, global `B24Js`), runs `initializeB24Frame()` and exposes results on
 * `window` for the tests. It answers GET and POST alike (Bitrix24 opens apps with a form POST) and records every
 * request, so tests can inspect the POSTed auth fields.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { dirname, join } from 'node:path'
import { DEFAULT_APP_HOST } from '../config'

export interface ProbeRequest {
  method: string
  path: string
  query: URLSearchParams
  /** the urlencoded form body (empty for GET) */
  body: URLSearchParams
  /** the request headers (lower-case names), e.g. the browser's `sec-fetch-site` */
  headers: IncomingMessage['headers']
  at: number
}

export interface ProbeServer {
  port: number
  /** the app handler URL to configure in the portal */
  appUrl: string
  requests: ProbeRequest[]
  /** the requests that opened an app page (not the SDK script) */
  pageRequests(): ProbeRequest[]
  close(): Promise<void>
}

/** The probe page. Everything the tests need is reachable from `window` in the app frame. */
const PROBE_HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>SDK probe</title>
<script src="/sdk.js"></script></head>
<body style="margin:0;font:14px sans-serif"><div id="out" style="padding:12px">SDK probe app</div>
<script>
(function () {
  var parts = (window.name || '').split('|');
  var portalOrigin = (parts[1] === '1' ? 'https://' : 'http://') + parts[0];
  window.__sid = parts[2] || '';
  window.__portalOrigin = portalOrigin;
  window.__messages = [];
  window.addEventListener('message', function (e) {
    window.__messages.push({ origin: e.origin, data: typeof e.data === 'string' ? e.data : JSON.stringify(e.data), at: Date.now() });
  });
  var seq = 0;
  /** Send a raw frame message and wait up to timeoutMs for "<cb>:..." from the portal. */
  window.__raw = function (command, params, opts) {
    opts = opts || {};
    var cb = 'probe' + (++seq) + 'x' + Date.now();
    var sid = opts.sid === undefined ? window.__sid : opts.sid;
    var msg = command + (params === undefined ? '' : ':' + JSON.stringify(params)) + ':' + cb + ':' + sid;
    var timeoutMs = opts.timeoutMs || 1500;
    return new Promise(function (resolve) {
      var started = Date.now();
      function onMessage(e) {
        if (e.origin !== portalOrigin || typeof e.data !== 'string') return;
        if (e.data.indexOf(cb + ':') !== 0) return;
        window.removeEventListener('message', onMessage);
        clearTimeout(timer);
        var rest = e.data.slice(cb.length + 1);
        resolve({ replied: true, raw: rest, payload: rest ? JSON.parse(rest) : undefined, ms: Date.now() - started });
      }
      var timer = setTimeout(function () {
        window.removeEventListener('message', onMessage);
        resolve({ replied: false });
      }, timeoutMs);
      window.addEventListener('message', onMessage);
      parent.postMessage(msg, portalOrigin);
    });
  };
  window.__ready = B24Js.initializeB24Frame().then(function (b24) {
    window.b24 = b24;
    return {
      ok: true,
      isAdmin: b24.auth.isAdmin,
      isFirstRun: b24.isFirstRun,
      isInstallMode: b24.isInstallMode,
      lang: b24.getLang(),
      placement: b24.placement.placement,
      placementOptions: b24.placement.options,
      auth: b24.auth.getAuthData()
    };
  }, function (err) {
    return { ok: false, error: String(err && err.message || err), code: err && err.code };
  });
})();
</script></body></html>`

/** A page on a third origin (neither the portal's nor the app's) that pretends to be the app: posts a valid-looking command to the portal. */
function evilHtml(): string {
  return `<!doctype html><html><body><script>
  var q = new URLSearchParams(location.search);
  parent.postMessage('getInitData:evilcb:' + q.get('sid'), '*');
  parent.postMessage('setTitle:{"title":"pwned"}:evilcb2:' + q.get('sid'), '*');
  document.body.textContent = 'sent';
  </script></body></html>`
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

export async function startProbeServer(port = 0): Promise<ProbeServer> {
  const require = createRequire(import.meta.url)
  // the package's "exports" hide dist/umd; find it next to the CommonJS entry (dist/cjs/index.cjs)
  const sdkPath = join(dirname(require.resolve('@bitrix24/b24jssdk')), '..', 'umd', 'index.min.js')
  const sdk = await readFile(sdkPath)
  const requests: ProbeRequest[] = []

  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://probe.local')
      const body = req.method === 'POST' ? await readBody(req) : ''
      requests.push({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, body: new URLSearchParams(body), headers: req.headers, at: Date.now() })
      if (url.pathname === '/sdk.js') {
        res.writeHead(200, { 'Content-Type': 'application/javascript', 'Cache-Control': 'max-age=600' })
        res.end(sdk)
        return
      }
      if (url.pathname === '/evil.html') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' })
        res.end(evilHtml())
        return
      }
      if (url.pathname === '/favicon.ico') {
        res.writeHead(204)
        res.end()
        return
      }
      // any other path, GET or POST: the app page
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' })
      res.end(PROBE_HTML)
    })().catch((err: unknown) => {
      res.writeHead(500)
      res.end(String(err))
    })
  })
  // every interface: the app is reached as localhost (another site than the portal on 127.0.0.1), and the
  // forged frame of the origin checks as [::1] or 127.0.0.2, a third origin
  await new Promise<void>((resolve) => server.listen(port, resolve))
  const actual = (server.address() as AddressInfo).port
  return {
    port: actual,
    appUrl: `http://${DEFAULT_APP_HOST}:${actual}/app/`,
    requests,
    pageRequests: () => requests.filter((r) => r.path.startsWith('/app/')),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
