/**
 * Modal pickers of the portal: the user selector (selectUser) and the access-rights dialog (selectAccess).
 * They resolve with the picked items, or null when the user cancels (close button, Cancel, Esc, click outside).
 */
import { api, type AccessHit, type PersonHit } from './api'
import { h } from './dom'

interface ModalParts {
  root: HTMLElement
  body: HTMLElement
  footer: HTMLElement
  close(): void
}

function openModal(title: string, onCancel: () => void): ModalParts {
  const body = h('div', { class: 'pd-modal__body' })
  const footer = h('div', { class: 'pd-modal__footer' })
  const closeBtn = h('button', { class: 'pd-modal__x', type: 'button', 'aria-label': 'Close' }, '×')
  const box = h(
    'div',
    { class: 'pd-modal__box', role: 'dialog', 'aria-modal': 'true', 'aria-label': title },
    h('div', { class: 'pd-modal__head' }, h('span', {}, title), closeBtn),
    body,
    footer,
  )
  const root = h('div', { class: 'pd-modal' }, box)
  let open = true
  const onKey = (e: KeyboardEvent): void => {
    if (e.key !== 'Escape') return
    e.preventDefault()
    e.stopImmediatePropagation()
    cancel()
  }
  const close = (): void => {
    if (!open) return
    open = false
    window.removeEventListener('keydown', onKey, true)
    root.remove()
  }
  const cancel = (): void => {
    if (!open) return
    close()
    onCancel()
  }
  window.addEventListener('keydown', onKey, true)
  closeBtn.addEventListener('click', cancel)
  root.addEventListener('mousedown', (e) => {
    if (e.target === root) cancel()
  })
  document.body.append(root)
  return { root, body, footer, close }
}

function debounce(fn: () => void, ms: number): () => void {
  let t = 0
  return () => {
    window.clearTimeout(t)
    t = window.setTimeout(fn, ms)
  }
}

function avatar(photo: string, name: string): HTMLElement {
  if (photo) return h('img', { class: 'pd-pick__ava', src: photo, alt: '', loading: 'lazy' })
  return h('span', { class: 'pd-pick__ava pd-pick__ava--empty' }, (name.trim()[0] ?? '?').toUpperCase())
}

/** The user selector. Single mode picks on click; multiple mode has checkboxes and a Select button. */
export function pickUsers(options: { multiple: boolean; title?: string }): Promise<PersonHit[] | null> {
  return new Promise((resolve) => {
    const title = options.title || (options.multiple ? 'Select employees' : 'Select employee')
    const modal = openModal(title, () => resolve(null))
    modal.root.dataset.picker = 'user'
    const search = h('input', {
      class: 'pd-input pd-pick__search',
      type: 'search',
      placeholder: 'Search by name, position or e-mail',
      'aria-label': 'Search people',
    })
    const list = h('ul', { class: 'pd-pick__list', role: 'listbox', 'aria-multiselectable': String(options.multiple) })
    const chosen = new Map<number, PersonHit>()
    const counter = h('span', { class: 'pd-pick__count' }, '')
    modal.body.append(search, list)

    const finish = (items: PersonHit[]): void => {
      modal.close()
      resolve(items)
    }
    const refreshCounter = (): void => {
      counter.textContent = options.multiple ? `${chosen.size} selected` : ''
    }
    const render = (people: PersonHit[]): void => {
      list.replaceChildren()
      if (people.length === 0) list.append(h('li', { class: 'pd-pick__empty' }, 'Nobody found'))
      for (const p of people) {
        const box = options.multiple
          ? h('input', { type: 'checkbox', class: 'pd-pick__check', tabindex: '-1', checked: chosen.has(p.id) })
          : null
        const item = h(
          'li',
          { class: 'pd-pick__item', role: 'option', tabindex: '0', 'data-user-id': String(p.id) },
          box,
          avatar(p.photo, p.name),
          h('span', { class: 'pd-pick__text' }, h('b', {}, p.name), h('small', {}, p.position || '—')),
        )
        const activate = (): void => {
          if (!options.multiple) return finish([p])
          if (chosen.has(p.id)) chosen.delete(p.id)
          else chosen.set(p.id, p)
          if (box) box.checked = chosen.has(p.id)
          item.classList.toggle('is-selected', chosen.has(p.id))
          refreshCounter()
        }
        item.classList.toggle('is-selected', chosen.has(p.id))
        item.addEventListener('click', activate)
        item.addEventListener('keydown', (e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault()
            activate()
          }
        })
        list.append(item)
      }
    }
    const load = async (): Promise<void> => {
      try {
        render(await api<PersonHit[]>(`/_portal/people?q=${encodeURIComponent(search.value.trim())}`))
      } catch {
        list.replaceChildren(h('li', { class: 'pd-pick__empty' }, 'Could not load people'))
      }
    }
    search.addEventListener('input', debounce(() => void load(), 150))

    const cancelBtn = h('button', { class: 'pd-btn pd-btn--light', type: 'button' }, 'Cancel')
    cancelBtn.addEventListener('click', () => {
      modal.close()
      resolve(null)
    })
    if (options.multiple) {
      const ok = h('button', { class: 'pd-btn pd-btn--primary', type: 'button', 'data-action': 'select' }, 'Select')
      ok.addEventListener('click', () => finish([...chosen.values()]))
      modal.footer.append(counter, ok, cancelBtn)
    } else {
      modal.footer.append(cancelBtn)
    }
    refreshCounter()
    void load()
    search.focus()
  })
}

