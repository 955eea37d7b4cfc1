import { computed, h, type Ref, type VNodeChild } from 'vue'
import { useI18n } from 'vue-i18n'
import { useNow } from '@vueuse/core'
import type { Person } from '@/domain/people/person'
import { COLUMN_WIDTHS, type ColumnKey, type SortKey } from '@/domain/people/columns'
import { localTime } from '@/domain/people/local-time'
import { highlightedText } from '@/components/common/highlighted-text'
import PersonAvatar from '@/components/people/PersonAvatar.vue'
import PresenceBadge from '@/components/people/PresenceBadge.vue'
import RowActions from '@/components/people/RowActions.vue'
import { usePersonColumnText } from './usePersonColumnText'

/** One column of the people grid: its header, how it sorts and how wide it is drawn, and its cell. */
export interface GridColumn {
  id: ColumnKey | typeof ACTIONS_COLUMN
  header: () => VNodeChild
  /** the store's sort key, when the column sorts */
  sortKey?: SortKey
  /** drawn width in CSS px */
  width: number
  cell: (person: Person) => VNodeChild
}

/** The row's contact actions: not a column of the choice, always last. */
export const ACTIONS_COLUMN = 'actions'
/** its width in CSS px: three small buttons */
export const ACTIONS_WIDTH = 120

interface Options {
  words: Ref<readonly string[]>
  /** someone new in a row shows initials, their photo later (see PersonAvatar) */
  photosLater: Ref<boolean>
  locale: Ref<string>
  departmentLabel: (person: Person) => string
}

/**
 * The people grid's columns. Every cell renders text nodes or kit components with text props: names,
 * positions and departments come from other people and never become markup.
 */
export function usePeopleGridColumns({ words, photosLater, locale, departmentLabel }: Options) {
  const { t } = useI18n()
  const now = useNow({ interval: 60_000 })
  const { text } = usePersonColumnText(locale, departmentLabel)

  return computed<GridColumn[]>(() => {
    const column = (id: ColumnKey, meta: { sortKey?: SortKey }, cell: (p: Person) => VNodeChild): GridColumn => {
      const header = t(`columns.${id}`)
      return { id, header: () => header, ...meta, width: COLUMN_WIDTHS[id], cell }
    }
    // worded once per language, not once per row a keystroke redraws
    const online = t('directory.online')
    const offline = t('directory.offline')
    const extranet = t('directory.extranet')
    const dismissed = t('admin.dismissed')
    const phoneKinds = { work: t('phones.work'), mobile: t('phones.mobile'), inner: t('phones.inner') }
    return [
      column('name', { sortKey: 'name' }, (p) =>
        h('div', { class: 'flex items-center gap-3 min-w-0' }, [
          // who is online shows on the avatar, whichever columns fit
          h('span', { class: 'relative shrink-0' }, [
            h(PersonAvatar, { person: p, size: 32, photoLater: photosLater.value }),
            p.online
              ? h('span', {
                  class: 'absolute -bottom-0.5 -end-0.5 size-3 rounded-full border-2 border-(--ui-color-bg-content-primary) bg-(--ui-color-accent-main-success)',
                  title: online,
                  'data-testid': 'row-online',
                }, h('span', { class: 'sr-only' }, online))
              : null,
          ]),
          h('div', { class: 'min-w-0' }, [
            highlightedText(p.fullName, words.value, 'block truncate font-(--ui-font-weight-medium)'),
            p.userType === 'extranet'
              ? h('span', { class: 'text-(length:--ui-font-size-xs) text-(--app-text-warning)' }, extranet)
              : null,
            p.active
              ? null
              : h('span', { class: 'ms-2 text-(length:--ui-font-size-xs) text-(--app-text-alert)' }, dismissed),
          ]),
        ]),
      ),
      column('position', { sortKey: 'position' }, (p) =>
        highlightedText(p.position, words.value, 'block truncate'),
      ),
      column('department', { sortKey: 'department' }, (p) => {
        // shortened from the root's side, so the team itself stays in view; the whole path on hover
        const label = departmentLabel(p)
        return h('span', { class: 'block truncate text-left [direction:rtl] rtl:text-right rtl:[direction:ltr]', title: label }, h('bdi', label))
      }),
      column('email', { sortKey: 'email' }, (p) =>
        highlightedText(p.email, words.value, 'block truncate'),
      ),
      column('phones', {}, (p) => {
        // one line, so every row keeps the same height; the cell's title lists them all with their kind
        const phones = [
          [phoneKinds.work, p.workPhone],
          [phoneKinds.mobile, p.mobilePhone],
          [phoneKinds.inner, p.innerPhone],
        ].filter(([, number]) => number)
        return h(
          'span',
          { class: 'block truncate', title: phones.map(([kind, number]) => `${kind}: ${number}`).join('\n') },
          phones.map(([, number]) => number).join(' · '),
        )
      }),
      column('city', { sortKey: 'city' }, (p) => h('span', { class: 'block truncate' }, p.city)),
      column('localTime', {}, (p) => localTime(p.timeZone, now.value, locale.value)),
      column('presence', { sortKey: 'presence' }, (p) =>
        h(PresenceBadge, { online: p.online, label: p.online ? online : offline }),
      ),
      column('status', { sortKey: 'status' }, (p) =>
        h('span', { class: p.active ? '' : 'text-(--app-text-alert)' }, text(p, 'status')),
      ),
      column('lastSeen', { sortKey: 'lastSeen' }, (p) => text(p, 'lastSeen')),
      column('registered', { sortKey: 'registered' }, (p) => text(p, 'registered')),
      column('completeness', {}, (p) => {
        const label = text(p, 'completeness')
        return h('span', { class: 'block truncate', title: label }, label)
      }),
      {
        id: ACTIONS_COLUMN,
        header: () => h('span', { class: 'sr-only' }, t('directory.contact')),
        width: ACTIONS_WIDTH,
        cell: (person) => h(RowActions, { person }),
      },
    ]
  })
}
