import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * Gzip size of what a first visit downloads: the scripts and styles index.html names (the bundle's entry, and any
 * file served as it is), plus the chunks it preloads (modulepreload links: what the entry imports statically, and
 * the app's own chunk, which the entry imports once the first requests have left). Lazy chunks (other languages, later views) are left out. Throws when index.html names no script, as
 * a build with another base or markup would.
 */
export function bundleSizes(dist: string): { jsGzip: number; cssGzip: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  // relative to the page: "./assets/index-….js", "/assets/…" or "assets/…" all name a file in dist
  const files = [...html.matchAll(/\b(?:src|href)="([^"]+\.(?:js|css))"/g)].map((m) => m[1]!.replace(/^\.?\//, ''))
  let jsGzip = 0
  let cssGzip = 0
  for (const file of new Set(files)) {
    const size = gzipSync(readFileSync(join(dist, file))).length
    if (file.endsWith('.js')) jsGzip += size
    else cssGzip += size
  }
  if (jsGzip === 0) throw new Error(`${dist}/index.html names no script`)
  return { jsGzip, cssGzip }
}
