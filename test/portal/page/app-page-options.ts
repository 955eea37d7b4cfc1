/**
 * PLACEMENT_OPTIONS of the app's own page (`/marketplace/app/<ID>/`, DEFAULT placement), as the portal's
 * `bitrix:app.layout` component makes them: the page's query string as PHP reads `$_GET` (bracket keys nest,
 * `?params[view]=/x` is `{params: {view: '/x'}}`), minus Bitrix's system parameters
 * (`\Bitrix\Main\HttpRequest::getSystemParameters()`) and `_r`. The stand-in also leaves out its own scenario
 * switches (scenario.ts), which a real portal address never has. An empty result means no options at all: the
 * form then posts no PLACEMENT_OPTIONS and getInitData sends `[]`.
 */
import { parsePhpQuery } from '../rest/params'
import { SCENARIO_PARAMETERS } from './scenario'

/** `\Bitrix\Main\HttpRequest::getSystemParameters()`; app.layout adds `_r` to them. */
const SYSTEM_PARAMETERS = [
  'login',
  'login_form',
  'logout',
  'register',
  'forgot_password',
  'change_password',
  'confirm_registration',
  'confirm_code',
  'confirm_user_id',
  'bitrix_include_areas',
  'clear_cache',
  'show_page_exec_time',
  'show_include_exec_time',
  'show_sql_stat',
  'show_cache_stat',
  'show_link_stat',
  'sessid',
  '_r',
]

const LEFT_OUT = new Set<string>([...SYSTEM_PARAMETERS, ...SCENARIO_PARAMETERS])

/** The app page's PLACEMENT_OPTIONS for a raw query string (without the `?`). */
export function appPageOptions(rawQuery: string): Record<string, unknown> {
  const parsed = parsePhpQuery(rawQuery)
  return Object.fromEntries(Object.entries(parsed).filter(([key]) => !LEFT_OUT.has(key)))
}
