import type orgEn from './en'

export default {
  title: 'Структура',
  treeLabel: 'Структура компании',
  searchLabel: 'Найти отдел или сотрудника',
  searchPlaceholder: 'Найти отдел или сотрудника…',
  resultsLabel: 'Найденные отделы и сотрудники',
  noMatches: 'Ни один отдел или сотрудник не подходит',
  department: 'Отдел',
  departments: 'нет отделов | {n} отдел | {n} отдела | {n} отделов',
  total: 'нет сотрудников | {n} сотрудник | {n} сотрудника | {n} сотрудников',
  direct: 'никого напрямую | {n} напрямую | {n} напрямую | {n} напрямую',
  noHead: 'Нет руководителя',
  showPeople: 'Показать сотрудников',
  showPeopleOf: 'Показать сотрудников: {name}',
  loading: 'Загрузка структуры…',
  countingPeople: 'считаем сотрудников…',
  loadFailed: 'Не удалось загрузить структуру',
  emptyTitle: 'Нет отделов',
  emptyBody: 'В этом Битрикс24 нет отделов, которые вам доступны.',
} satisfies typeof orgEn
