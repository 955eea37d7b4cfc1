import { computed, h, resolveComponent } from 'vue'
import { useI18n } from 'vue-i18n'
import type { TableColumn } from '@bitrix24/b24ui-nuxt'
import type { Person } from '@/domain/person'

/** Column definitions of the people table. Cells render text nodes only: names come from other people. */
export function usePeopleColumns() {
  const { t } = useI18n()
  const B24User = resolveComponent('B24User')
  const B24Badge = resolveComponent('B24Badge')

  return computed<TableColumn<Person>[]>(() => [
    {
      id: 'name',
      accessorKey: 'fullName',
      header: t('columns.name'),
      cell: ({ row }) =>
        h(B24User, {
          name: row.original.fullName,
          description: row.original.userType === 'extranet' ? t('directory.extranet') : undefined,
          avatar: row.original.photo ? { src: row.original.photo, alt: '' } : { text: initials(row.original) },
          size: 'md',
        }),
    },
    { id: 'position', accessorKey: 'position', header: t('columns.position') },
    { id: 'email', accessorKey: 'email', header: t('columns.email') },
    {
      id: 'phone',
      header: t('columns.phone'),
      accessorFn: (p) => p.workPhone || p.mobilePhone || p.innerPhone,
    },
    { id: 'city', accessorKey: 'city', header: t('columns.city') },
    {
      id: 'presence',
      header: t('columns.presence'),
      accessorKey: 'online',
      cell: ({ row }) =>
        h(B24Badge, {
          label: row.original.online ? t('directory.online') : t('directory.offline'),
          color: row.original.online ? 'air-primary-success' : 'air-tertiary',
          size: 'sm',
        }),
    },
  ])
}

function initials(person: Person): string {
  const letters = [person.firstName, person.lastName].map((part) => Array.from(part)[0] ?? '').join('')
  return letters.toUpperCase() || '?'
}
