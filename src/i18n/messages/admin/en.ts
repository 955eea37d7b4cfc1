import admin from './admin.en'
import charts from './charts.en'
import exportFiles from './export.en'

/** The admin views' strings (admin, charts, export): loaded with the admin views, not with the directory. */
export default { admin, charts, export: exportFiles }
