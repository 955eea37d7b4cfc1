/**
 * `npm run package`: the built app (`dist/`, run `npm run build` first; the npm script does) as a ZIP a
 * Bitrix24 admin uploads as a local static application: index.html at the root (and install.html, the
 * installer the portal opens first), named with the version.
 * Writes release/people-directory-<version>.zip and prints its size.
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { zipSync, type Zippable } from 'fflate'

const DIST = 'dist'
const OUT = 'release'

function filesIn(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? filesIn(path) : [path]
  })
}

export function packageApp(version: string): { path: string; bytes: number; files: number } {
  const files = filesIn(DIST)
  if (!files.some((f) => relative(DIST, f) === 'index.html')) throw new Error('dist/index.html is missing: run `npm run build` first')
  // one fixed time for every entry, so the same build always gives the same archive
  const mtime = new Date('2000-01-01T00:00:00Z')
  const entries: Zippable = {}
  for (const file of files.sort()) entries[relative(DIST, file).split(sep).join('/')] = [readFileSync(file), { level: 9, mtime }]
  // a static app's installer is install.html beside index.html: the same app, which sees the portal's INSTALL flag
  entries['install.html'] = entries['index.html']!
  const zip = zipSync(entries)
  mkdirSync(OUT, { recursive: true })
  const path = join(OUT, `people-directory-${version}.zip`)
  writeFileSync(path, zip)
  return { path, bytes: zip.length, files: files.length }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }
  const { path, bytes, files } = packageApp(version)
  console.log(`${path}: ${files} files, ${(bytes / 1024).toFixed(1)} KB`)
}
