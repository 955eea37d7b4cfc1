/** The browser assets: the bridge, bundled from TypeScript with esbuild once at start, and the page styles. */
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import { createHash } from 'node:crypto'
import { build } from 'esbuild'

export interface Asset {
  body: Buffer
  type: string
  etag: string
}

function asset(body: string, type: string): Asset {
  const buf = Buffer.from(body, 'utf8')
  return { body: buf, type, etag: `"${createHash('sha1').update(buf).digest('base64url').slice(0, 20)}"` }
}

export async function buildAssets(): Promise<Record<string, Asset>> {
  const entry = fileURLToPath(new URL('./bridge/index.ts', import.meta.url))
  const [bundle, css] = await Promise.all([
    build({
      entryPoints: [entry],
      bundle: true,
      write: false,
      format: 'iife',
      target: 'es2020',
      sourcemap: 'inline',
      legalComments: 'none',
      logLevel: 'silent',
    }),
    readFile(fileURLToPath(new URL('./portal.css', import.meta.url)), 'utf8'),
  ])
  const js = bundle.outputFiles?.[0]?.text
  if (!js) throw new Error('esbuild produced no bridge bundle')
  return {
    'bridge.js': asset(`/* Local Bitrix24 stand-in portal: the postMessage bridge (page/bridge/*.ts) */\n${js}`, 'application/javascript; charset=utf-8'),
    'portal.css': asset(css, 'text/css; charset=utf-8'),
  }
}
