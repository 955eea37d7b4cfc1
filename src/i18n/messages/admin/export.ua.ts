import type exportEn from './export.en'

export default {
  button: 'Експорт',
  csv: 'CSV (Excel)',
  xlsx: 'Книга Excel (.xlsx)',
  vcf: 'Контакти (.vcf)',
  contactsFile: 'контакти',
  failed: 'Не вдалося створити файл',
  failedBody: 'Спробуйте ще раз. Якщо не вийде, перезавантажте застосунок.',
} satisfies typeof exportEn
