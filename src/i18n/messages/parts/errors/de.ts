import type errorsEn from './en'

export default {
  code: 'Bitrix24 hat mit {code} geantwortet.',
  busy: {
    title: 'Bitrix24 ist gerade ausgelastet',
    action: 'Das Portal begrenzt, wie viele Anfragen eine App senden darf. Warten Sie einen Moment und versuchen Sie es erneut; bereits Geladenes bleibt erhalten.',
  },
  overload: {
    title: 'Bitrix24 hat die REST API pausiert',
    action: 'Das Portal ist überlastet. Versuchen Sie es in einigen Minuten erneut.',
  },
  server: {
    title: 'Bitrix24 konnte nicht antworten',
    action: 'Im Portal ist ein Fehler aufgetreten. Versuchen Sie es erneut; wenn das wiederholt passiert, informieren Sie Ihren Bitrix24-Administrator.',
  },
  network: {
    title: 'Keine Verbindung zu Bitrix24',
    action: 'Prüfen Sie Ihre Netzwerkverbindung und versuchen Sie es erneut.',
  },
  noAnswer: {
    title: 'Bitrix24 hat nicht geantwortet',
    action: 'Laden Sie die Seite neu. Wenn das wiederholt passiert, bitten Sie Ihren Bitrix24-Administrator, die Anwendungseinstellungen zu prüfen.',
  },
  session: {
    title: 'Ihre Bitrix24-Sitzung ist abgelaufen',
    action: 'Laden Sie die Seite neu, um sich erneut bei Bitrix24 anzumelden.',
  },
  credentials: {
    title: 'Bitrix24 hat die Zugangsdaten der App nicht akzeptiert',
    action: 'Bitten Sie Ihren Bitrix24-Administrator, die Anwendung neu zu installieren.',
  },
  scope: {
    title: 'Der App fehlt eine Berechtigung',
    action: 'Ein Bitrix24-Administrator kann den fehlenden Bereich (user_basic, department oder placement) in den Anwendungseinstellungen hinzufügen.',
  },
  accessDenied: {
    title: 'Bitrix24 hat dies nicht erlaubt',
    action: 'Ihr Konto darf diese Aktion nicht ausführen. Bitten Sie Ihren Bitrix24-Administrator um Zugriff.',
  },
  userAccess: {
    title: 'Die App ist für Sie nicht verfügbar',
    action: 'Bitten Sie Ihren Bitrix24-Administrator, Ihnen Zugriff auf das Mitarbeiterverzeichnis zu geben.',
  },
  portalDeleted: {
    title: 'Dieses Bitrix24-Portal existiert nicht mehr',
    action: 'Wenden Sie sich an den Inhaber des Portals.',
  },
  manifest: {
    title: 'Die App ist in diesem Portal nicht verfügbar',
    action: 'Bitten Sie Ihren Bitrix24-Administrator, die Anwendung im Market zu prüfen.',
  },
  https: {
    title: 'Bitrix24 hat eine unsichere Verbindung abgelehnt',
    action: 'Die App muss über HTTPS geöffnet werden. Bitten Sie Ihren Bitrix24-Administrator, die Adresse der Anwendung zu prüfen.',
  },
  methodNotFound: {
    title: 'Dieses Portal bietet eine Methode nicht an, die die App benötigt',
    action: 'Möglicherweise läuft das Portal mit einer älteren Version. Informieren Sie Ihren Bitrix24-Administrator.',
  },
  defect: {
    title: 'Die App hat eine Anfrage gesendet, die Bitrix24 nicht verstanden hat',
    action: 'Bitte melden Sie dies den Entwicklern der App und geben Sie den Code unten an.',
  },
} satisfies typeof errorsEn
