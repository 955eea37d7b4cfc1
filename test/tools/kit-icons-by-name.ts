import { readFileSync } from 'node:fs'
import { parseSync, type Plugin } from 'vite'

/*
 * The UI kit keeps the icons its components draw in one dictionary, `export default { close: CrossMIcon, … }`,
 * about fifty icons, and every component imports that object whole (`import icons from "../dictionary/icons"`,
 * then `icons.close`). The bundler cannot drop an object's unused properties, so every page ships all fifty
 * (about 9 KB gzip) although the components the app draws read only a few of them.
 *
 * Served as named exports and imported as a namespace, the same dictionary is read the same way (`icons.close`,
 * `icons[name]`) and each icon is an export of its own that the bundler keeps only where it is read. Vue's
 * template compiler treats a namespace import as a constant, so a template's `icons.close` stays a plain
 * member read too (a default import would be wrapped in `unref()`, which keeps everything).
 */

// a module of the kit's runtime (not a query such as `Button.vue?vue&type=style`); group 1 is the runtime folder
const KIT_RUNTIME = /^(.*\/@bitrix24\/b24ui-nuxt\/dist\/runtime)\/.+\.(?:vue|js)$/
const DEFAULT_IMPORT_OF_DICTIONARY = /\bimport\s+([A-Za-z_$][\w$]*)\s+from\s+(["'])((?:\.\.?\/)+dictionary\/icons)(?:\.js)?\2/g

/**
 * Rewrites the dictionary module's `export default { key: Icon, Shorthand, … }` into
 * `export { Icon as key, Shorthand, … }`. Returns null when the module is not of that shape (a computed or
 * spread entry, a value other than a name): such a dictionary is left as the kit wrote it.
 */
export function dictionaryAsNamedExports(code: string): string | null {
  const { program, errors } = parseSync('icons.js', code)
  if (errors.length > 0) return null
  const declaration = program.body.find((node) => node.type === 'ExportDefaultDeclaration')
  if (!declaration || declaration.declaration.type !== 'ObjectExpression') return null
  const specifiers: string[] = []
  for (const property of declaration.declaration.properties) {
    if (property.type !== 'Property' || property.computed || property.kind !== 'init') return null
    if (property.key.type !== 'Identifier' || property.value.type !== 'Identifier') return null
    const [key, value] = [property.key.name, property.value.name]
    specifiers.push(key === value ? key : `${value} as ${key}`)
  }
  return `${code.slice(0, declaration.start)}export { ${specifiers.join(', ')} };${code.slice(declaration.end)}`
}

/**
 * Turns a kit module's `import icons from "../dictionary/icons"` into `import * as icons from "…/icons.js"`;
 * null when the module imports no dictionary.
 */
export function dictionaryImportAsNamespace(code: string): string | null {
  const rewritten = code.replace(DEFAULT_IMPORT_OF_DICTIONARY, 'import * as $1 from $2$3.js$2')
  return rewritten === code ? null : rewritten
}

/** The dictionary's text, or null when the kit has none at that place. */
function readDictionary(file: string): string | null {
  try {
    return readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/**
 * Build only: the kit's icon dictionary as named exports, so the page carries the icons its components read.
 * A kit release whose dictionary is elsewhere or has another shape builds as before, with a warning (the
 * bundle grows by the unused icons; nothing breaks): the dictionary and the modules importing it change
 * together or not at all, decided once per dictionary file before the first of them is transformed.
 */
export function kitIconsByName(): Plugin {
  /** each dictionary file as named exports, or null where it stays as the kit wrote it */
  const named = new Map<string, string | null>()
  return {
    name: 'people-directory:kit-icons-by-name',
    apply: 'build',
    // before Vue's compiler sees the kit's components, so their templates read a namespace
    enforce: 'pre',
    transform(code, id) {
      const runtime = KIT_RUNTIME.exec(id)
      if (!runtime) return null
      const dictionary = `${runtime[1]}/dictionary/icons.js`
      if (!named.has(dictionary)) {
        const text = readDictionary(dictionary)
        const converted = text === null ? null : dictionaryAsNamedExports(text)
        if (converted === null) {
          this.warn(`the UI kit's icon dictionary (${dictionary}) is missing or of another shape: every icon stays`)
        }
        named.set(dictionary, converted)
      }
      const converted = named.get(dictionary)
      if (!converted) return null
      return id === dictionary ? converted : dictionaryImportAsNamespace(code)
    },
  }
}
