/** Strings of the page shown when the app is opened outside a Bitrix24 portal (src/views/OutsidePortalView.vue). */
export default {
  title: 'Mitarbeiterverzeichnis für Bitrix24',
  lead: 'Ein schnelles, durchsuchbares Verzeichnis aller Mitarbeiter in Ihrem Bitrix24-Portal. Die App läuft innerhalb von Bitrix24 – öffnen Sie sie in Ihrem Portal.',
  installTitle: 'So installieren Sie die App',
  step1: 'Öffnen Sie in Ihrem Bitrix24-Portal Anwendungen → Entwicklerressourcen → Andere → Lokale Anwendung.',
  step2: 'Wählen Sie „Statische Anwendung“ und laden Sie das Paket des Mitarbeiterverzeichnisses hoch, oder geben Sie die Adresse dieser Seite als Handler an.',
  step3: 'Wählen Sie die Bereiche user_basic (oder user_brief), department und placement aus und speichern Sie.',
  step4: 'Öffnen Sie das Mitarbeiterverzeichnis über das linke Menü Ihres Portals.',
}
