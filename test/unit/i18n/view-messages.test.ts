import { describe, expect, it } from 'vitest'
import { i18n, loadViewMessages } from '@/i18n'
import views from '@/i18n/messages/en-views'

describe('the English of the views that load on demand', () => {
  it('is not in the first download and is there once such a view loads', async () => {
    const { t, te } = i18n.global
    expect(te('org.title', 'en')).toBe(false)
    expect(te('person.cardLabel', 'en')).toBe(false)
    await loadViewMessages()
    expect(t('org.title')).toBe(views.org.title)
    expect(t('install.title')).toBe(views.install.title)
    expect(t('outside.title')).toBe(views.outside.title)
    expect(t('person.cardLabel')).toBe(views.person.cardLabel)
    // the strings the app started with are still there
    expect(t('directory.emptyTitle')).toBe('Nobody matches')
  })

  it('loads once however many views ask', () => {
    expect(loadViewMessages()).toBe(loadViewMessages())
  })
})
