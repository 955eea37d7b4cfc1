import { describe, expect, it } from 'vitest'
import { i18n } from '@/i18n'
import ru from '@/i18n/messages/ru'

describe('people counts', () => {
  it('uses the right Russian form for 1, 2, 5, 11, 21 and 0', () => {
    i18n.global.setLocaleMessage('ru', ru)
    const { t } = i18n.global
    const count = (n: number) => t('directory.count', { n }, { plural: n, locale: 'ru' })
    expect(count(1)).toBe('1 сотрудник')
    expect(count(2)).toBe('2 сотрудника')
    expect(count(5)).toBe('5 сотрудников')
    expect(count(11)).toBe('11 сотрудников')
    expect(count(21)).toBe('21 сотрудник')
    expect(count(0)).toBe('нет сотрудников')
  })

  it('uses the English forms', () => {
    const { t } = i18n.global
    expect(t('directory.count', { n: 1 }, { plural: 1, locale: 'en' })).toBe('1 person')
    expect(t('directory.count', { n: 3 }, { plural: 3, locale: 'en' })).toBe('3 people')
  })
})
