import type orgEn from './en'

export default {
  title: 'Struktur',
  treeLabel: 'Unternehmensstruktur',
  searchLabel: 'Abteilung oder Mitarbeiter suchen',
  searchPlaceholder: 'Abteilung oder Mitarbeiter suchen…',
  resultsLabel: 'Gefundene Abteilungen und Mitarbeiter',
  noMatches: 'Keine passende Abteilung und kein passender Mitarbeiter',
  department: 'Abteilung',
  departments: 'keine Abteilungen | {n} Abteilung | {n} Abteilungen',
  total: 'keine Personen | {n} Person | {n} Personen',
  direct: 'niemand direkt | {n} direkt | {n} direkt',
  noHead: 'Kein Leiter',
  showPeople: 'Mitarbeiter anzeigen',
  showPeopleOf: 'Mitarbeiter von {name} anzeigen',
  loading: 'Struktur wird geladen…',
  countingPeople: 'Mitarbeiter werden gezählt…',
  loadFailed: 'Die Struktur konnte nicht geladen werden',
  emptyTitle: 'Keine Abteilungen',
  emptyBody: 'In diesem Bitrix24 gibt es keine Abteilungen, die Sie sehen können.',
} satisfies typeof orgEn
