import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { dictionaryAsNamedExports, dictionaryImportAsNamespace } from './kit-icons-by-name'

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
