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

describe('sanitizeFileName cost (issue 14 #2: quadratic trailing-dot strip)', () => {
  const cpuMs = (f: () => void): number => {
    const start = process.cpuUsage()
    f()
    const used = process.cpuUsage(start)
    return (used.user + used.system) / 1000
  }
  // Each shape once made one pass backtrack: runs of allowed characters that a trailing
  // anchor (`[._]+$`) or a collapse pass re-scans from every start position.
  const attacks = {
    'a + ._ x20000 + a': `a${'._'.repeat(20_000)}a`,
    'a + _. x20000 + a': `a${'_.'.repeat(20_000)}a`,
    'a + . x40000 + a': `a${'.'.repeat(40_000)}a`,
    'a + -._ x15000 + a': `a${'-._'.repeat(15_000)}a`,
    'x40000 + .pdf': `${'x'.repeat(40_000)}.pdf`,
  }
  for (const [shape, name] of Object.entries(attacks)) {
    test(`${shape}: well under 50 ms of CPU (was ~0.6 s for the first)`, () => {
      let result = ''
      const ms = cpuMs(() => {
        result = sanitizeFileName(name)
      })
      assert.ok(ms < 50, `${ms.toFixed(1)} ms`)
      assert.ok(bytes(result) <= MAX_NAME_BYTES)
    })
  }

  test('an over-long name keeps its head and its extension', () => {
    assert.equal(
      sanitizeFileName(`report${'x'.repeat(5000)}.pdf`),
      `report${'x'.repeat(MAX_NAME_BYTES - 'report'.length - '.pdf'.length)}.pdf`,
    )
  })

  test('an over-long name is cut on code-point boundaries, never inside a surrogate pair', () => {
    // 'a' first and a 5-unit extension put both cuts (head and tail) on a low surrogate.
    const name = sanitizeFileName(`a${'𝒜'.repeat(3000)}.jpeg`)
    assert.equal(name, `a${'𝒜'.repeat(23)}.jpeg`)
    assert.ok(!/[\uD800-\uDFFF]/u.test(name), 'no lone surrogate')
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
