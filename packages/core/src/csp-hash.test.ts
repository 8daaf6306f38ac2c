import assert from 'node:assert/strict'
import { test } from 'node:test'
import { cspHash } from './csp-hash.js'

// Known answers, computed by hand: printf '%s' "<text>" | openssl dgst -sha256 -binary | base64
test('cspHash is the quoted sha256 source of the exact text (known vectors)', () => {
  assert.equal(cspHash(''), "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='")
  assert.equal(
    cspHash('body{font-family:system-ui}'),
    "'sha256-VtY8xt///Rl0jNNqbGR9GPpkyX6goq/uXIfvOYgJ5GU='",
  )
  assert.equal(cspHash('a'), "'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs='")
  // one trailing space is another hash: the exact bytes count
  assert.equal(cspHash('a '), "'sha256-ZYPc1gVv0yqt0NLQvpIN6Z9v8IuABl5LkUKqpBaTkcs='")
  // UTF-8 bytes, not UTF-16 units
  assert.equal(cspHash('é'), "'sha256-SplVfkAzw1Od4utlRyAXytX5VX96BiWgnxw/biumnEw='")
})
