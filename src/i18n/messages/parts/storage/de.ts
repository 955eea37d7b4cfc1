export default {
  notKept: 'Dieser Browser speichert nichts für Apps in Bitrix24, daher wird das Verzeichnis bei jedem Besuch neu geladen.',
  ask: 'Auf diesem Gerät speichern',
  refused: 'Der Browser hat es nicht erlaubt: Das hängt von seinen Einstellungen für Drittanbieter-Cookies ab.',
  kept: 'Das Verzeichnis wird ab jetzt auf diesem Gerät gespeichert.',
}
