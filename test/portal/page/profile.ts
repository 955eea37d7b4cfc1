/** `/company/personal/user/<id>/`: a Bitrix24-like employee card, as a full page or inside a slider (IFRAME=Y). */
import type { FixtureDepartment, FixtureUser, PortalStore } from '../types'
import type { PageConfig } from './bridge/config'
import { esc } from './html'
import { APP_TITLE, avatarHtml, displayName, icon, renderBare, renderShell, withQuery } from './shell'

export interface ProfileInput {
  store: PortalStore
  id: number
  viewerId: number
  viewerQuery: URLSearchParams
  inSlider: boolean
}

function departmentChain(store: PortalStore, dep: FixtureDepartment): string[] {
  const names: string[] = []
  const seen = new Set<number>()
  let cur: FixtureDepartment | undefined = dep
  while (cur && !seen.has(cur.ID) && names.length < 8) {
    seen.add(cur.ID)
    names.unshift(cur.NAME)
    cur = cur.PARENT ? store.departmentById(cur.PARENT) : undefined
  }
  return names
}

function formatDate(value: string | null | undefined, withTime = false): string {
  if (!value) return ''
  const d = new Date(value)
  if (Number.isNaN(d.getTime())) return value
  return withTime
    ? d.toLocaleString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' })
    : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
}

function row(label: string, valueHtml: string): string {
  return valueHtml ? `<div class="pd-prof__row"><dt>${esc(label)}</dt><dd>${valueHtml}</dd></div>` : ''
}

function userLink(store: PortalStore, id: number, q: URLSearchParams, inSlider: boolean): string {
  const u = store.userById(id)
  if (!u) return ''
  return `<a class="pd-userlink" href="${esc(withQuery(`/company/personal/user/${id}/`, inSlider ? withIframe(q) : q))}">
    ${avatarHtml(u, 24, 'pd-userlink__img')}${esc(displayName(u))}</a>`
}

function withIframe(q: URLSearchParams): URLSearchParams {
  const n = new URLSearchParams(q)
  n.set('IFRAME', 'Y')
  n.set('IFRAME_TYPE', 'SIDE_SLIDER')
  return n
}

function userTypeLabel(u: FixtureUser): string {
  if (u.EXTERNAL_AUTH_ID) return u.EXTERNAL_AUTH_ID
  return u.USER_TYPE
}

function profileBody(input: ProfileInput, u: FixtureUser): string {
  const { store, viewerQuery: vq, inSlider } = input
  const name = displayName(u)
  const deps = u.UF_DEPARTMENT.map((id) => store.departmentById(id)).filter((d): d is FixtureDepartment => Boolean(d))
  const heads = new Set<number>()
  for (const d of deps) if (d.UF_HEAD && d.UF_HEAD !== u.ID) heads.add(d.UF_HEAD)
  const headed = deps.filter((d) => d.UF_HEAD === u.ID)

  const toolbarQuery = new URLSearchParams(vq)
  toolbarQuery.set('placement', 'USER_PROFILE_TOOLBAR')
  toolbarQuery.set('placementUserId', String(u.ID))
  const appHref = withQuery('/', toolbarQuery)

  const mail = u.EMAIL ? `<a href="mailto:${esc(u.EMAIL)}">${esc(u.EMAIL)}</a>` : ''
  const tel = (v: string): string => (v ? `<a href="tel:${esc(v.replace(/[^\d+]/g, ''))}">${esc(v)}</a>` : '')
  const city = [u.WORK_CITY || u.PERSONAL_CITY, u.WORK_COUNTRY || u.PERSONAL_COUNTRY].filter(Boolean).join(', ')

  const depList = deps.length
    ? `<ul class="pd-prof__deps">${deps
        .map((d) => {
          const chain = departmentChain(store, d)
          const leaf = chain.pop() ?? d.NAME
          return `<li><span class="pd-prof__dep">${esc(leaf)}</span>${d.UF_HEAD === u.ID ? ' <span class="pd-tag">head</span>' : ''}${
            chain.length ? `<small>${chain.map(esc).join(' › ')}</small>` : ''
          }</li>`
        })
        .join('')}</ul>`
    : '<span class="pd-muted">No department</span>'

  return `<div class="pd-prof">
  <section class="pd-prof__card">
    <div class="pd-prof__photo">
      ${avatarHtml(u, 160, 'pd-prof__img', name)}
      <span class="pd-prof__online ${u.IS_ONLINE ? 'is-online' : ''}" title="${u.IS_ONLINE ? 'Online' : 'Offline'}"></span>
    </div>
    <h2 class="pd-prof__name">${esc(name)}</h2>
    <div class="pd-prof__pos">${esc(u.WORK_POSITION || '')}</div>
    <div class="pd-prof__status">${
      !u.ACTIVE
        ? '<span class="pd-tag pd-tag--off">dismissed</span>'
        : u.IS_ONLINE
          ? '<span class="pd-tag pd-tag--on">online</span>'
          : `<span class="pd-muted">${u.LAST_ACTIVITY_DATE ? `last seen ${esc(formatDate(u.LAST_ACTIVITY_DATE, true))}` : 'offline'}</span>`
    }${u.isAdmin ? ' <span class="pd-tag pd-tag--admin">admin</span>' : ''}${
      u.USER_TYPE !== 'employee' || u.EXTERNAL_AUTH_ID ? ` <span class="pd-tag">${esc(userTypeLabel(u))}</span>` : ''
    }</div>
    <div class="pd-prof__toolbar" role="toolbar" aria-label="Actions">
      <a class="pd-btn pd-btn--primary pd-prof__app" href="${esc(appHref)}" data-top data-placement="USER_PROFILE_TOOLBAR" ${
        inSlider ? 'target="_top"' : ''
      } title="Open the app in the USER_PROFILE_TOOLBAR placement for this person">${icon('app')}<span>${esc(APP_TITLE)}</span></a>
      <a class="pd-btn pd-btn--light" href="#" data-stub="Chat">Message</a>
    </div>
  </section>
  <section class="pd-prof__info">
    <h3>Contact information</h3>
    <dl class="pd-prof__list">
      ${row('E-mail', mail)}
      ${row('Work phone', tel(u.WORK_PHONE))}
      ${row('Mobile', tel(u.PERSONAL_MOBILE))}
      ${row('Extension', esc(u.UF_PHONE_INNER))}
      ${row('Location', esc(city))}
      ${row('Time zone', esc(u.TIME_ZONE))}
    </dl>
    <h3>Company</h3>
    <dl class="pd-prof__list">
      ${row('Departments', depList)}
      ${row(heads.size > 1 ? 'Managers' : 'Manager', [...heads].map((id) => userLink(store, id, vq, inSlider)).join(' '))}
      ${row('Head of', headed.map((d) => esc(d.NAME)).join(', '))}
      ${row('Company', esc(u.WORK_COMPANY))}
      ${row('Employed since', esc(formatDate(u.UF_EMPLOYMENT_DATE)))}
    </dl>
    ${
      u.UF_SKILLS || u.UF_INTERESTS || u.PERSONAL_BIRTHDAY
        ? `<h3>About</h3><dl class="pd-prof__list">
      ${row('Skills', esc(u.UF_SKILLS))}
      ${row('Interests', esc(u.UF_INTERESTS))}
      ${row('Birthday', esc(formatDate(u.PERSONAL_BIRTHDAY)))}
    </dl>`
        : ''
    }
    <p class="pd-prof__meta">ID ${esc(u.ID)} · ${esc(u.LOGIN)} · registered ${esc(formatDate(u.DATE_REGISTER))}</p>
  </section>
</div>`
}

