import assert from 'node:assert/strict'
import { test } from 'node:test'
import { EMPTY_SHA256, signV4 } from './sigv4.js'

// The "GET Object" example of AWS's page "Examples: Signature Calculations" (Authenticating
// Requests: Using the Authorization Header, Amazon S3 API reference): documented inputs and the
// documented signature.
test('signV4 reproduces the Amazon S3 documentation example (GET Object with Range)', () => {
  const headers = signV4(
    {
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
      payloadHash: EMPTY_SHA256,
    },
    {
      credentials: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
      region: 'us-east-1',
      service: 's3',
      date: new Date('2013-05-24T00:00:00Z'),
    },
  )
  assert.equal(
    headers.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,' +
      'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,' +
      'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  )
  assert.equal(headers['x-amz-date'], '20130524T000000Z')
  assert.equal(headers['x-amz-content-sha256'], EMPTY_SHA256)
  assert.equal(headers.host, 'examplebucket.s3.amazonaws.com')
})

test('signV4 signs the session token when there is one', () => {
  const headers = signV4(
    { method: 'HEAD', url: new URL('http://127.0.0.1:4569/bucket'), payloadHash: EMPTY_SHA256 },
    {
      credentials: { accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: 'TOKEN' },
      region: 'eu-west-1',
      service: 's3',
      date: new Date('2024-01-02T03:04:05.678Z'),
    },
  )
  assert.equal(headers['x-amz-security-token'], 'TOKEN')
  assert.equal(headers.host, '127.0.0.1:4569')
  assert.match(
    headers.authorization ?? '',
    /^AWS4-HMAC-SHA256 Credential=AK\/20240102\/eu-west-1\/s3\/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token,Signature=[0-9a-f]{64}$/,
  )
})
