/** Strings of the export menu (src/components/export). */
export default {
  button: 'Export',
  csv: 'CSV (Excel)',
  xlsx: 'Excel workbook (.xlsx)',
  vcf: 'Contacts (.vcf)',
  /** the file name of a .vcf with several people, before the date */
  contactsFile: 'contacts',
  failed: 'The file could not be created',
  failedBody: 'Try again. If it keeps failing, reload the app.',
}
