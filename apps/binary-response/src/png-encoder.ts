import { crc32 } from './crc32.js'

/** The eight bytes every PNG starts with (PNG spec §5.2). */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)

/** An 8-bit RGB image: `pixels` holds width × height × 3 bytes, row by row. */
export interface RgbImage {
  width: number
  height: number
  pixels: Uint8Array
}

/** One chunk: 4-byte length, 4-byte type, data, CRC-32 over type + data (PNG spec §5.3). */
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length)
  out.writeUInt32BE(data.length, 0)
  out.write(type, 4, 'latin1')
  out.set(data, 8)
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length)
  return out
}

/**
 * Encode an RGB image as a PNG: signature, IHDR (8-bit truecolour, no interlace), one IDAT
 * (each row prefixed with filter type 0, deflated with node's zlib), IEND. Pure TypeScript,
 * no native modules.
 *
 * @example
 * const png = encodePng({ width: 1, height: 1, pixels: Uint8Array.of(255, 0, 0) })
 */
export function encodePng(image: RgbImage): Buffer {
  const { width, height, pixels } = image
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new RangeError(
      `png-encoder: width and height must be positive integers, got ${width}×${height}`,
    )
  }
  const stride = width * 3
  if (pixels.length !== stride * height) {
    throw new RangeError(
      `png-encoder: expected ${stride * height} pixel bytes, got ${pixels.length}`,
    )
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // colour type 2: truecolour (RGB)
  // bytes 10–12: compression 0 (deflate), filter method 0, interlace 0 (none)
  const raw = Buffer.alloc((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0 // filter type 0: None
    raw.set(pixels.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1)
  }
  // node:zlib is loaded on first use, not at import, to keep it out of cold start (bench/, issue #9).
  const { deflateSync } = process.getBuiltinModule('node:zlib')
  return Buffer.concat([
    PNG_SIGNATURE,
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ])
}