function notFoundBody(input: ProfileInput): string {
  return `<div class="pd-empty pd-empty--card" role="alert">
  <div class="pd-empty__icon" aria-hidden="true">?</div>
  <h2>Employee not found</h2>
  <p>There is no employee with ID ${esc(input.id)} on this portal, or the profile is hidden.</p>
  <p><a class="pd-btn pd-btn--light" href="${esc(withQuery('/', input.viewerQuery))}" data-top ${input.inSlider ? 'target="_top"' : ''}>Back to ${esc(APP_TITLE)}</a></p>
</div>`
}

/** Returns the HTTP status and the document. */
export function renderProfile(input: ProfileInput): { status: number; html: string } {
  const { store } = input
  const u = store.userById(input.id)
  const viewer = store.userById(input.viewerId)
  const title = u ? displayName(u) : 'Employee not found'
  const config: PageConfig = {
    page: 'profile',
    portalOrigin: store.origin(),
    viewer: { id: input.viewerId, name: viewer ? displayName(viewer) : '' },
    viewerQuery: input.viewerQuery.toString(),
  }
  const body = u ? profileBody(input, u) : notFoundBody(input)
  const status = u ? 200 : 404
  if (input.inSlider) {
    return {
      status,
      html: renderBare({
        title,
        config,
        bodyClass: 'pd-body--slider-page',
        body: `<header class="pd-slider-page__head"><h1 id="pagetitle" class="pd-pagetitle">${esc(title)}</h1></header><main class="pd-slider-page">${body}</main>`,
      }),
    }
  }
  return {
    status,
    html: renderShell({
      store,
      title,
      viewer,
      viewerId: input.viewerId,
      viewerQuery: input.viewerQuery,
      active: input.id === input.viewerId ? 'profile' : 'employees',
      main: `<main class="pd-work pd-work--page">${body}</main>`,
      config,
    }),
  }
}

/** A friendly page for portal paths the stand-in does not implement (CRM, workgroups, marketplace …). */
export function renderStubPage(store: PortalStore, path: string, viewerId: number, viewerQuery: URLSearchParams, inSlider: boolean): string {
  const viewer = store.userById(viewerId)
  const config: PageConfig = {
    page: 'stub',
    portalOrigin: store.origin(),
    viewer: { id: viewerId, name: viewer ? displayName(viewer) : '' },
    viewerQuery: viewerQuery.toString(),
  }
  const body = `<div class="pd-empty pd-empty--card">
  <div class="pd-empty__icon" aria-hidden="true">i</div>
  <h2>Not part of the local portal</h2>
  <p>A real Bitrix24 portal would show <code>${esc(path)}</code> here. The stand-in portal only has employee profiles.</p>
</div>`
  if (inSlider) {
    return renderBare({
      title: path,
      config,
      bodyClass: 'pd-body--slider-page',
      body: `<header class="pd-slider-page__head"><h1 id="pagetitle" class="pd-pagetitle">${esc(path)}</h1></header><main class="pd-slider-page">${body}</main>`,
    })
  }
  return renderShell({ store, title: path, viewer, viewerId, viewerQuery, active: 'none', main: `<main class="pd-work pd-work--page">${body}</main>`, config })
}
