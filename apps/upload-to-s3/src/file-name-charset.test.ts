import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { utf8FileName } from './file-name-charset.js'

describe('utf8FileName', () => {
  const asLatin1 = (s: string) => Buffer.from(s, 'utf8').toString('latin1')
  for (const name of ['notes ü.txt', 'файл.pdf', '报告.png', '😀.gif']) {
    test(`${name} read as latin1 is recovered`, () =>
      assert.equal(utf8FileName(asLatin1(name)), name))
  }
  test('ASCII stays', () => assert.equal(utf8FileName('plain.txt'), 'plain.txt'))
  test('a real latin1 name that is not UTF-8 stays', () =>
    assert.equal(utf8FileName('caf\u00e9.txt'), 'caf\u00e9.txt'))
  test('a name already decoded stays', () => assert.equal(utf8FileName('报告.png'), '报告.png'))
})
