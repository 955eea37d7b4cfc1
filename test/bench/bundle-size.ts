import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'

/**
 * Gzip size of what a first visit downloads: the scripts and styles index.html names (the bundle's entry and
 * the files served as they are, such as intl-warmup.js), plus the chunks they import statically (modulepreload
 * links). Lazy chunks (other languages, later views) are left out.
 */
export function bundleSizes(dist: string): { jsGzip: number; cssGzip: number } {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  let jsGzip = 0
  let cssGzip = 0
  const files = [...readdirSync(dist), ...readdirSync(join(dist, 'assets')).map((file) => `assets/${file}`)]
  for (const file of files) {
    if (!/\.(js|css)$/.test(file) || !html.includes(`./${file}"`)) continue
    const size = gzipSync(readFileSync(join(dist, file))).length
    if (file.endsWith('.js')) jsGzip += size
    if (file.endsWith('.css')) cssGzip += size
  }
  return { jsGzip, cssGzip }
}
