/**
 * The app's name as the portal shows it on the placements it binds, in every language the app speaks
 * (placement.bind LANG_ALL). The portal picks the viewer's language, and falls back to TITLE.
 */
export const placementTitles: Record<string, string> = {
  en: 'People Directory',
  ru: 'Справочник сотрудников',
  de: 'Mitarbeiterverzeichnis',
  ua: 'Довідник співробітників',
}
