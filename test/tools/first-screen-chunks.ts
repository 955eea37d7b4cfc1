import type { Plugin, ResolvedConfig, Rolldown } from 'vite'

type CodeSplittingGroup = NonNullable<Extract<Rolldown.OutputOptions['codeSplitting'], object>['groups']>[number]

/*
 * The first screen comes in two chunks, each whole: the start (the page's entry and what it imports statically:
 * the SDK, the portal handshake and the session's first requests) and the app (the app module and what it imports
 * statically beyond the start: Vue, the UI kit, the directory). The entry imports the app dynamically, so that
 * the app's evaluation, one long task, comes after the first requests have left (src/main.ts).
 *
 * The app module is made an entry of the build as well: the bundler's `$initial` tag then covers what the first
 * screen uses of it (resolved through the libraries' index files, so a kit component only a later view draws
 * stays with that view), and that group becomes one chunk. The start's group, of higher priority, takes the
 * start's modules first. Left to itself the bundler would split off every module the app shares with a lazy
 * view into a chunk of its own: a dozen small files, which compress worse and cost requests.
 *
 * index.html names the app's chunk as a modulepreload, so it downloads beside the start instead of after it.
 */

/** The module `root` and what it imports statically, transitively, by the module graph's `importedIds`. */
export function staticClosure(root: string, imports: (id: string) => readonly string[]): Set<string> {
  const found = new Set<string>([root])
  const todo = [root]
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    for (const next of imports(id)) {
      if (!found.has(next)) {
        found.add(next)
        todo.push(next)
      }
    }
  }
  return found
}

/**
 * `start`: how the page's entry module id ends (`/index.html`); `app`: how the app module's id ends
 * (`/src/mount-app.ts`), which the build must also take as an input. Returns the plugin, which reads the module
 * graph once it is complete and names the app's chunk in index.html, and the code-splitting groups (the start,
 * then the first screen's `$initial` modules as `app`).
 */
export function firstScreenChunks(entries: { start: string; app: string }): { plugin: Plugin; groups: CodeSplittingGroup[] } {
  let start = new Set<string>()
  let base = './'
  const plugin: Plugin = {
    name: 'people-directory:first-screen-chunks',
    apply: 'build',
    configResolved(config: ResolvedConfig) {
      base = config.base
    },
    buildEnd() {
      const root = [...this.getModuleIds()].find((id) => id.endsWith(entries.start))
      if (!root) {
        this.warn(`first-screen chunks: no module ${entries.start} in the build; the start is not split from the app`)
        return
      }
      start = staticClosure(root, (id) => this.getModuleInfo(id)?.importedIds ?? [])
    },
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        const chunks = Object.values(context.bundle ?? {}).filter((file) => file.type === 'chunk')
        const app = chunks.find((chunk) => chunk.facadeModuleId?.endsWith(entries.app))
        if (!app) return []
        // the app's chunk and those it imports, but the start's: the page names those already
        const page = chunks.find((chunk) => chunk.isEntry && chunk.facadeModuleId?.endsWith(entries.start))
        const named = new Set(page ? [page.fileName, ...page.imports] : [])
        return [app.fileName, ...app.imports]
          .filter((file) => !named.has(file))
          .map((file) => ({ tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${file}` }, injectTo: 'head' as const }))
      },
    },
  }
  const groups: CodeSplittingGroup[] = [
    { name: 'index', priority: 2, test: (id: string) => start.has(id) },
    { name: 'app', priority: 1, tags: ['$initial'] },
  ]
  return { plugin, groups }
}
