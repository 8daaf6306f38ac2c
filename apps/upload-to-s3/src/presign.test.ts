import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { isAlbError } from '@albkit/core'
import { type PresignPostInput, parsePresignRequest, presignUpload } from './presign.js'
import { testConfig } from './test-fixtures.js'

const rejects = (status: number, pattern: RegExp) => (e: unknown) =>
  isAlbError(e) && e.statusCode === status && pattern.test(e.message)

describe('parsePresignRequest', () => {
  test('accepts a valid request and normalises the type', () => {
    assert.deepEqual(
      parsePresignRequest(
        { name: 'big.zip', contentType: 'Application/Zip', size: 5_000_000 },
        testConfig,
      ),
      {
        name: 'big.zip',
        contentType: 'application/zip',
        size: 5_000_000,
      },
    )
  })

  for (const [label, body, status, pattern] of [
    ['not an object', [1], 400, /JSON object/],
    ['null', null, 400, /JSON object/],
    ['missing name', { contentType: 'text/plain', size: 1 }, 400, /"name"/],
    ['empty name', { name: ' ', contentType: 'text/plain', size: 1 }, 400, /"name"/],
    ['type not a string', { name: 'a', contentType: 5, size: 1 }, 400, /"contentType"/],
    ['size zero', { name: 'a', contentType: 'text/plain', size: 0 }, 400, /"size"/],
    ['size fractional', { name: 'a', contentType: 'text/plain', size: 1.5 }, 400, /"size"/],
    ['size as string', { name: 'a', contentType: 'text/plain', size: '10' }, 400, /"size"/],
    [
      'type not allowed',
      { name: 'a.exe', contentType: 'application/x-msdownload', size: 10 },
      415,
      /not allowed/,
    ],
    [
      'too big',
      { name: 'a', contentType: 'text/plain', size: testConfig.maxPresignBytes + 1 },
      413,
      /over the limit of 104857600/,
    ],
  ] as const) {
    test(`${label} → ${status}`, () => {
      assert.throws(() => parsePresignRequest(body, testConfig), rejects(status, pattern))
    })
  }
})

describe('presignUpload', () => {
  test('pins key, type and size; the key is server-chosen', async () => {
    const calls: PresignPostInput[] = []
    const answer = await presignUpload(
      { name: '../../x y.zip', contentType: 'application/zip', size: 1234 },
      testConfig,
      async (input) => {
        calls.push(input)
        return { url: 'https://s3.example/bucket', fields: { key: input.key, Policy: 'p' } }
      },
      new Date('2026-03-04T05:06:07Z'),
    )
    assert.equal(calls.length, 1)
    const input = calls[0]
    assert.ok(input)
    assert.equal(input.bucket, 'test-bucket')
    assert.match(input.key, /^uploads\/2026-03-04\/[0-9a-f-]{36}\/x_y\.zip$/)
    assert.equal(input.contentType, 'application/zip')
    assert.equal(input.maxBytes, 1234)
    assert.equal(input.expiresSeconds, 300)
    assert.equal(answer.method, 'POST')
    assert.equal(answer.key, input.key)
    assert.equal(answer.url, 'https://s3.example/bucket')
    assert.equal(answer.expiresAt, '2026-03-04T05:11:07.000Z')
  })
})
