import type { Messages } from '../index'
import person from './parts/person.de'
import install from './parts/install.de'
import errors from './parts/errors.de'
import org from './parts/org.de'
import storage from './parts/storage.de'
import crash from './parts/crash.de'

export default {
  org,
  storage,
  crash,
  errors,
  install,
  person,
  nav: {
    label: 'Bereiche',
    people: 'Mitarbeiter',
    structure: 'Struktur',
    admin: 'Administration',
  },
  app: {
    name: 'Mitarbeiterverzeichnis',
  },
  start: {
    connecting: 'Verbindung zu Bitrix24 wird hergestellt…',
    retry: 'Erneut versuchen',
  },
  outside: {
    title: 'Mitarbeiterverzeichnis für Bitrix24',
    lead: 'Ein schnelles, durchsuchbares Verzeichnis aller Mitarbeiter in Ihrem Bitrix24-Portal. Die App läuft innerhalb von Bitrix24 – öffnen Sie sie in Ihrem Portal.',
    installTitle: 'So installieren Sie die App',
    step1: 'Öffnen Sie in Ihrem Bitrix24-Portal Anwendungen → Entwicklerressourcen → Andere → Lokale Anwendung.',
    step2: 'Wählen Sie „Statische Anwendung“ und laden Sie das Paket des Mitarbeiterverzeichnisses hoch, oder geben Sie die Adresse dieser Seite als Handler an.',
    step3: 'Wählen Sie die Bereiche user_basic (oder user_brief), department und placement aus und speichern Sie.',
    step4: 'Öffnen Sie das Mitarbeiterverzeichnis über das linke Menü Ihres Portals.',
  },
  noAnswer: {
    title: 'Bitrix24 hat nicht geantwortet',
    body: 'Die Portalseite hat der App nicht geantwortet. Laden Sie die Seite neu; wenn das wiederholt passiert, bitten Sie Ihren Bitrix24-Administrator, die Anwendungseinstellungen zu prüfen.',
  },
  failed: {
    title: 'Das Mitarbeiterverzeichnis konnte nicht gestartet werden',
    body: 'Beim Verbinden mit Bitrix24 ist ein Fehler aufgetreten.',
  },
  directory: {
    searchLabel: 'Mitarbeiter suchen',
    searchPlaceholder: 'Nach Name, Position, Abteilung, E-Mail oder Telefon suchen…',
    count: 'keine Personen | {n} Person | {n} Personen',
    matching: '{shown} von {all}',
    you: 'Sie',
    gridLabel: 'Mitarbeiter',
    retry: 'Erneut versuchen',
    emptyTitle: 'Keine Treffer',
    emptyBody: 'Niemand entspricht dieser Suche und diesen Filtern.',
    clearFilters: 'Suche und Filter zurücksetzen',
    noPeople: 'Noch keine Mitarbeiter zum Anzeigen.',
    online: 'Online',
    offline: 'Offline',
    extranet: 'Extranet',
    fromCache: 'Angezeigt wird das am {time} gespeicherte Verzeichnis',
    offlineNoticeSince: 'Offline: Daten vom {time}',
    offlineNoticeBody: 'Suche und Filter funktionieren weiterhin mit den angezeigten Daten; ein unterbrochener Ladevorgang wird automatisch fortgesetzt, sobald die Verbindung wieder besteht.',
    offlineNotice: 'Offline: Angezeigt wird, was bisher geladen wurde',
    refreshing: 'Aktualisierung aus Bitrix24…',
  },
  progress: {
    waiting: 'Warten auf Bitrix24…',
    loaded: '{loaded} von {expected} geladen',
    cancel: 'Anhalten',
    resume: 'Laden fortsetzen',
  },
  filters: {
    title: 'Filter',
    any: 'Beliebig',
    department: 'Abteilung',
    searchDepartments: 'Abteilung suchen…',
    withSubdepartments: 'Einschließlich Unterabteilungen',
    position: 'Position',
    city: 'Stadt',
    userType: 'Typ',
    type: {
      employee: 'Mitarbeiter',
      extranet: 'Extranet-Nutzer',
    },
    status: 'Status',
    statusValue: {
      active: 'Beschäftigt',
      dismissed: 'Entlassen',
    },
    more: 'Nur anzeigen',
    onlineNow: 'Jetzt online',
    newThisMonth: 'Neu in diesem Monat',
    birthdayWeek: 'Geburtstag in dieser Woche',
    birthdayMonth: 'Geburtstag in diesem Monat',
  },
  scopes: {
    noContactsTitle: 'E-Mail-Adressen und Telefonnummern sind ausgeblendet',
    noContactsBody: 'Die App hat nur den Bereich user_brief. Ein Bitrix24-Administrator kann user_basic in den Anwendungseinstellungen hinzufügen, um Kontakte anzuzeigen.',
    noDepartmentsTitle: 'Abteilungen werden nicht angezeigt',
    noDepartmentsBody: 'Die App hat keinen Bereich department. Ein Bitrix24-Administrator kann ihn in den Anwendungseinstellungen hinzufügen, um Abteilungen anzuzeigen und nach ihnen zu filtern.',
  },
  columnsMenu: {
    button: 'Spalten',
    title: 'Angezeigte Spalten',
    moveUp: '„{column}“ nach links verschieben',
    moveDown: '„{column}“ nach rechts verschieben',
  },
  columns: {
    name: 'Name',
    position: 'Position',
    department: 'Abteilung',
    email: 'E-Mail',
    phones: 'Telefon',
    city: 'Stadt',
    localTime: 'Ortszeit',
    presence: 'Online-Status',
    status: 'Status',
    lastSeen: 'Zuletzt online',
    registered: 'Registriert',
    completeness: 'Profil',
  },
  phones: {
    work: 'Geschäftlich',
    mobile: 'Mobil',
    inner: 'Erw.',
  },
} satisfies Messages
