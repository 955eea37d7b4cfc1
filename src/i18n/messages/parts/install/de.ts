import type installEn from './en'

export default {
  title: 'Mitarbeiterverzeichnis wird installiert',
  lead: 'Das Mitarbeiterverzeichnis fügt sich in das Profil jedes Mitarbeiters und in das Menü des eigenen Profils ein.',
  steps: {
    admin: 'Prüfen, ob Sie Bitrix24-Administrator sind',
    USER_PROFILE_TOOLBAR: 'Mitarbeiterverzeichnis zu den Profilen hinzufügen',
    USER_PROFILE_MENU: 'Mitarbeiterverzeichnis zum Profilmenü hinzufügen',
    finish: 'Installation abschließen',
  },
  state: {
    waiting: 'Wartet',
    running: 'Läuft…',
    done: 'Fertig',
    already: 'Bereits vorhanden',
    failed: 'Fehlgeschlagen',
  },
  advice: {
    admin: 'Nur ein Bitrix24-Administrator kann Anwendungen installieren. Bitten Sie einen Administrator, die App einmal zu öffnen, um die Installation abzuschließen.',
    scope: 'Die Anwendung hat keinen Bereich placement. Fügen Sie „placement“ (sowie user_basic und department) in den Anwendungseinstellungen zu ihren Bereichen hinzu und öffnen Sie sie erneut.',
    handler: 'Das Portal hat die Adresse der App abgelehnt ({code}). Die App muss über eine öffentliche HTTPS-Adresse mit Domainnamen bereitgestellt werden.',
    retry: 'Bitrix24 hat mit {code} geantwortet. Versuchen Sie es erneut; bereits Erledigtes wird nicht doppelt ausgeführt.',
  },
  retry: 'Erneut versuchen',
} satisfies typeof installEn
