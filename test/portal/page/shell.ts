/**
 * The Bitrix24-like page chrome: dark-blue left menu, top bar with `#pagetitle`, the viewer's avatar and name.
 * Every string that may come from fixtures is escaped here or by the caller.
 */
import type { FixtureUser, PortalStore } from '../types'
import type { PageConfig } from './bridge/config'
import { esc, jsonForScript } from './html'

export const APP_TITLE = 'People Directory'

const ICONS: Record<string, string> = {
  feed: '<path d="M4 5h16v2H4zm0 6h16v2H4zm0 6h10v2H4z"/>',
  tasks: '<path d="M9.5 16.2 5.3 12l-1.4 1.4 5.6 5.6L20.1 8.4 18.7 7z"/>',
  employees:
    '<path d="M9 11a3.5 3.5 0 1 0 0-7 3.5 3.5 0 0 0 0 7zm7 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM9 13c-3.3 0-6 1.7-6 4v2h12v-2c0-2.3-2.7-4-6-4zm7 0c-.5 0-1 0-1.5.1 1.5.9 2.5 2.2 2.5 3.9v2h4v-2c0-2.2-2.2-4-5-4z"/>',
  company: '<path d="M4 21V5l8-3v6l8 3v10h-6v-4h-4v4zm3-12h2V7H7zm0 4h2v-2H7zm0 4h2v-2H7zm8-2h2v-2h-2z"/>',
  app: '<path d="M4 4h7v7H4zm9 0h7v7h-7zM4 13h7v7H4zm9 0h7v7h-7z"/>',
  profile: '<path d="M12 12a4.5 4.5 0 1 0 0-9 4.5 4.5 0 0 0 0 9zm0 2c-4 0-8 2-8 5v2h16v-2c0-3-4-5-8-5z"/>',
}

export function icon(name: string): string {
  return `<svg class="pd-ico" viewBox="0 0 24 24" aria-hidden="true" focusable="false">${ICONS[name] ?? ''}</svg>`
}

export function displayName(u: Pick<FixtureUser, 'NAME' | 'LAST_NAME' | 'LOGIN' | 'ID'>): string {
  return `${u.NAME} ${u.LAST_NAME}`.trim() || u.LOGIN || `#${u.ID}`
}

/** The person's photo, or Bitrix24's grey silhouette when they have none (PERSONAL_PHOTO null). */
export function avatarHtml(user: FixtureUser | undefined, size: number, cls: string, alt = ''): string {
  if (user?.PERSONAL_PHOTO) {
    return `<img class="${esc(cls)}" src="${esc(user.PERSONAL_PHOTO)}" alt="${esc(alt)}" width="${size}" height="${size}">`
  }
  return `<span class="${esc(cls)} pd-nophoto" role="img" aria-label="${esc(alt || 'no photo')}" style="width:${size}px;height:${size}px">${icon('profile')}</span>`
}

export function withQuery(path: string, query: URLSearchParams | string): string {
  const q = typeof query === 'string' ? query : query.toString()
  return q ? `${path}${path.includes('?') ? '&' : '?'}${q}` : path
}

export interface ShellOptions {
  store: PortalStore
  /** the document title and the initial `#pagetitle` text (plain text; escaped here) */
  title: string
  viewer: FixtureUser | undefined
  viewerId: number
  viewerQuery: URLSearchParams
  active: 'app' | 'profile' | 'employees' | 'none'
  /** trusted HTML of the work area */
  main: string
  /** trusted HTML after the main column (tools, log) */
  after?: string
  /** trusted HTML under the title (toolbar buttons) */
  titleExtra?: string
  config: PageConfig
  bodyClass?: string
  lang?: string
}

/** The start of every portal document, up to <body>. */
function documentHead(title: string, lang = 'en'): string {
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<link rel="stylesheet" href="/_portal/assets/portal.css">
<link rel="icon" href="data:,">
</head>`
}

/** The per-render configuration and the bridge script that reads it, at the end of every document. */
function documentScripts(config: PageConfig): string {
  return `<script type="application/json" id="portal-config">${jsonForScript(config)}</script>
<script src="/_portal/assets/bridge.js"></script>`
}

/** A complete portal document with the left menu and the top bar. */
export function renderShell(o: ShellOptions): string {
  const name = o.viewer ? displayName(o.viewer) : `User #${o.viewerId}`
  const vq = o.viewerQuery
  const item = (key: string, label: string, href: string, ico: string, stub = false): string =>
    `<li><a class="pd-menu__item${o.active === key ? ' is-active' : ''}" href="${esc(href)}"${stub ? ` data-stub="${esc(label)}"` : ''}${
      o.active === key ? ' aria-current="page"' : ''
    }>${icon(ico)}<span>${esc(label)}</span></a></li>`
  return `${documentHead(o.title, o.lang)}
<body class="pd-body ${esc(o.bodyClass ?? '')}">
<nav class="pd-menu" aria-label="Main menu">
  <a class="pd-logo" href="${esc(withQuery('/', vq))}"><span class="pd-logo__b">Bitrix</span><span class="pd-logo__n">24</span><span class="pd-logo__local">local</span></a>
  <ul class="pd-menu__list">
    ${item('feed', 'Feed', '/stream/', 'feed', true)}
    ${item('tasks', 'Tasks', '/company/personal/user/0/tasks/', 'tasks', true)}
    ${item('employees', 'Employees', '/company/', 'employees', true)}
    ${item('company', 'Company', '/company/vis_structure.php', 'company', true)}
    ${item('app', APP_TITLE, withQuery('/marketplace/app/1/', vq), 'app')}
  </ul>
  <div class="pd-menu__sep"></div>
  <ul class="pd-menu__list">
    ${item('profile', 'Profile', withQuery(`/company/personal/user/${o.viewerId}/`, vq), 'profile')}
  </ul>
  <div class="pd-menu__foot">Local stand-in portal<br>for Bitrix24 app development</div>
</nav>
<div class="pd-main">
  <header class="pd-top">
    <div class="pd-top__title">
      <h1 id="pagetitle" class="pd-pagetitle">${esc(o.title)}</h1>
      ${o.titleExtra ?? ''}
    </div>
    <a class="pd-top__user" href="${esc(withQuery(`/company/personal/user/${o.viewerId}/`, vq))}" title="My profile">
      ${avatarHtml(o.viewer, 32, 'pd-top__ava')}
      <span class="pd-top__name">${esc(name)}</span>
      ${o.viewer?.isAdmin ? '<span class="pd-tag pd-tag--admin">admin</span>' : ''}
    </a>
  </header>
  ${o.main}
</div>
${o.after ?? ''}
${documentScripts(o.config)}
</body>
</html>`
}

/** A bare document (pages inside sliders: `IFRAME=Y`). */
export function renderBare(o: { title: string; body: string; config: PageConfig; bodyClass?: string; lang?: string }): string {
  return `${documentHead(o.title, o.lang)}
<body class="pd-body pd-body--bare ${esc(o.bodyClass ?? '')}">
${o.body}
${documentScripts(o.config)}
</body>
</html>`
}
