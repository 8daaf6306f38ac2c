import { createHash } from 'node:crypto'
import { crc32 } from '../src/crc32.js'
import { encodePng } from '../src/png-encoder.js'

/** Deterministic pseudo-random bytes: SHA-256(seed ‖ counter) blocks, so regenerating is stable. */
export function deterministicBytes(seed: string, length: number): Buffer {
  const out = Buffer.alloc(length)
  for (let at = 0, n = 0; at < length; at += 32, n++) {
    createHash('sha256').update(`${seed}:${n}`).digest().copy(out, at)
  }
  return out
}

/** A 64×64 picture: concentric rings in four colours (flat colours deflate well). */
export function logoPng(): Buffer {
  const size = 64
  const palette = [
    [36, 99, 235],
    [250, 204, 21],
    [239, 68, 68],
    [255, 255, 255],
  ]
  const pixels = new Uint8Array(size * size * 3)
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const ring = Math.floor(Math.hypot(x - 31.5, y - 31.5) / 6)
      pixels.set(palette[ring > 4 ? 3 : ring % 3] ?? [0, 0, 0], (y * size + x) * 3)
    }
  }
  return encodePng({ width: size, height: size, pixels })
}

/** A one-page PDF 1.4 written by hand, with a correct cross-reference table. */
export function samplePdf(): Buffer {
  const content = 'BT /F1 24 Tf 72 720 Td (Hello from albkit: a PDF is binary too) Tj ET'
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  // the second line's high bytes mark the file as binary for transfer tools (PDF 1.7 §7.5.2)
  let pdf = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'))
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(pdf, 'latin1')
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(pdf, 'latin1')
}

/** A store-only (method 0) zip archive of the given files, with a fixed timestamp. */
export function storedZip(files: Array<{ name: string; bytes: Uint8Array }>): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  const dosTime = 0 // 00:00:00
  const dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1 // 2026-01-01
  for (const file of files) {
    const name = Buffer.from(file.name, 'utf8')
    const crc = crc32(file.bytes)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(10, 4) // version needed: 1.0
    local.writeUInt16LE(0x0800, 6) // flag: UTF-8 names
    local.writeUInt16LE(0, 8) // method: stored
    local.writeUInt16LE(dosTime, 10)
    local.writeUInt16LE(dosDate, 12)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(file.bytes.length, 18)
    local.writeUInt32LE(file.bytes.length, 22)
    local.writeUInt16LE(name.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4) // made by
    local.copy(central, 6, 4, 30) // version needed … name length share the layout
    central.writeUInt32LE(offset, 42)
    locals.push(local, name, Buffer.from(file.bytes))
    centrals.push(central, name)
    offset += 30 + name.length + file.bytes.length
  }
  const cd = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(files.length, 8)
  end.writeUInt16LE(files.length, 10)
  end.writeUInt32LE(cd.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, cd, end])
}
