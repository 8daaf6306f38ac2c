import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { test } from 'node:test'
import { cspHash } from './csp-hash.js'

test('cspHash is the quoted sha256 source of the exact text', () => {
  const css = 'body{font-family:system-ui}'
  assert.equal(cspHash(css), `'sha256-${createHash('sha256').update(css).digest('base64')}'`)
  assert.match(cspHash(''), /^'sha256-[A-Za-z0-9+/]{43}='$/)
  // A known vector: the SHA-256 of "" in base64.
  assert.equal(cspHash(''), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
  assert.notEqual(cspHash('a'), cspHash('a '))
})
