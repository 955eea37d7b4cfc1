import { computed, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { useNow } from '@vueuse/core'
import { lastSeenAt, type Person } from '@/domain/people/person'
import type { ColumnKey } from '@/domain/people/columns'
import { statusOf } from '@/domain/people/facets'
import type { ExportTable } from '@/domain/admin/export-table'
import { localTime } from '@/domain/people/local-time'
import { profileCompleteness } from '@/domain/people/profile-completeness'
import { useSessionStore } from '@/stores/session'

/**
 * Every people-table column of a person as plain text in the viewer's language: what an export writes, and
 * what the grid shows for the columns that are text only.
 */
export function usePersonColumnText(locale: Ref<string>, departmentLabel: (person: Person) => string) {
  const { t } = useI18n()
  const session = useSessionStore()
  const now = useNow({ interval: 60_000 })
  const dateTime = computed(() => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium', timeStyle: 'short' }))
  const date = computed(() => new Intl.DateTimeFormat(locale.value, { dateStyle: 'medium' }))

  function formatDate(value: string): string {
    const time = Date.parse(value)
    return Number.isFinite(time) ? date.value.format(time) : ''
  }

  function phones(person: Person): string {
    return [person.workPhone, person.mobilePhone, person.innerPhone].filter(Boolean).join(', ')
  }

  function lastSeen(person: Person): string {
    const at = lastSeenAt(person)
    if (at !== null) return dateTime.value.format(at)
    // no date at all: only the `user` scope can tell that someone never logged in
    return session.access.lastLogin ? t('admin.never') : ''
  }

  function completeness(person: Person): string {
    const { score, missing } = profileCompleteness(person, session.access)
    const percent = `${new Intl.NumberFormat(locale.value).format(score)} %`
    return missing.length ? `${percent} · ${missing.map((m) => t(`admin.lists.missing.${m}`)).join(', ')}` : percent
  }

  function text(person: Person, key: ColumnKey): string {
    switch (key) {
      case 'name':
        return person.fullName
      case 'position':
        return person.position
      case 'department':
        return departmentLabel(person)
      case 'email':
        return person.email
      case 'phones':
        return phones(person)
      case 'city':
        return person.city
      case 'localTime':
        return localTime(person.timeZone, now.value, locale.value)
      case 'presence':
        return person.online ? t('directory.online') : t('directory.offline')
      case 'status':
        return t(`filters.statusValue.${statusOf(person)}`)
      case 'lastSeen':
        return lastSeen(person)
      case 'registered':
        return formatDate(person.registeredAt)
      case 'completeness':
        return completeness(person)
    }
  }

  /** People as a table to export: the given columns, in order, with their labels. */
  function table(title: string, people: readonly Person[], columns: readonly ColumnKey[]): ExportTable {
    return {
      title,
      columns: columns.map((key) => t(`columns.${key}`)),
      rows: people.map((person) => columns.map((key) => text(person, key))),
    }
  }

  return { text, table }
}
