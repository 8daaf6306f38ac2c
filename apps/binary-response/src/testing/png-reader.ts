import { inflateSync } from 'node:zlib'
import { crc32 } from '../crc32.js'
import { PNG_SIGNATURE } from '../png-encoder.js'

/** A PNG chunk as read back, with its CRC already verified. */
export interface PngChunk {
  type: string
  data: Buffer
}

/** What a decoded PNG says about itself (test helper: an independent reader, not the encoder). */
export interface DecodedPng {
  width: number
  height: number
  bitDepth: number
  colourType: number
  chunks: string[]
  /** Unfiltered scanlines (filter byte stripped); only filter type 0 is supported. */
  rows: Buffer[]
}

/** Split a PNG into chunks, throwing on a bad signature, truncation or CRC mismatch. */
export function readChunks(png: Uint8Array): PngChunk[] {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength)
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('bad PNG signature')
  const chunks: PngChunk[] = []
  let at = 8
  while (at < buf.length) {
    if (at + 12 > buf.length) throw new Error(`truncated chunk header at ${at}`)
    const length = buf.readUInt32BE(at)
    const end = at + 8 + length
    if (end + 4 > buf.length) throw new Error(`truncated chunk at ${at}`)
    const type = buf.toString('latin1', at + 4, at + 8)
    const expected = buf.readUInt32BE(end)
    const actual = crc32(buf.subarray(at + 4, end))
    if (expected !== actual) throw new Error(`CRC mismatch in ${type}`)
    chunks.push({ type, data: buf.subarray(at + 8, end) })
    at = end + 4
  }
  return chunks
}

/** Decode an 8-bit RGB, non-interlaced PNG far enough to check its geometry. */
export function decodePng(png: Uint8Array): DecodedPng {
  const chunks = readChunks(png)
  const ihdr = chunks[0]
  if (ihdr?.type !== 'IHDR' || ihdr.data.length !== 13) throw new Error('first chunk is not IHDR')
  if (chunks.at(-1)?.type !== 'IEND') throw new Error('last chunk is not IEND')
  const width = ihdr.data.readUInt32BE(0)
  const height = ihdr.data.readUInt32BE(4)
  const bitDepth = ihdr.data[8] ?? 0
  const colourType = ihdr.data[9] ?? 0
  const idat = Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data))
  const raw = inflateSync(idat)
  const stride = width * 3
  if (raw.length !== (stride + 1) * height) {
    throw new Error(`IDAT holds ${raw.length} bytes, expected ${(stride + 1) * height}`)
  }
  const rows: Buffer[] = []
  for (let y = 0; y < height; y++) {
    const start = y * (stride + 1)
    if (raw[start] !== 0) throw new Error(`row ${y}: unsupported filter ${raw[start]}`)
    rows.push(raw.subarray(start + 1, start + 1 + stride))
  }
  return { width, height, bitDepth, colourType, chunks: chunks.map((c) => c.type), rows }
}
