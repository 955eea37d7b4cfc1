import { computed, h, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useNow } from '@vueuse/core'
import type { ColumnDef } from '@tanstack/vue-table'
import type { Person } from '@/domain/person'
import type { ColumnKey, SortKey } from '@/domain/columns'
import { localTime } from '@/domain/local-time'
import { highlightedText } from '@/components/common/highlighted-text'
import PersonAvatar from '@/components/people/PersonAvatar.vue'
import PresenceBadge from '@/components/people/PresenceBadge.vue'
import { usePersonColumnText } from './usePersonColumnText'

export interface GridColumnMeta {
  /** the store's sort key, when the column sorts */
  sortKey?: SortKey
  /** tailwind width class */
  width: string
}

// Column meta carries the grid's own settings; TanStack's type is declared for extension this way.
declare module '@tanstack/vue-table' {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars, @typescript-eslint/no-empty-object-type
  interface ColumnMeta<TData, TValue> extends Partial<GridColumnMeta> {}
}

interface Options {
  words: Ref<readonly string[]>
  locale: Ref<string>
  departmentLabel: (person: Person) => string
}

/**
 * The people grid's columns. Every cell renders text nodes or kit components with text props: names,
 * positions and departments come from other people and never become markup.
 */
export function usePeopleGridColumns({ words, locale, departmentLabel }: Options) {
  const { t } = useI18n()
  const now = useNow({ interval: 60_000 })
  const { text } = usePersonColumnText(locale, departmentLabel)

  return computed<ColumnDef<Person>[]>(() => {
    const column = (
      id: ColumnKey,
      meta: GridColumnMeta,
      cell: (p: Person) => ReturnType<typeof h> | string,
    ): ColumnDef<Person> => ({
      id,
      header: t(`columns.${id}`),
      meta,
      cell: ({ row }) => cell(row.original),
    })
    const online = t('directory.online')
    const offline = t('directory.offline')
    return [
      column('name', { sortKey: 'name', width: 'w-72' }, (p) =>
        h('div', { class: 'flex items-center gap-3 min-w-0' }, [
          h(PersonAvatar, { person: p, size: 32 }),
          h('div', { class: 'min-w-0' }, [
            highlightedText(p.fullName, words.value, 'block truncate font-(--ui-font-weight-medium)'),
            p.userType === 'extranet'
              ? h('span', { class: 'text-(length:--ui-font-size-xs) text-(--app-text-warning)' }, t('directory.extranet'))
              : null,
            p.active
              ? null
              : h('span', { class: 'ms-2 text-(length:--ui-font-size-xs) text-(--app-text-alert)' }, t('admin.dismissed')),
          ]),
        ]),
      ),
      column('position', { sortKey: 'position', width: 'w-56' }, (p) =>
        highlightedText(p.position, words.value, 'block truncate'),
      ),
      column('department', { sortKey: 'department', width: 'w-64' }, (p) => {
        const label = departmentLabel(p)
        return h('span', { class: 'block truncate', title: label }, label)
      }),
      column('email', { sortKey: 'email', width: 'w-64' }, (p) =>
        highlightedText(p.email, words.value, 'block truncate'),
      ),
      column('phones', { width: 'w-56' }, (p) => {
        // one line, so every row keeps the same height; the cell's title lists them all with their kind
        const phones = [
          [t('phones.work'), p.workPhone],
          [t('phones.mobile'), p.mobilePhone],
          [t('phones.inner'), p.innerPhone],
        ].filter(([, number]) => number)
        return h(
          'span',
          { class: 'block truncate', title: phones.map(([kind, number]) => `${kind}: ${number}`).join('\n') },
          phones.map(([, number]) => number).join(' · '),
        )
      }),
      column('city', { sortKey: 'city', width: 'w-40' }, (p) => h('span', { class: 'block truncate' }, p.city)),
      column('localTime', { width: 'w-28' }, (p) => localTime(p.timeZone, now.value, locale.value)),
      column('presence', { sortKey: 'presence', width: 'w-32' }, (p) =>
        h(PresenceBadge, { online: p.online, label: p.online ? online : offline }),
      ),
      column('status', { sortKey: 'status', width: 'w-32' }, (p) =>
        h('span', { class: p.active ? '' : 'text-(--app-text-alert)' }, text(p, 'status')),
      ),
      column('lastSeen', { sortKey: 'lastSeen', width: 'w-44' }, (p) => text(p, 'lastSeen')),
      column('registered', { sortKey: 'registered', width: 'w-32' }, (p) => text(p, 'registered')),
      column('completeness', { width: 'w-64' }, (p) => {
        const label = text(p, 'completeness')
        return h('span', { class: 'block truncate', title: label }, label)
      }),
    ]
  })
}
