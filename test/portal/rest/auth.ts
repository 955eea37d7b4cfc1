/**
 * Who is calling: an access token minted for a render of the portal page, or an incoming webhook's secret
 * in the path (portal-protocol.md §2.3 step 2). Shared by the pipeline, batch commands and the webhook bridge.
 */
import type { FixtureUser, PortalStore, Token } from '../types'

export type Auth = { token: Token; user: FixtureUser } | { error: string }

export function authenticate(store: PortalStore, accessToken: string | undefined): Auth {
  if (!accessToken) return { error: 'NO_AUTH_FOUND' }
  const token = store.tokenByAccess(accessToken)
  if (!token) return { error: 'invalid_token' }
  if (token.expiresAt <= Date.now()) return { error: 'expired_token' }
  // the portal signs the token's user in; an inactive (dismissed) user cannot be
  const user = store.userById(token.userId)
  if (!user || !user.ACTIVE) return { error: 'authorization_error' }
  return { token, user }
}

/** An incoming webhook acts as its user, with its own scopes and no expiry. */
export function authenticateWebhook(store: PortalStore, userId: number, secret: string): Auth {
  const hook = store.webhook(userId, secret)
  const user = hook ? store.userById(hook.userId) : undefined
  if (!hook || !user || !user.ACTIVE) return { error: 'INVALID_CREDENTIALS' }
  const token: Token = { accessToken: '', refreshToken: '', userId: user.ID, scopes: [...hook.scopes], expiresAt: Number.MAX_SAFE_INTEGER, appSid: WEBHOOK_SID }
  return { token, user }
}

/** the render id a webhook's synthetic token carries */
export const WEBHOOK_SID = 'webhook'

/**
 * The client the operating limit books a call to: the portal keys it by (auth type, application or webhook).
 * Every token the portal page mints belongs to the one app, whoever the viewer is, so all viewers share it;
 * an incoming webhook is its own client (one per user here: the stand-in has no webhook ids).
 */
export function clientOf(token: Token): string {
  return token.appSid === WEBHOOK_SID ? `webhook:${token.userId}` : 'app'
}
