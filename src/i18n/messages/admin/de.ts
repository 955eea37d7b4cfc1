import admin from './admin.de'
import charts from './charts.de'
import exportFiles from './export.de'

/** Strings der Administrationsbereiche: werden mit ihnen geladen, nicht mit dem Verzeichnis. */
export default { admin, charts, export: exportFiles }
