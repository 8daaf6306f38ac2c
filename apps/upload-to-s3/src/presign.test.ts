import assert from 'node:assert/strict'
import { createHmac } from 'node:crypto'
import { describe, test } from 'node:test'
import { isAlbError } from '@albkit/core'
import { type PresignPostInput, parsePresignRequest, presignUpload } from './presign.js'
import { s3Backend } from './s3-client.js'
import { testConfig, withEnv } from './test-fixtures.js'

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

/** What a signed POST policy must say, and nothing more (S3 API reference, "Creating a POST policy"). */
interface ExpectedPolicy {
  bucket: string
  key: string
  contentType: string
  maxBytes: number
  expiresSeconds: number
  accessKeyId: string
  region: string
}

const hmac = (key: Buffer | string, data: string) => createHmac('sha256', key).update(data).digest()

/** The SigV4 signing key for S3 on `day` (yyyymmdd): the test's own oracle, not the SDK's. */
const signingKey = (secret: string, day: string, region: string) =>
  hmac(hmac(hmac(hmac(`AWS4${secret}`, day), region), 's3'), 'aws4_request')

/**
 * Decodes `fields.Policy`, checks that `X-Amz-Signature` signs exactly that document with
 * `secret` (SigV4 signing key: "Calculating a signature" in the S3 POST docs), and that the
 * document's conditions are exactly the expected ones and its expiry exactly `expiresSeconds`
 * after the signing date.
 */
function assertSignedPolicy(fields: Record<string, string>, secret: string, e: ExpectedPolicy) {
  const amzDate = fields['X-Amz-Date'] ?? ''
  const day = amzDate.slice(0, 8)
  const policyBase64 = fields.Policy ?? ''
  const signature = hmac(signingKey(secret, day, e.region), policyBase64).toString('hex')
  assert.equal(fields['X-Amz-Signature'], signature)
  const policy = JSON.parse(Buffer.from(policyBase64, 'base64').toString('utf8'))
  // X-Amz-Date is ISO 8601 basic (20260304T050607Z); the policy's expiration is extended, no ms.
  const [d, t] = [amzDate.slice(0, 8), amzDate.slice(9, 15)]
  const signedAt = `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}Z`
  const expiresAt = new Date(Date.parse(signedAt) + e.expiresSeconds * 1000)
  assert.equal(policy.expiration, expiresAt.toISOString().replace('.000Z', 'Z'))
  const asSet = (conditions: unknown[]) => conditions.map((c) => JSON.stringify(c)).sort()
  assert.deepEqual(
    asSet(policy.conditions),
    asSet([
      ['eq', '$Content-Type', e.contentType],
      ['content-length-range', 1, e.maxBytes],
      { 'Content-Type': e.contentType },
      { bucket: e.bucket },
      { key: e.key },
      { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA256' },
      { 'X-Amz-Credential': `${e.accessKeyId}/${day}/${e.region}/s3/aws4_request` },
      { 'X-Amz-Date': amzDate },
    ]),
  )
  assert.deepEqual(Object.keys(policy).sort(), ['conditions', 'expiration'])
}

describe('the policy the presign route signs (the local S3 ignores POST policies)', () => {
  // Signing is local (no request is sent); the SDK reads credentials from its default chain,
  // whose first link is these two variables.
  const credentials = {
    AWS_ACCESS_KEY_ID: 'AKIDPOLICYTEST',
    AWS_SECRET_ACCESS_KEY: 'policy-secret',
  }

  const signRealPolicy = async () => {
    const { presignPost } = s3Backend({
      AWS_REGION: 'eu-west-1',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:1',
      AWS_S3_FORCE_PATH_STYLE: 'true',
    })
    const request = parsePresignRequest(
      { name: '../../Q3 report.pdf', contentType: 'Application/PDF', size: 4321 },
      testConfig,
    )
    const answer = await withEnv(credentials, () => presignUpload(request, testConfig, presignPost))
    const expected: ExpectedPolicy = {
      bucket: testConfig.bucket,
      key: answer.key,
      contentType: 'application/pdf',
      maxBytes: 4321,
      expiresSeconds: testConfig.presignExpiresSeconds,
      accessKeyId: credentials.AWS_ACCESS_KEY_ID,
      region: 'eu-west-1',
    }
    return { answer, expected }
  }

  test('exact key, exact content type, 1…declared size, expiry = signing time + 300 s', async () => {
    const { answer, expected } = await signRealPolicy()
    assert.match(answer.key, /^uploads\/\d{4}-\d{2}-\d{2}\/[0-9a-f-]{36}\/Q3_report\.pdf$/)
    assertSignedPolicy(answer.fields, credentials.AWS_SECRET_ACCESS_KEY, expected)
    // The form fields the client posts back carry the same key and type.
    assert.equal(answer.fields.key, answer.key)
    assert.equal(answer.fields['Content-Type'], 'application/pdf')
    assert.equal(answer.url, 'http://127.0.0.1:1/test-bucket')
  })

  test('the check refuses every loosened policy, even one signed correctly', async () => {
    const { answer, expected } = await signRealPolicy()
    const secret = credentials.AWS_SECRET_ACCESS_KEY
    const resign = (edit: (policy: { expiration: string; conditions: unknown[] }) => void) => {
      const policy = JSON.parse(Buffer.from(answer.fields.Policy ?? '', 'base64').toString('utf8'))
      edit(policy)
      const Policy = Buffer.from(JSON.stringify(policy)).toString('base64')
      const day = (answer.fields['X-Amz-Date'] ?? '').slice(0, 8)
      const signature = hmac(signingKey(secret, day, 'eu-west-1'), Policy).toString('hex')
      return { ...answer.fields, Policy, 'X-Amz-Signature': signature }
    }
    const replace = (from: string, to: unknown) => (p: { conditions: unknown[] }) => {
      p.conditions = p.conditions.map((c) => (JSON.stringify(c) === from ? to : c))
    }
    const loosened = {
      'any size': replace(JSON.stringify(['content-length-range', 1, 4321]), [
        'content-length-range',
        0,
        5 * 4321,
      ]),
      'any type': replace(JSON.stringify(['eq', '$Content-Type', 'application/pdf']), [
        'starts-with',
        '$Content-Type',
        '',
      ]),
      'any key under the prefix': replace(JSON.stringify({ key: answer.key }), [
        'starts-with',
        '$key',
        'uploads/',
      ]),
      'no size condition': (p: { conditions: unknown[] }) => {
        p.conditions = p.conditions.filter((c) => !JSON.stringify(c).includes('content-length'))
      },
      'an hour to use it': (p: { expiration: string }) => {
        p.expiration = new Date(Date.parse(p.expiration) + 3_300_000).toISOString()
      },
    }
    // The untouched document, re-signed the same way, passes: the edits alone make it fail.
    assertSignedPolicy(
      resign(() => {}),
      secret,
      expected,
    )
    for (const [label, edit] of Object.entries(loosened)) {
      assert.throws(
        () => assertSignedPolicy(resign(edit), secret, expected),
        assert.AssertionError,
        label,
      )
    }
    // A policy changed after signing fails on its signature.
    const tampered = { ...answer.fields, Policy: resign(loosened['any size']).Policy }
    assert.throws(() => assertSignedPolicy(tampered, secret, expected), /X-Amz-Signature|expected/)
  })
})
