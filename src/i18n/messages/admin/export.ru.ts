import type exportEn from './export.en'

export default {
  button: 'Экспорт',
  csv: 'CSV (Excel)',
  xlsx: 'Книга Excel (.xlsx)',
  vcf: 'Контакты (.vcf)',
  contactsFile: 'контакты',
  failed: 'Не удалось создать файл',
  failedBody: 'Попробуйте ещё раз. Если не получится, перезагрузите приложение.',
} satisfies typeof exportEn
