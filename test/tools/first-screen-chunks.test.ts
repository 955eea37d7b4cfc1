import { describe, expect, it, vi } from 'vitest'
import type { HtmlTagDescriptor, IndexHtmlTransformContext, Plugin, ResolvedConfig } from 'vite'
import { firstScreenChunks, staticClosure } from './first-screen-chunks'

/** A module graph: each module's static imports. */
const graph: Record<string, string[]> = {
  '/app/index.html': ['/app/src/main.ts'],
  '/app/src/main.ts': ['/app/src/start-early.ts', '/app/src/main.css'],
  '/app/src/start-early.ts': ['/sdk/index.js'],
  '/sdk/index.js': ['/sdk/http.js'],
  '/sdk/http.js': ['/sdk/index.js'],
  '/app/src/mount-app.ts': ['/vue/index.js', '/app/src/start-early.ts'],
  '/vue/index.js': [],
  '/app/src/main.css': [],
}

function run(plugin: Plugin, hook: 'buildEnd', context: object) {
  const handler = plugin[hook] as (this: object) => void
  handler.call(context)
}

function graphContext(ids = Object.keys(graph)) {
  return {
    getModuleIds: () => ids[Symbol.iterator](),
    getModuleInfo: (id: string) => (graph[id] ? { importedIds: graph[id] } : null),
    warn: vi.fn(),
  }
}

describe('the first screen in two chunks', () => {
  it('finds a module and everything it imports statically, cycles included', () => {
    expect([...staticClosure('/app/index.html', (id) => graph[id] ?? [])].sort()).toEqual(
      ['/app/index.html', '/app/src/main.css', '/app/src/main.ts', '/app/src/start-early.ts', '/sdk/http.js', '/sdk/index.js'],
    )
  })

  it('gives the start\'s modules to the start\'s chunk and the rest of the first screen to the app\'s', () => {
    const { plugin, groups } = firstScreenChunks({ start: '/index.html', app: '/src/mount-app.ts' })
    run(plugin, 'buildEnd', graphContext())
    const [start, app] = groups
    expect(start?.name).toBe('index')
    const test = start?.test as (id: string) => boolean
    // the SDK and the handshake are the start's, even when the app imports them too
    for (const id of ['/app/src/main.ts', '/app/src/start-early.ts', '/sdk/http.js']) expect(test(id)).toBe(true)
    for (const id of ['/app/src/mount-app.ts', '/vue/index.js']) expect(test(id)).toBe(false)
    // what is left of the first screen, by the bundler's own reading of what is used
    expect(app).toMatchObject({ name: 'app', tags: ['$initial'] })
    expect(start!.priority! > app!.priority!).toBe(true)
  })

  it('says so, and splits nothing off, when the page\'s entry is not in the build', () => {
    const { plugin, groups } = firstScreenChunks({ start: '/index.html', app: '/src/mount-app.ts' })
    const context = graphContext(['/app/src/mount-app.ts'])
    run(plugin, 'buildEnd', context)
    expect(context.warn).toHaveBeenCalledOnce()
    expect((groups[0]?.test as (id: string) => boolean)('/sdk/index.js')).toBe(false)
  })

  it('names the app\'s chunk, and what it imports beyond the start, as modulepreloads in index.html', () => {
    const { plugin } = firstScreenChunks({ start: '/index.html', app: '/src/mount-app.ts' })
    ;(plugin.configResolved as (config: ResolvedConfig) => void)({ base: './' } as ResolvedConfig)
    const chunk = (fileName: string, facadeModuleId: string | null, isEntry: boolean, imports: string[]) =>
      ({ type: 'chunk', fileName, facadeModuleId, isEntry, imports })
    const bundle = {
      'assets/index-a.js': chunk('assets/index-a.js', '/app/index.html', true, ['assets/runtime-r.js']),
      'assets/runtime-r.js': chunk('assets/runtime-r.js', null, false, []),
      'assets/mount-app-b.js': chunk('assets/mount-app-b.js', '/app/src/mount-app.ts', true, ['assets/index-a.js', 'assets/runtime-r.js', 'assets/shared-c.js']),
      'assets/shared-c.js': chunk('assets/shared-c.js', null, false, []),
      'assets/index.css': { type: 'asset', fileName: 'assets/index.css' },
    }
    const transform = plugin.transformIndexHtml as { handler: (html: string, context: IndexHtmlTransformContext) => HtmlTagDescriptor[] }
    const tags = transform.handler('', { bundle } as unknown as IndexHtmlTransformContext)
    expect(tags.map((tag) => [tag.tag, tag.attrs?.rel, tag.attrs?.href])).toEqual([
      ['link', 'modulepreload', './assets/mount-app-b.js'],
      ['link', 'modulepreload', './assets/shared-c.js'],
    ])
  })
})
