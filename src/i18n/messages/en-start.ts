import person from './parts/person/en'
import errors from './parts/errors/en'
import storage from './parts/storage/en'
import link from './parts/link/en'
import crash from './parts/crash/en'

/**
 * The English the app is bundled with: the directory, the person card, the start and the errors. The views that
 * load later bring the rest (./en-views.ts); ./en.ts is the two together, which every other language matches.
 */
export default {
  storage,
  link,
  crash,
  errors,
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
    offlineNoticeSince: 'Offline: showing data from {time}',
    offlineNotice: 'Offline: showing the data loaded so far',
    offlineNoticeBody: 'Search and filters still work on what is shown; an interrupted load carries on by itself once the connection is back.',
    refreshing: 'Refreshing from Bitrix24…',
    searchingPortal: 'Searching Bitrix24…',
    emptyIncompleteTitle: 'Nobody found yet',
    emptyIncompleteBody: 'Bitrix24 found nobody by this name, and filters apply to the {loaded} people read so far: the rest of the directory is still being read.',
    blockedTitle: 'Bitrix24 limits how much this app may read for now',
    blockedBody: 'Everything shown stays and can be searched. The directory carries on by itself at {time}.',
    rowMessage: 'Message {name}',
    rowCall: 'Call {name}',
    rowEmail: 'E-mail {name}',
    contact: 'Contact',
    columnsHidden: 'Not shown at this width: {columns}',
    loadingPeople: 'Loading people…',
  },
  progress: {
    loaded: '{loaded} of {expected} loaded',
    waiting: 'Waiting for Bitrix24…',
    cancel: 'Stop',
    resume: 'Continue loading',
  },
  filters: {
    title: 'Filters',
    counting: 'counting…',
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
