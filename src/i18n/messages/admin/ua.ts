import admin from './admin.ua'
import charts from './charts.ua'
import exportFiles from './export.ua'

/** Рядки розділів адміністрування: завантажуються разом із ними, а не з довідником. */
export default { admin, charts, export: exportFiles }
