/** Query parameters of a portal page render → a Scenario (defaults from the store, bad values ignored). */
import type { PersonaKey, PortalStore, Scenario } from '../types'

export const PERSONAS: PersonaKey[] = ['admin', 'employee', 'head', 'extranet']

export const PLACEMENTS = ['DEFAULT', 'LEFT_MENU', 'USER_PROFILE_MENU', 'USER_PROFILE_TOOLBAR'] as const

/** Bitrix24 language ids (B24LangList). */
export const LANGS: Array<[code: string, label: string]> = [
  ['en', 'English'],
  ['ru', 'Русский'],
  ['de', 'Deutsch'],
  ['ua', 'Українська'],
  ['ar', 'العربية'],
  ['fr', 'Français'],
  ['la', 'Español'],
  ['br', 'Português (Brasil)'],
  ['pl', 'Polski'],
  ['it', 'Italiano'],
  ['tr', 'Türkçe'],
  ['kz', 'Қазақша'],
  ['vn', 'Tiếng Việt'],
  ['id', 'Bahasa Indonesia'],
  ['ms', 'Bahasa Melayu'],
  ['th', 'ภาษาไทย'],
  ['sc', '中文（简体）'],
  ['tc', '中文（繁體）'],
  ['ja', '日本語'],
  ['in', 'English (India)'],
]

export const SCOPES = ['user', 'user_basic', 'user_brief', 'department', 'placement', 'im'] as const

/** The last value of a parameter (a form may send a hidden default and a checkbox under one name). */
function last(q: URLSearchParams, name: string): string | null {
  const all = q.getAll(name)
  return all.length ? (all[all.length - 1] ?? null) : null
}

function parseBool(value: string | null): boolean | undefined {
  if (value === null) return undefined
  const v = value.trim().toLowerCase()
  if (['1', 'y', 'yes', 'true', 'on'].includes(v)) return true
  if (['0', 'n', 'no', 'false', 'off'].includes(v)) return false
  return undefined
}

function parseId(value: string | null, store: PortalStore): number | undefined {
  if (value === null || !/^\s*\d{1,9}\s*$/.test(value)) return undefined
  const id = Number(value)
  return id > 0 && store.userById(id) ? id : undefined
}

/**
 * The query parameters parseScenario reads: the stand-in's own switches, which no real portal address has, so
 * they never reach the app as PLACEMENT_OPTIONS (app-page-options.ts).
 */
export const SCENARIO_PARAMETERS = ['persona', 'userId', 'placement', 'placementUserId', 'lang', 'scope', 'installed', 'static', 'silent'] as const

export interface ParsedScenario {
  scenario: Scenario
  /** the parameters that keep the same viewer on portal links (`persona`, `userId`), only when given */
  viewerQuery: URLSearchParams
}

export function parseScenario(store: PortalStore, query: URLSearchParams): ParsedScenario {
  const d = store.scenarioDefaults
  const s: Scenario = { ...d, scopes: [...d.scopes] }
  const viewerQuery = new URLSearchParams()

  const persona = last(query, 'persona')?.trim().toLowerCase()
  if (persona && (PERSONAS as string[]).includes(persona)) {
    s.persona = persona as PersonaKey
    // an explicit persona wins over a default user id
    s.userId = null
    viewerQuery.set('persona', persona)
  }
  const userId = parseId(last(query, 'userId'), store)
  if (userId !== undefined) {
    s.userId = userId
    viewerQuery.set('userId', String(userId))
  }

  const placement = last(query, 'placement')?.trim().toUpperCase()
  if (placement && /^[A-Z][A-Z0-9_]{0,63}$/.test(placement)) s.placement = placement

  const placementUserId = parseId(last(query, 'placementUserId'), store)
  if (placementUserId !== undefined) s.placementUserId = placementUserId

  const lang = last(query, 'lang')?.trim().toLowerCase()
  if (lang && /^[a-z]{2}$/.test(lang)) s.lang = lang

  const scopeValues = query.getAll('scope')
  if (scopeValues.length) {
    const scopes = scopeValues
      .flatMap((v) => v.split(','))
      .map((v) => v.trim().toLowerCase())
      .filter((v) => /^[a-z][a-z_]{0,31}$/.test(v))
    // `scope=` (nothing ticked) is a deliberate "no scopes"; garbage alone is ignored
    const allEmpty = scopeValues.every((v) => v.trim() === '')
    if (scopes.length || allEmpty) s.scopes = [...new Set(scopes)]
  }

  const installed = parseBool(last(query, 'installed'))
  if (installed !== undefined) s.installed = installed

  const isStatic = parseBool(last(query, 'static'))
  if (isStatic !== undefined) s.staticOpen = isStatic

  const silent = query.getAll('silent').flatMap((v) => v.split(',')).map((v) => v.trim()).filter((v) => /^[A-Za-z]{1,40}$/.test(v))
  if (silent.length) s.silent = [...new Set(silent)]

  return { scenario: s, viewerQuery }
}

/** The viewer of a page that is not a frame render (profile pages): `persona`/`userId` from the query, else defaults. */
export function viewerOf(store: PortalStore, query: URLSearchParams): { userId: number; viewerQuery: URLSearchParams } {
  const { scenario, viewerQuery } = parseScenario(store, query)
  return { userId: scenario.userId ?? store.personaUserId(scenario.persona), viewerQuery }
}
