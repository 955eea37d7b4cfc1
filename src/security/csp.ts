import { connectionPolicy } from './csp-policy'

const restricted = new Set<string>()

/**
 * Adds a second Content-Security-Policy that lets the app talk to its own host and the portal it runs in,
 * nothing else. Policies only ever add up, so this narrows the baseline in index.html; the browser keeps it
 * for the life of the page. Only http(s) origins are taken; an origin already restricted to is not added again.
 */
export function restrictConnections(portalOrigin: string): void {
  let origin: string
  try {
    const url = new URL(portalOrigin)
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return
    origin = url.origin
  } catch {
    return
  }
  if (restricted.has(origin)) return
  restricted.add(origin)
  const meta = document.createElement('meta')
  meta.httpEquiv = 'Content-Security-Policy'
  meta.content = connectionPolicy(origin)
  document.head.append(meta)
}
