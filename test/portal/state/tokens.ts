/** Issued OAuth token pairs. Opaque hex strings, as long as the docs' examples; both sides of the portal share them. */
import { randomBytes } from 'node:crypto'
import type { Scope, Token } from '../types'

export function randomHex(bytes: number): string {
  return randomBytes(bytes).toString('hex')
}

export class TokenStore {
  private byAccess = new Map<string, Token>()
  private byRefresh = new Map<string, Token>()

  mint(userId: number, scopes: Scope[], appSid: string, ttlSec: number): Token {
    const token: Token = {
      accessToken: randomHex(32),
      refreshToken: randomHex(32),
      userId,
      scopes: [...scopes],
      expiresAt: Date.now() + ttlSec * 1000,
      appSid,
    }
    this.byAccess.set(token.accessToken, token)
    this.byRefresh.set(token.refreshToken, token)
    return token
  }

  access(accessToken: string): Token | undefined {
    return this.byAccess.get(accessToken)
  }

  /**
   * A new pair for the same user, scopes and render. The old access token keeps working until it expires,
   * and the old refresh token stays usable: the bridge may refresh twice with the pair it was given.
   */
  refresh(refreshToken: string, ttlSec: number): Token | undefined {
    const old = this.byRefresh.get(refreshToken)
    return old ? this.mint(old.userId, old.scopes, old.appSid, ttlSec) : undefined
  }

  refreshOwner(refreshToken: string): Token | undefined {
    return this.byRefresh.get(refreshToken)
  }

  /** Every token issued so far answers expired_token from now on; tokens minted later are unaffected. */
  expireAll(): void {
    const past = Date.now() - 1
    for (const t of this.byAccess.values()) t.expiresAt = Math.min(t.expiresAt, past)
  }

  clear(): void {
    this.byAccess.clear()
    this.byRefresh.clear()
  }
}
