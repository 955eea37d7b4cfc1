import person from './parts/person.en'
import install from './parts/install.en'
import errors from './parts/errors.en'
import org from './parts/org.en'
import admin from './parts/admin.en'
import exportFiles from './parts/export.en'
import charts from './parts/charts.en'

export default {
  org,
  admin,
  export: exportFiles,
  charts,
  errors,
  install,
  person,
  nav: {
    label: 'Sections',
    people: 'People',
    structure: 'Structure',
    admin: 'Administration',
  },
  app: {
    name: 'People Directory',
  },
  start: {
    connecting: 'Connecting to Bitrix24…',
    retry: 'Try again',
  },
  outside: {
    title: 'People Directory for Bitrix24',
    lead: 'A fast, searchable directory of everyone in your Bitrix24 portal. It runs inside Bitrix24, so open it from your portal.',
    installTitle: 'How to install',
    step1: 'In your Bitrix24 portal, open Applications → Developer resources → Other → Local application.',
    step2: 'Choose "Static application" and upload the People Directory package, or enter the address of this page as the handler.',
    step3: 'Grant the scopes user_basic (or user_brief), department and placement, then save.',
    step4: 'Open People Directory from the left menu of your portal.',
  },
  noAnswer: {
    title: 'Bitrix24 did not answer',
    body: 'The portal page did not respond to the app. Reload the page; if it keeps happening, ask your Bitrix24 administrator to check the application settings.',
  },
  failed: {
    title: 'People Directory could not start',
    body: 'Something went wrong while connecting to Bitrix24.',
  },
  directory: {
    searchLabel: 'Search people',
    searchPlaceholder: 'Search by name, position, department, e-mail or phone…',
    count: 'no people | {n} person | {n} people',
    matching: '{shown} of {all}',
    you: 'You',
    gridLabel: 'People',
    retry: 'Try again',
    emptyTitle: 'Nobody matches',
    emptyBody: 'No one fits this search and these filters.',
    clearFilters: 'Clear search and filters',
    noPeople: 'No people to show yet.',
    online: 'Online',
    offline: 'Offline',
    extranet: 'Extranet',
    fromCache: 'Showing the directory saved on {time}',
    refreshing: 'Refreshing from Bitrix24…',
  },
  progress: {
    loaded: '{loaded} of {expected} loaded',
    cancel: 'Stop',
    resume: 'Continue loading',
  },
  filters: {
    title: 'Filters',
    any: 'Any',
    department: 'Department',
    searchDepartments: 'Find a department…',
    withSubdepartments: 'Include sub-departments',
    position: 'Position',
    city: 'City',
    userType: 'Type',
    type: {
      employee: 'Employees',
      extranet: 'Extranet users',
    },
    status: 'Status',
    statusValue: {
      active: 'Working',
      dismissed: 'Dismissed',
    },
    more: 'Show only',
    onlineNow: 'Online now',
    newThisMonth: 'New this month',
    birthdayWeek: 'Birthday this week',
    birthdayMonth: 'Birthday this month',
  },
  scopes: {
    noContactsTitle: 'E-mail addresses and phone numbers are hidden',
    noContactsBody: 'The app has the user_brief scope only. A Bitrix24 administrator can add user_basic in the application settings to show contacts.',
    noDepartmentsTitle: 'Departments are not shown',
    noDepartmentsBody: 'The app has no department scope. A Bitrix24 administrator can add it in the application settings to show departments and filter by them.',
  },
  columnsMenu: {
    button: 'Columns',
    title: 'Columns to show',
    moveUp: 'Move {column} left',
    moveDown: 'Move {column} right',
  },
  columns: {
    name: 'Name',
    position: 'Position',
    department: 'Department',
    email: 'E-mail',
    phones: 'Phones',
    city: 'City',
    localTime: 'Local time',
    presence: 'Presence',
    status: 'Status',
    lastSeen: 'Last seen',
    registered: 'Registered',
    completeness: 'Profile',
  },
  phones: {
    work: 'Work',
    mobile: 'Mobile',
    inner: 'Ext.',
  },
}
