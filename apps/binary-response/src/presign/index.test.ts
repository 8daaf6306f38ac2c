import assert from 'node:assert/strict'
import { test } from 'node:test'
import { presignGet } from './index.mjs'

test('presignGet signs a GET URL offline (SigV4 query parameters, expiry, path-style when asked)', async () => {
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'secret',
    AWS_REGION: 'us-east-1',
    AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569',
    AWS_S3_FORCE_PATH_STYLE: 'true',
  })
  const url = new URL(await presignGet('assets-bucket', 'binary/large.bin', 300))
  assert.equal(url.origin, 'http://127.0.0.1:4569')
  assert.equal(url.pathname, '/assets-bucket/binary/large.bin')
  assert.equal(url.searchParams.get('X-Amz-Expires'), '300')
  assert.equal(url.searchParams.get('X-Amz-Algorithm'), 'AWS4-HMAC-SHA256')
  assert.ok(url.searchParams.get('X-Amz-Signature'))
})
