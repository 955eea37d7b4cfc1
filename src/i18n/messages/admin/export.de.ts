import type exportEn from './export.en'

export default {
  button: 'Exportieren',
  csv: 'CSV (Excel)',
  xlsx: 'Excel-Arbeitsmappe (.xlsx)',
  vcf: 'Kontakte (.vcf)',
  contactsFile: 'kontakte',
  failed: 'Die Datei konnte nicht erstellt werden',
  failedBody: 'Versuchen Sie es erneut. Wenn es weiterhin fehlschlägt, laden Sie die App neu.',
} satisfies typeof exportEn
