import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { classifyS3Error } from './s3-errors.js'
import { networkError, s3Error } from './test-fixtures.js'

describe('classifyS3Error', () => {
  for (const [label, error, statusCode] of [
    ['connection refused', networkError('ECONNREFUSED'), 503],
    ['DNS failure', networkError('ENOTFOUND'), 503],
    [
      'cause carries the code',
      Object.assign(new Error('fetch failed'), { cause: { code: 'ECONNRESET' } }),
      503,
    ],
    ['SDK timeout', s3Error('TimeoutError'), 503],
    ['SlowDown', s3Error('SlowDown', 503), 503],
    ['503 without a name', s3Error('Unknown', 503), 503],
    ['InternalError 500', s3Error('InternalError', 500), 503],
    ['BadDigest', s3Error('BadDigest', 400), 503],
    ['AccessDenied', s3Error('AccessDenied', 403), 502],
    ['NoSuchBucket', s3Error('NoSuchBucket', 404), 502],
    ['a bug, not S3', new TypeError('x is not a function'), 500],
    ['a thrown string', 'boom', 500],
  ] as const) {
    test(`${label} → ${statusCode}`, () => {
      const kind = classifyS3Error(error)
      assert.equal(kind.statusCode, statusCode)
      assert.equal(kind.retryable, statusCode === 503)
      assert.ok(kind.reason.length > 0)
      assert.ok(!kind.reason.includes('from S3'), 'never the raw error text')
    })
  }
})
