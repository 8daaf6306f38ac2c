import assert from 'node:assert/strict'
import { test } from 'node:test'
import { redirectLocation } from './redirect-location.js'

test('redirect placeholders and defaults', () => {
  const req = {
    protocol: 'http' as const,
    host: 'a.test',
    port: 8080,
    path: '/x/y',
    rawQuery: 'q=1',
  }
  assert.equal(
    redirectLocation(
      {
        protocol: '#{protocol}',
        host: '#{host}',
        port: '#{port}',
        path: '/#{path}',
        query: '#{query}',
      },
      req,
    ),
    'http://a.test:8080/x/y?q=1',
  )
  assert.equal(
    redirectLocation(
      { protocol: 'HTTPS', host: 'b.test', port: '443', path: '/new', query: '' },
      req,
    ),
    'https://b.test:443/new',
  )
})
