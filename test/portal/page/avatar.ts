/**
 * `/_portal/avatar/<id>.png`: a generated photo, a head-and-shoulders silhouette on a colour derived from the
 * id. A raster image, as Bitrix24 stores photos (JPEG or PNG from the uploader): the browser decodes it off the
 * main thread, where an SVG photo would be laid out as a document of its own on every row that shows it.
 */
import { createHash } from 'node:crypto'
import { crc32, deflateSync } from 'node:zlib'

const SIZE = 64

/** A pleasant, stable colour for an id (golden-angle hue walk), as RGB 0–255. */
function avatarColor(id: number, lightness: number): [number, number, number] {
  const hue = (id * 137.508) % 360
  const s = 0.52
  const c = (1 - Math.abs(2 * lightness - 1)) * s
  const x = c * (1 - Math.abs(((hue / 60) % 2) - 1))
  const m = lightness - c / 2
  const [r, g, b] = hue < 60 ? [c, x, 0] : hue < 120 ? [x, c, 0] : hue < 180 ? [0, c, x] : hue < 240 ? [0, x, c] : hue < 300 ? [x, 0, c] : [c, 0, x]
  return [r, g, b].map((v) => Math.round((v + m) * 255)) as [number, number, number]
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([length, body, crc])
}

/** The PNG of a person's photo (64×64, 8-bit RGB). */
export function avatarPng(id: number): Buffer {
  const background = avatarColor(id, 0.46)
  const figure = avatarColor(id, 0.72)
  const raw = Buffer.alloc(SIZE * (1 + SIZE * 3))
  for (let y = 0; y < SIZE; y++) {
    const row = y * (1 + SIZE * 3)
    raw[row] = 0 // no filter
    for (let x = 0; x < SIZE; x++) {
      // a head (circle) above shoulders (the top of a wide ellipse)
      const head = (x - 32) ** 2 + (y - 26) ** 2 <= 12 ** 2
      const shoulders = ((x - 32) / 24) ** 2 + ((y - 66) / 22) ** 2 <= 1
      const [r, g, b] = head || shoulders ? figure : background
      raw[row + 1 + x * 3] = r
      raw[row + 2 + x * 3] = g
      raw[row + 3 + x * 3] = b
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(SIZE, 0)
  header.writeUInt32BE(SIZE, 4)
  header.set([8, 2, 0, 0, 0], 8) // 8 bits per channel, RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

export function avatarEtag(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`
}
