import type { Messages } from '../index'
import person from './parts/person.ru'
import install from './parts/install.ru'
import errors from './parts/errors.ru'
import org from './parts/org.ru'
import storage from './parts/storage.ru'
import crash from './parts/crash.ru'

export default {
  org,
  storage,
  crash,
  errors,
  install,
  person,
  nav: {
    label: 'Разделы',
    people: 'Сотрудники',
    structure: 'Структура',
    admin: 'Администрирование',
  },
  app: {
    name: 'Справочник сотрудников',
  },
  start: {
    connecting: 'Подключение к Битрикс24…',
    retry: 'Повторить',
  },
  outside: {
    title: 'Справочник сотрудников для Битрикс24',
    lead: 'Быстрый справочник всех сотрудников вашего Битрикс24 с поиском. Приложение работает внутри Битрикс24 — откройте его на своём портале.',
    installTitle: 'Как установить',
    step1: 'На портале Битрикс24 откройте Приложения → Разработчикам → Другое → Локальное приложение.',
    step2: 'Выберите «Статическое приложение» и загрузите архив приложения или укажите адрес этой страницы как обработчик.',
    step3: 'Выдайте права user_basic (или user_brief), department и placement и сохраните.',
    step4: 'Откройте «Справочник сотрудников» в левом меню портала.',
  },
  noAnswer: {
    title: 'Битрикс24 не ответил',
    body: 'Страница портала не ответила приложению. Обновите страницу; если это повторяется, попросите администратора Битрикс24 проверить настройки приложения.',
  },
  failed: {
    title: 'Не удалось запустить справочник',
    body: 'При подключении к Битрикс24 что-то пошло не так.',
  },
  directory: {
    searchLabel: 'Поиск сотрудников',
    searchPlaceholder: 'Имя, должность, отдел, e-mail или телефон…',
    count: 'нет сотрудников | {n} сотрудник | {n} сотрудника | {n} сотрудников',
    matching: '{shown} из {all}',
    you: 'Вы',
    gridLabel: 'Сотрудники',
    retry: 'Повторить',
    emptyTitle: 'Никого не нашлось',
    emptyBody: 'Под этот поиск и фильтры никто не подходит.',
    clearFilters: 'Сбросить поиск и фильтры',
    noPeople: 'Пока некого показать.',
    online: 'В сети',
    offline: 'Не в сети',
    extranet: 'Экстранет',
    fromCache: 'Показан справочник, сохранённый {time}',
    offlineNoticeSince: 'Нет сети: показаны данные на {time}',
    offlineNoticeBody: 'Поиск и фильтры работают с тем, что показано; прерванная загрузка продолжится сама, когда связь вернётся.',
    offlineNotice: 'Нет сети: показано то, что успело загрузиться',
    refreshing: 'Обновляем из Битрикс24…',
  },
  progress: {
    waiting: 'Ждём ответа Битрикс24…',
    loaded: 'Загружено {loaded} из {expected}',
    cancel: 'Остановить',
    resume: 'Продолжить загрузку',
  },
  filters: {
    title: 'Фильтры',
    any: 'Любой',
    department: 'Отдел',
    searchDepartments: 'Найти отдел…',
    withSubdepartments: 'Включая подотделы',
    position: 'Должность',
    city: 'Город',
    userType: 'Тип',
    type: {
      employee: 'Сотрудники',
      extranet: 'Экстранет',
    },
    status: 'Статус в компании',
    statusValue: {
      active: 'Работают',
      dismissed: 'Уволены',
    },
    more: 'Только',
    onlineNow: 'Сейчас в сети',
    newThisMonth: 'Новые в этом месяце',
    birthdayWeek: 'День рождения на этой неделе',
    birthdayMonth: 'День рождения в этом месяце',
  },
  scopes: {
    noContactsTitle: 'E-mail и телефоны скрыты',
    noContactsBody: 'У приложения есть только право user_brief. Администратор Битрикс24 может добавить user_basic в настройках приложения, чтобы показать контакты.',
    noDepartmentsTitle: 'Отделы не показаны',
    noDepartmentsBody: 'У приложения нет права department. Администратор Битрикс24 может добавить его в настройках приложения, чтобы показать отделы и фильтр по ним.',
  },
  columnsMenu: {
    button: 'Колонки',
    title: 'Показывать колонки',
    moveUp: 'Сдвинуть «{column}» левее',
    moveDown: 'Сдвинуть «{column}» правее',
  },
  columns: {
    name: 'Сотрудник',
    position: 'Должность',
    department: 'Отдел',
    email: 'E-mail',
    phones: 'Телефоны',
    city: 'Город',
    localTime: 'Местное время',
    presence: 'Статус',
    status: 'Работает / уволен',
    lastSeen: 'Последний визит',
    registered: 'Регистрация',
    completeness: 'Профиль',
  },
  phones: {
    work: 'Рабочий',
    mobile: 'Мобильный',
    inner: 'Внутр.',
  },
} satisfies Messages
