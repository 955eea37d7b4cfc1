/**
 * Application-level methods: server.time, app.info, scope, methods, method.get, app.option.*, user.option.*
 * (CRestProvider) and placement.bind/get/list/unbind (scope `placement`).
 */
import { storeInternals, type PlacementBinding } from '../../state/store'
import type { MethodContext, MethodDef, MethodResult } from '../context'
import { isoServer } from '../dates'
import { RestError } from '../envelope'
import { isPhpArray, isset, phpEntries, phpTruthy, upperKeys } from '../params'

/** every scope this portal knows, for `scope {FULL:true}` */
const ALL_SCOPES = ['user', 'user_basic', 'user_brief', 'department', 'placement', 'im', 'crm', 'task', 'calendar', 'disk', 'sonet_group']

const PLACEMENTS = [
  'LEFT_MENU', 'USER_PROFILE_MENU', 'USER_PROFILE_TOOLBAR', 'PAGE_BACKGROUND_WORKER', 'IM_NAVIGATION', 'IM_CONTEXT_MENU',
  'IM_TEXTAREA', 'IM_SIDEBAR', 'CALENDAR_GRIDVIEW', 'TASK_VIEW_TAB', 'TASK_VIEW_SIDEBAR', 'CRM_LEAD_LIST_MENU',
  'CRM_CONTACT_LIST_MENU', 'CRM_COMPANY_LIST_MENU', 'CRM_DEAL_LIST_MENU', 'CRM_DEAL_DETAIL_TAB', 'CONTACT_CENTER',
]

function ownApp(ctx: MethodContext): Record<string, unknown> {
  return {
    ID: 1,
    CODE: 'local.people_directory',
    VERSION: 1,
    STATUS: 'L',
    INSTALLED: ctx.store.isInstalled(),
    PAYMENT_EXPIRED: 'N',
    DAYS: null,
    LANGUAGE_ID: ctx.store.scenarioDefaults.lang || 'en',
    LICENSE: 'en_project',
    LICENSE_TYPE: 'project',
    LICENSE_FAMILY: 'project',
  }
}

/** `options` or, without it, the whole query (the SDK's telemetry params then become options too, as on a real portal) */
function optionsToSet(ctx: MethodContext): [string, unknown][] {
  const source = isset(ctx.params, 'options') ? ctx.params.options : ctx.params
  const entries = isPhpArray(source) ? phpEntries(source) : []
  if (!entries.length) throw new RestError('ERROR_ARGUMENT', "Argument 'options' is null or empty", 400, { argument: 'options' })
  return entries
}

function optionGet(all: Record<string, unknown>, ctx: MethodContext): MethodResult {
  if (isset(ctx.params, 'option')) return { result: all[String(ctx.params.option)] ?? null }
  return { result: Object.keys(all).length ? all : [] }
}

function requireAdmin(ctx: MethodContext, what: string): void {
  if (!ctx.user.isAdmin) throw new RestError('ACCESS_DENIED', `Access denied! ${what}`)
}

/**
 * The handler must be an http(s) URL with a domain name. One deviation: `localhost` is accepted too,
 * because the app runs on localhost during development (the portal itself on 127.0.0.1, config.ts).
 */
