/**
 * The app's own page hands its query string on to the app as PLACEMENT_OPTIONS, as a portal's
 * `bitrix:app.layout` does for the DEFAULT placement: PHP `$_GET` (bracket keys nest) minus the system
 * parameters and `_r`. A link that opens the app in a given state, `/marketplace/app/<ID>/?params[view]=…`,
 * reaches the frame this way: in the POST form (a JSON string) and in getInitData (an object).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPortalServer, type PortalServer } from '../server'
import type { AppFrameConfig, PageConfig } from '../page/bridge/config'
import { appPageOptions } from '../page/app-page-options'

let portal: PortalServer

beforeAll(async () => {
  portal = createPortalServer({ port: 0, people: 120, appUrl: 'http://localhost:9/app/' })
  await portal.listen()
}, 60_000)

afterAll(async () => {
  await portal?.close()
})

/** The frame of a portal page render: the bridge configuration and the hidden form's fields. */
async function render(path: string): Promise<{ frame: AppFrameConfig; form: Map<string, string> }> {
  const response = await fetch(`${portal.url}${path}`)
  expect(response.status).toBe(200)
  const html = await response.text()
  const json = /<script type="application\/json" id="portal-config">([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '{}'
  const config = JSON.parse(json) as PageConfig
  const form = new Map<string, string>()
  for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) {
    form.set(name!, value!.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'))
  }
  if (!config.frame) throw new Error(`no app frame on ${path}`)
  return { frame: config.frame, form }
}

describe('the app page passes its query string on to the app', () => {
  it('nests bracket keys as PHP does and drops the system parameters, _r and the scenario switches', () => {
    const query = 'params%5Bview%5D=%2F%3Fq%3Dann%26online%3D1&login=yes&sessid=x&_r=5&persona=employee&lang=de&from=chat'
    expect(appPageOptions(query)).toEqual({ params: { view: '/?q=ann&online=1' }, from: 'chat' })
    expect(appPageOptions('params[view]=/structure&params[]=a')).toEqual({ params: { view: '/structure', 0: 'a' } })
    expect(appPageOptions('persona=admin&clear_cache=Y')).toEqual({})
  })

  it('a link with params reaches the frame: a JSON string in the POST, an object in getInitData', async () => {
    const view = '/?q=anna&dept=3,7&person=12'
    const { frame, form } = await render(`/marketplace/app/1/?params%5Bview%5D=${encodeURIComponent(view)}&persona=employee`)
    expect(frame.init.PLACEMENT).toBe('DEFAULT')
    expect(frame.init.PLACEMENT_OPTIONS).toEqual({ params: { view } })
    expect(JSON.parse(form.get('PLACEMENT_OPTIONS') ?? 'null')).toEqual({ params: { view } })
    // the frame's own address carries only the four portal parameters
    expect(new URL(frame.action).searchParams.has('params[view]')).toBe(false)
  })

  it('a page without parameters of its own sends no PLACEMENT_OPTIONS: [] in getInitData, no form field', async () => {
    const { frame, form } = await render('/marketplace/app/1/?persona=employee&_r=1')
    expect(frame.init.PLACEMENT_OPTIONS).toEqual([])
    expect(form.has('PLACEMENT_OPTIONS')).toBe(false)
  })

  it('other placements keep their own options and ignore the page query', async () => {
    const { frame } = await render('/?placement=USER_PROFILE_MENU&persona=employee&params%5Bview%5D=%2Fstructure')
    expect(frame.init.PLACEMENT).toBe('USER_PROFILE_MENU')
    expect(frame.init.PLACEMENT_OPTIONS).not.toHaveProperty('params')
    expect(frame.init.PLACEMENT_OPTIONS).toHaveProperty('USER_ID')
  })
})
