import admin from './admin.ru'
import charts from './charts.ru'
import exportFiles from './export.ru'

/** Строки разделов администрирования: загружаются вместе с ними, а не со справочником. */
export default { admin, charts, export: exportFiles }
