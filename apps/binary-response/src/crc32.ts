/**
 * CRC-32 (ISO-HDLC, polynomial 0xEDB88320) — the checksum PNG chunks and zip entries use.
 * The 256-entry table is built once, on first use.
 *
 * @example
 * crc32(new TextEncoder().encode('IEND')) // 0xae426082
 */
let table: Uint32Array | undefined

function crcTable(): Uint32Array {
  if (table) return table
  const t = new Uint32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    t[n] = c >>> 0
  }
  table = t
  return t
}

/** Continue a CRC over more bytes; start with `crc = 0`. */
export function crc32(bytes: Uint8Array, crc = 0): number {
  const t = crcTable()
  let c = (crc ^ 0xffffffff) >>> 0
  for (const byte of bytes) c = (t[(c ^ byte) & 0xff] ?? 0) ^ (c >>> 8)
  return (c ^ 0xffffffff) >>> 0
}
