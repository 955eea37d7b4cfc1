import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { dictionaryAsNamedExports, dictionaryImportAsNamespace, kitIconsByName } from './kit-icons-by-name'

const dictionary = `import { h } from "vue";
import CrossMIcon from "@bitrix24/b24icons-vue/outline/CrossMIcon";
import MdnwebdocsIcon from "@bitrix24/b24icons-vue/social/MdnwebdocsIcon";
const CursorIcon = () => h("svg");
export default {
  close: CrossMIcon,
  // a comment between entries
  MdnwebdocsIcon,
  MdnWebDocIcon: MdnwebdocsIcon,
  CursorIcon
};
`

describe('the kit icon dictionary as named exports', () => {
  it('exports each entry under its key, aliases and shorthands alike', () => {
    const named = dictionaryAsNamedExports(dictionary)!
    expect(named).toContain('export { CrossMIcon as close, MdnwebdocsIcon, MdnwebdocsIcon as MdnWebDocIcon, CursorIcon };')
    expect(named).not.toContain('export default')
    // what came before the dictionary is kept as it was
    expect(named.startsWith(dictionary.slice(0, dictionary.indexOf('export default')))).toBe(true)
  })

  it('leaves a dictionary of any other shape alone', () => {
    expect(dictionaryAsNamedExports('export default { ...base, close: X }')).toBeNull()
    expect(dictionaryAsNamedExports('export default { [name]: X }')).toBeNull()
    expect(dictionaryAsNamedExports('export default { close: () => null }')).toBeNull()
    expect(dictionaryAsNamedExports('export default icons')).toBeNull()
    expect(dictionaryAsNamedExports('export default {')).toBeNull()
  })

  it('takes the dictionary of the installed UI kit', () => {
    const file = new URL('../../node_modules/@bitrix24/b24ui-nuxt/dist/runtime/dictionary/icons.js', import.meta.url)
    const named = dictionaryAsNamedExports(readFileSync(file, 'utf8'))
    expect(named).toMatch(/export \{[^}]*\bLoaderWaitIcon as loading\b/)
  })
})

describe('a kit module importing the dictionary', () => {
  it('imports it as a namespace under the same name, from any depth', () => {
    expect(dictionaryImportAsNamespace('import icons from "../dictionary/icons";\nicons.close')).toBe(
      'import * as icons from "../dictionary/icons.js";\nicons.close',
    )
    expect(dictionaryImportAsNamespace("import dictionary from '../../dictionary/icons.js'")).toBe(
      "import * as dictionary from '../../dictionary/icons.js'",
    )
  })

  it('is left alone when it imports no dictionary', () => {
    expect(dictionaryImportAsNamespace('import icons from "./my-icons"')).toBeNull()
    expect(dictionaryImportAsNamespace('import * as icons from "../dictionary/icons.js"')).toBeNull()
  })
})

describe('the build plugin', () => {
  /** a kit installed under `root`, with the given dictionary text (none when null) */
  function kitAt(dictionaryText: string | null) {
    const root = mkdtempSync(join(tmpdir(), 'kit-icons-'))
    const runtime = join(root, 'node_modules/@bitrix24/b24ui-nuxt/dist/runtime')
    mkdirSync(join(runtime, 'dictionary'), { recursive: true })
    if (dictionaryText !== null) writeFileSync(join(runtime, 'dictionary/icons.js'), dictionaryText)
    return { runtime, cleanup: () => rmSync(root, { recursive: true, force: true }) }
  }

  function transform(id: string, code: string) {
    const warnings: string[] = []
    const plugin = kitIconsByName()
    const hook = plugin.transform as (this: unknown, code: string, id: string) => string | null
    const context = { warn: (message: string) => warnings.push(message) }
    return { output: hook.call(context, code, id), warnings }
  }

  const component = 'import icons from "../dictionary/icons";\nexport const x = icons.close'

  it('rewrites the dictionary and its importers together', () => {
    const kit = kitAt(dictionary)
    try {
      expect(transform(join(kit.runtime, 'components/Toast.vue'), component).output).toContain('import * as icons from')
      expect(transform(join(kit.runtime, 'dictionary/icons.js'), dictionary).output).toContain('CrossMIcon as close')
      // the app's own modules are never touched
      expect(transform('/app/src/components/Icons.vue', component).output).toBeNull()
    } finally {
      kit.cleanup()
    }
  })

  it('leaves the kit as it is, with a warning, when its dictionary is missing or of another shape', () => {
    for (const text of [null, 'export default { ...base }']) {
      const kit = kitAt(text)
      try {
        const { output, warnings } = transform(join(kit.runtime, 'components/Toast.vue'), component)
        expect(output).toBeNull()
        expect(warnings).toHaveLength(1)
      } finally {
        kit.cleanup()
      }
    }
  })
})
