import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, test } from 'node:test'
import { crc32 } from './crc32.js'
import { decodePng } from './testing/png-reader.js'

const read = (name: string): Promise<Buffer> =>
  readFile(new URL(`../assets/${name}`, import.meta.url))

describe('the generated asset files are real files of their kind', () => {
  test('logo.png decodes: signature, IHDR, CRCs, IDAT rows', async () => {
    const png = decodePng(await read('logo.png'))
    assert.equal(png.width, 64)
    assert.equal(png.rows.length, 64)
  })
  test('sample.pdf: header, EOF marker and a cross-reference table whose offsets point at objects', async () => {
    const pdf = (await read('sample.pdf')).toString('latin1')
    assert.ok(pdf.startsWith('%PDF-1.4\n'))
    assert.ok(pdf.endsWith('%%EOF\n'))
    const startxref = Number(/startxref\n(\d+)\n/.exec(pdf)?.[1])
    assert.ok(pdf.slice(startxref).startsWith('xref\n'))
    const offsets = [...pdf.slice(startxref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) =>
      Number(m[1]),
    )
    assert.equal(offsets.length, 5)
    for (const [i, off] of offsets.entries()) {
      assert.ok(pdf.slice(off).startsWith(`${i + 1} 0 obj\n`), `object ${i + 1}`)
    }
  })
  test('archive.zip: entries with matching CRC-32 and an end-of-central-directory record', async () => {
    const zip = await read('archive.zip')
    const eocd = zip.length - 22
    assert.equal(zip.readUInt32LE(eocd), 0x06054b50)
    const count = zip.readUInt16LE(eocd + 10)
    assert.equal(count, 2)
    let at = 0
    const names: string[] = []
    for (let i = 0; i < count; i++) {
      assert.equal(zip.readUInt32LE(at), 0x04034b50)
      const size = zip.readUInt32LE(at + 18)
      const nameLength = zip.readUInt16LE(at + 26)
      names.push(zip.toString('utf8', at + 30, at + 30 + nameLength))
      const data = zip.subarray(at + 30 + nameLength, at + 30 + nameLength + size)
      assert.equal(crc32(data), zip.readUInt32LE(at + 14))
      at += 30 + nameLength + size
    }
    assert.deepEqual(names, ['hello.txt', 'data/random-256.bin'])
    assert.equal(zip.readUInt32LE(eocd + 16), at, 'central directory follows the entries')
  })
})