function checkHandler(handler: string): void {
  let url: URL
  try {
    url = new URL(handler)
  } catch {
    throw new RestError('ERROR_WRONG_HANDLER_URL', 'Wrong handler URL')
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new RestError('ERROR_UNSUPPORTED_PROTOCOL', 'Unsupported event handler protocol')
  if (!url.hostname.includes('.') && url.hostname !== 'localhost') throw new RestError('ERROR_WRONG_HANDLER_URL', 'Wrong handler URL')
}

function placementBind(ctx: MethodContext): MethodResult {
  requireAdmin(ctx, 'Administrator authorization required')
  const q = upperKeys(ctx.params)
  const placement = typeof q.PLACEMENT === 'string' ? q.PLACEMENT.trim().toUpperCase() : ''
  if (!placement) throw new RestError('ERROR_ARGUMENT', 'Wrong placement', 400, { argument: 'PLACEMENT' })
  const handler = typeof q.HANDLER === 'string' ? q.HANDLER.trim() : ''
  if (!handler) throw new RestError('ERROR_ARGUMENT', 'Wrong handler', 400, { argument: 'HANDLER' })
  if (!PLACEMENTS.includes(placement)) throw new RestError('ERROR_PLACEMENT_NOT_FOUND', 'Placement not found')
  checkHandler(handler)
  const internals = storeInternals(ctx.store)
  // a real portal refuses a handler that is already bound to the placement (an ERROR_CORE exception, so 400);
  // the binding it has stays as it is
  if (internals.placements.some((p) => p.placement === placement && p.handler === handler)) {
    throw new RestError('ERROR_CORE', 'Unable to set placement handler: Handler already binded')
  }
  const binding: PlacementBinding = {
    placement,
    handler,
    title: typeof q.TITLE === 'string' ? q.TITLE : '',
    description: typeof q.DESCRIPTION === 'string' ? q.DESCRIPTION : '',
    groupName: typeof q.GROUP_NAME === 'string' ? q.GROUP_NAME : '',
    langAll: isPhpArray(q.LANG_ALL) ? q.LANG_ALL : [],
    // USER_PROFILE_* keep no OPTIONS (placement.get shows [])
    options: placement.startsWith('USER_PROFILE_') || !isPhpArray(q.OPTIONS) ? [] : q.OPTIONS,
    userId: 0,
  }
  internals.placements = [...internals.placements, binding]
  return { result: true }
}

function placementGet(ctx: MethodContext): MethodResult {
  return {
    result: storeInternals(ctx.store).placements.map((p) => ({
      placement: p.placement, userId: p.userId, handler: p.handler, options: p.options,
      title: p.title, description: p.description, langAll: p.langAll,
    })),
  }
}

function placementUnbind(ctx: MethodContext): MethodResult {
  requireAdmin(ctx, 'Administrator authorization required')
  const q = upperKeys(ctx.params)
  const placement = typeof q.PLACEMENT === 'string' ? q.PLACEMENT.trim().toUpperCase() : ''
  if (!placement) throw new RestError('ERROR_ARGUMENT', 'Wrong placement', 400, { argument: 'PLACEMENT' })
  const handler = typeof q.HANDLER === 'string' && q.HANDLER ? q.HANDLER.trim() : null
  const internals = storeInternals(ctx.store)
  const keep = internals.placements.filter((p) => p.placement !== placement || (handler !== null && p.handler !== handler))
  const count = internals.placements.length - keep.length
  internals.placements = keep
  return { result: { count } }
}

function methodsList(ctx: MethodContext, registry: Record<string, MethodDef>): MethodResult {
  const q = upperKeys(ctx.params)
  let scopes: (string | null)[]
  if (isset(q, 'SCOPE') && q.SCOPE !== '') scopes = [String(q.SCOPE)]
  else if (phpTruthy(q.FULL)) scopes = [...ALL_SCOPES, null]
  else scopes = [...ctx.scopes, null]
  const result = Object.entries(registry)
    .filter(([, def]) => (def.scope === null ? scopes.includes(null) : [def.scope].flat().some((s) => scopes.includes(s))))
    .map(([name]) => name)
  return { result }
}

export function appMethods(registry: Record<string, MethodDef>): Record<string, MethodDef> {
  return {
    'server.time': { scope: null, handler: () => ({ result: isoServer(Date.now()) }) },
    'app.info': { scope: null, handler: (ctx) => ({ result: ownApp(ctx) }) },
    scope: {
      scope: null,
      handler: (ctx) => ({ result: phpTruthy(upperKeys(ctx.params).FULL) ? ALL_SCOPES : [...ctx.scopes] }),
    },
    methods: { scope: null, handler: (ctx) => methodsList(ctx, registry) },
    'method.get': {
      scope: null,
      handler: (ctx) => {
        const name = typeof ctx.params.name === 'string' ? ctx.params.name.toLowerCase() : ''
        const def = name ? registry[name] : undefined
        const available = !!def && (def.scope === null || [def.scope].flat().some((s) => ctx.scopes.includes(s)))
        return { result: { isExisting: !!def, isAvailable: available } }
      },
    },
    'app.option.get': { scope: null, handler: (ctx) => optionGet(ctx.store.appOptions(), ctx) },
    'app.option.set': {
      scope: null,
      handler: (ctx) => {
        const entries = optionsToSet(ctx)
        requireAdmin(ctx, 'Administrator authorization required')
        for (const [k, v] of entries) ctx.store.setAppOption(ctx.user.ID, k, v)
        return { result: true }
      },
    },
    'user.option.get': { scope: null, handler: (ctx) => optionGet(ctx.store.userOptions(ctx.user.ID), ctx) },
    'user.option.set': {
      scope: null,
      handler: (ctx) => {
        for (const [k, v] of optionsToSet(ctx)) ctx.store.setUserOption(ctx.user.ID, k, v)
        return { result: true }
      },
    },
    'placement.bind': { scope: 'placement', handler: placementBind },
    'placement.get': { scope: 'placement', handler: placementGet },
    'placement.list': { scope: 'placement', handler: () => ({ result: [...PLACEMENTS] }) },
    'placement.unbind': { scope: 'placement', handler: placementUnbind },
  }
}