/** The access-rights dialog: all employees, departments (with or without sub-departments), groups, users. */
export function pickAccess(options: { blocked: string[] }): Promise<AccessHit[] | null> {
  return new Promise((resolve) => {
    const modal = openModal('Access permissions', () => resolve(null))
    modal.root.dataset.picker = 'access'
    const blocked = new Set(options.blocked)
    const chosen = new Map<string, AccessHit>()
    const search = h('input', {
      class: 'pd-input pd-pick__search',
      type: 'search',
      placeholder: 'Search departments, groups, people',
      'aria-label': 'Search access codes',
    })
    const list = h('div', { class: 'pd-pick__list pd-pick__list--groups' })
    const counter = h('span', { class: 'pd-pick__count' }, '0 selected')
    modal.body.append(search, list)

    const row = (hit: AccessHit): HTMLElement => {
      const isBlocked = blocked.has(hit.id)
      const box = h('input', {
        type: 'checkbox',
        class: 'pd-pick__check',
        checked: isBlocked || chosen.has(hit.id),
        disabled: isBlocked,
        'aria-label': hit.name,
      })
      const label = h(
        'label',
        { class: 'pd-pick__item pd-pick__item--code', 'data-code': hit.id },
        box,
        h('span', { class: 'pd-pick__text' }, h('b', {}, hit.name), h('small', {}, hit.hint ? `${hit.id} · ${hit.hint}` : hit.id)),
      )
      if (isBlocked) label.classList.add('is-disabled')
      box.addEventListener('change', () => {
        if (box.checked) chosen.set(hit.id, hit)
        else chosen.delete(hit.id)
        counter.textContent = `${chosen.size} selected`
      })
      return label
    }
    const section = (name: string, hits: AccessHit[]): HTMLElement | null =>
      hits.length ? h('section', {}, h('h4', { class: 'pd-pick__section' }, name), ...hits.map(row)) : null

    const render = (hits: AccessHit[]): void => {
      list.replaceChildren()
      const parts = [
        section('General', hits.filter((x) => x.kind === 'all')),
        section('Departments', hits.filter((x) => x.kind === 'department')),
        section('User groups', hits.filter((x) => x.kind === 'group')),
        section('Workgroups', hits.filter((x) => x.kind === 'workgroup')),
        section('Employees', hits.filter((x) => x.kind === 'user')),
      ].filter((x): x is HTMLElement => x !== null)
      if (parts.length === 0) list.append(h('p', { class: 'pd-pick__empty' }, 'Nothing found'))
      list.append(...parts)
    }
    const load = async (): Promise<void> => {
      try {
        render(await api<AccessHit[]>(`/_portal/access?q=${encodeURIComponent(search.value.trim())}`))
      } catch {
        list.replaceChildren(h('p', { class: 'pd-pick__empty' }, 'Could not load access codes'))
      }
    }
    search.addEventListener('input', debounce(() => void load(), 150))
    const ok = h('button', { class: 'pd-btn pd-btn--primary', type: 'button', 'data-action': 'select' }, 'Select')
    ok.addEventListener('click', () => {
      modal.close()
      resolve([...chosen.values()])
    })
    const cancelBtn = h('button', { class: 'pd-btn pd-btn--light', type: 'button' }, 'Cancel')
    cancelBtn.addEventListener('click', () => {
      modal.close()
      resolve(null)
    })
    modal.footer.append(counter, ok, cancelBtn)
    void load()
    search.focus()
  })
}
