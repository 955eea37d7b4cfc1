/**
 * The app's Content-Security-Policy, written into the built index.html. The portal's address is only known once
 * the frame starts (cloud portals are HTTPS, self-hosted ones may be plain HTTP), so this baseline allows REST
 * over either, and `restrictConnections` then narrows connections to that one portal. No inline or foreign
 * script ever runs.
 */
export const BASE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // the XLSX export zips large workbooks in a worker it starts from a blob
  'worker-src blob:',
  // the UI kit and the charts set style attributes; styles cannot run code
  "style-src 'self' 'unsafe-inline'",
  // avatars live on the portal or on its CDN, whose address the app cannot know
  "img-src 'self' data: blob: https: http:",
  "font-src 'self' data:",
  "connect-src 'self' https: http:",
  "base-uri 'self'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ')

/** The second policy, once the portal is known: connections only to the app's own host and that portal. */
export function connectionPolicy(portalOrigin: string): string {
  return `connect-src 'self' ${portalOrigin}`
}
