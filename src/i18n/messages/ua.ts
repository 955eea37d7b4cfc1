import type { Messages } from '../index'
import person from './parts/person.ua'
import install from './parts/install.ua'
import errors from './parts/errors.ua'
import org from './parts/org.ua'
import storage from './parts/storage.ua'
import crash from './parts/crash.ua'

export default {
  org,
  storage,
  crash,
  errors,
  install,
  person,
  nav: {
    label: 'Розділи',
    people: 'Співробітники',
    structure: 'Структура',
    admin: 'Адміністрування',
  },
  app: {
    name: 'Довідник співробітників',
  },
  start: {
    connecting: 'Підключення до Бітрікс24…',
    retry: 'Повторити',
  },
  outside: {
    title: 'Довідник співробітників для Бітрікс24',
    lead: 'Швидкий довідник усіх співробітників вашого Бітрікс24 з пошуком. Застосунок працює всередині Бітрікс24 — відкрийте його на своєму порталі.',
    installTitle: 'Як встановити',
    step1: 'На порталі Бітрікс24 відкрийте Застосунки → Розробникам → Інше → Локальний застосунок.',
    step2: 'Виберіть «Статичний застосунок» і завантажте архів застосунку або вкажіть адресу цієї сторінки як обробник.',
    step3: 'Надайте права user_basic (або user_brief), department і placement та збережіть.',
    step4: 'Відкрийте «Довідник співробітників» у лівому меню порталу.',
  },
  noAnswer: {
    title: 'Бітрікс24 не відповів',
    body: 'Сторінка порталу не відповіла застосунку. Оновіть сторінку; якщо це повторюється, попросіть адміністратора Бітрікс24 перевірити налаштування застосунку.',
  },
  failed: {
    title: 'Не вдалося запустити довідник',
    body: 'Під час підключення до Бітрікс24 щось пішло не так.',
  },
  directory: {
    searchLabel: 'Пошук співробітників',
    searchPlaceholder: 'Ім’я, посада, відділ, e-mail або телефон…',
    count: 'немає співробітників | {n} співробітник | {n} співробітники | {n} співробітників',
    matching: '{shown} з {all}',
    you: 'Ви',
    gridLabel: 'Співробітники',
    retry: 'Повторити',
    emptyTitle: 'Нікого не знайдено',
    emptyBody: 'Під цей пошук і фільтри ніхто не підходить.',
    clearFilters: 'Скинути пошук і фільтри',
    noPeople: 'Поки що немає кого показати.',
    online: 'У мережі',
    offline: 'Не в мережі',
    extranet: 'Екстранет',
    fromCache: 'Показано довідник, збережений {time}',
    offlineNoticeSince: 'Немає мережі: показано дані на {time}',
    offlineNoticeBody: 'Пошук і фільтри працюють із тим, що показано; перерване завантаження продовжиться само, коли зв’язок відновиться.',
    offlineNotice: 'Немає мережі: показано те, що встигло завантажитися',
    refreshing: 'Оновлюємо з Бітрікс24…',
  },
  progress: {
    waiting: 'Чекаємо на відповідь Бітрікс24…',
    loaded: 'Завантажено {loaded} з {expected}',
    cancel: 'Зупинити',
    resume: 'Продовжити завантаження',
  },
  filters: {
    title: 'Фільтри',
    any: 'Будь-який',
    department: 'Відділ',
    searchDepartments: 'Знайти відділ…',
    withSubdepartments: 'Включно з підвідділами',
    position: 'Посада',
    city: 'Місто',
    userType: 'Тип',
    type: {
      employee: 'Співробітники',
      extranet: 'Екстранет',
    },
    status: 'Статус у компанії',
    statusValue: {
      active: 'Працюють',
      dismissed: 'Звільнені',
    },
    more: 'Лише',
    onlineNow: 'Зараз у мережі',
    newThisMonth: 'Нові цього місяця',
    birthdayWeek: 'День народження цього тижня',
    birthdayMonth: 'День народження цього місяця',
  },
  scopes: {
    noContactsTitle: 'E-mail і телефони приховано',
    noContactsBody: 'Застосунок має лише право user_brief. Адміністратор Бітрікс24 може додати user_basic у налаштуваннях застосунку, щоб показати контакти.',
    noDepartmentsTitle: 'Відділи не показано',
    noDepartmentsBody: 'Застосунок не має права department. Адміністратор Бітрікс24 може додати його в налаштуваннях застосунку, щоб показати відділи та фільтр за ними.',
  },
  columnsMenu: {
    button: 'Колонки',
    title: 'Показувати колонки',
    moveUp: 'Посунути «{column}» ліворуч',
    moveDown: 'Посунути «{column}» праворуч',
  },
  columns: {
    name: 'Співробітник',
    position: 'Посада',
    department: 'Відділ',
    email: 'E-mail',
    phones: 'Телефони',
    city: 'Місто',
    localTime: 'Місцевий час',
    presence: 'Статус',
    status: 'Працює / звільнений',
    lastSeen: 'Останній візит',
    registered: 'Реєстрація',
    completeness: 'Профіль',
  },
  phones: {
    work: 'Робочий',
    mobile: 'Мобільний',
    inner: 'Внутр.',
  },
} satisfies Messages
