/**
 * The app's Content-Security-Policy, written into the built index.html. The portal's address is only known once
 * the frame starts, so this baseline allows REST and avatars over HTTPS (and the local stand-in portal), and
 * `restrictConnections` then narrows connections to that one portal. No inline or foreign script ever runs.
 */
export const BASE_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  // the UI kit and the charts set style attributes; styles cannot run code
  "style-src 'self' 'unsafe-inline'",
  // avatars live on the portal or its CDN
  "img-src 'self' data: blob: https: http://localhost:* http://127.0.0.1:*",
  "font-src 'self' data:",
  "connect-src 'self' https: http://localhost:* http://127.0.0.1:*",
  "base-uri 'self'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ')

/** The second policy, once the portal is known: connections only to the app's own host and that portal. */
export function connectionPolicy(portalOrigin: string): string {
  return `connect-src 'self' ${portalOrigin}`
}
