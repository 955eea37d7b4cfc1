/** `/_portal/avatar/<id>.svg`: a generated photo, initials on a colour derived from the id. */
import { createHash } from 'node:crypto'
import type { FixtureUser } from '../types'
import { esc } from './html'

function initials(user: FixtureUser | undefined): string {
  if (!user) return '?'
  // the first letter or digit of each name part (fixture names may start with markup such as "<b>")
  const first = (s: string): string => /[\p{L}\p{N}]/u.exec(s)?.[0] ?? ''
  const value = (first(user.NAME) + first(user.LAST_NAME)).toUpperCase()
  return value || first(user.LOGIN).toUpperCase() || '?'
}

/** A pleasant, stable colour for an id (golden-angle hue walk). */
function avatarColor(id: number): string {
  const hue = Math.round((id * 137.508) % 360)
  return `hsl(${hue}, 52%, 46%)`
}

export function avatarSvg(id: number, user: FixtureUser | undefined): string {
  const text = initials(user)
  const size = text.length > 1 ? 40 : 46
  return `<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100" viewBox="0 0 100 100" role="img" aria-label="${esc(text)}">
<rect width="100" height="100" fill="${avatarColor(id)}"/>
<circle cx="82" cy="18" r="42" fill="#fff" fill-opacity="0.08"/>
<text x="50" y="50" dy="0.35em" text-anchor="middle" font-family="Open Sans, Helvetica Neue, Arial, sans-serif" font-size="${size}" font-weight="600" fill="#fff">${esc(text)}</text>
</svg>`
}

export function avatarEtag(svg: string): string {
  return `"${createHash('sha1').update(svg).digest('base64url').slice(0, 20)}"`
}
