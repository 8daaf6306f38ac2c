import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { MAX_NAME_BYTES, objectKey, sanitizeFileName } from './object-key.js'

const bytes = (s: string) => Buffer.byteLength(s, 'utf8')

describe('sanitizeFileName', () => {
  for (const [raw, expected] of [
    ['photo.png', 'photo.png'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\me\\secret.txt', 'secret.txt'],
    ['..', 'file'],
    ['', 'file'],
    ['.htaccess', 'htaccess'],
    ['a..b.txt', 'a.b.txt'],
    ['my report (final).pdf', 'my_report_final_.pdf'],
    ['evil\u0000name\r\n.txt', 'evil_name_.txt'],
    ['-rf.txt', 'rf.txt'],
    ['bidi\u202egnp.exe', 'bidi_gnp.exe'],
    ['cafe\u0301.txt', 'café.txt'],
    ['Überweisung.pdf', 'Überweisung.pdf'],
    ['trailing.', 'trailing'],
    ['dir/', 'file'],
  ] as const) {
    test(`${JSON.stringify(raw)} → ${JSON.stringify(expected)}`, () => {
      assert.equal(sanitizeFileName(raw), expected)
    })
  }

  test('NFC: a decomposed é becomes one code point', () => {
    assert.equal(sanitizeFileName('e\u0301'), '\u00e9')
  })

  test('long names are cut to the byte limit, keeping the extension', () => {
    const name = sanitizeFileName(`${'a'.repeat(300)}.tar.gz`)
    assert.equal(bytes(name), MAX_NAME_BYTES)
    assert.ok(name.endsWith('.gz'))
  })

  test('multi-byte characters are never split', () => {
    const name = sanitizeFileName(`${'é'.repeat(80)}.png`)
    assert.ok(bytes(name) <= MAX_NAME_BYTES)
    assert.ok(name.endsWith('.png'))
    assert.ok(!name.includes('\ufffd'))
    assert.match(name, /^é+\.png$/)
  })

  test('a long extension is not kept whole', () => {
    const name = sanitizeFileName(`x.${'y'.repeat(200)}`)
    assert.ok(bytes(name) <= MAX_NAME_BYTES)
    assert.ok(name.length > 0)
  })
})

describe('objectKey', () => {
  test('prefix / UTC date / id / name', () => {
    const key = objectKey({
      prefix: 'uploads',
      fileName: 'a b.png',
      now: new Date('2026-01-02T23:59:59Z'),
      id: 'abc',
    })
    assert.equal(key, 'uploads/2026-01-02/abc/a_b.png')
  })

  test('a random UUID by default, different each time', () => {
    const a = objectKey({ prefix: 'p', fileName: 'x' })
    const b = objectKey({ prefix: 'p', fileName: 'x' })
    assert.match(a, /^p\/\d{4}-\d{2}-\d{2}\/[0-9a-f-]{36}\/x$/)
    assert.notEqual(a, b)
  })

  test('property: any name gives a safe key under the prefix', () => {
    const anyName = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 400 }),
      fc.string({ unit: 'grapheme', maxLength: 200 }),
      fc
        .array(
          fc.constantFrom(
            '..',
            '.',
            '/',
            '\\',
            'a',
            '\u0000',
            '\u001f',
            '\u007f',
            '\u0085',
            'é',
            '\u202e',
            ' ',
            '-',
          ),
          { maxLength: 60 },
        )
        .map((p) => p.join('')),
    )
    fc.assert(
      fc.property(anyName, (raw) => {
        const key = objectKey({ prefix: 'uploads/x', fileName: raw, now: new Date(0), id: 'id' })
        assert.ok(key.startsWith('uploads/x/1970-01-01/id/'))
        const name = key.slice('uploads/x/1970-01-01/id/'.length)
        assert.ok(name.length > 0, 'never empty')
        assert.ok(!name.includes('/') && !name.includes('\\'), 'no path parts')
        assert.ok(
          !key.split('/').some((s) => s === '..' || s === '.' || s === ''),
          'no dot or empty segments',
        )
        assert.ok(!name.includes('..'), 'no ..')
        assert.ok(!/[\p{Cc}\p{Cf}]/u.test(name), 'no control or format characters')
        assert.ok(bytes(name) <= MAX_NAME_BYTES, 'bounded length')
        assert.equal(name, name.normalize('NFC'))
        assert.equal(sanitizeFileName(name), name, 'idempotent')
      }),
      { numRuns: 2000 },
    )
  })
})
