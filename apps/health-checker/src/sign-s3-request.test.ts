import assert from 'node:assert/strict'
import { test } from 'node:test'
import { signS3Request } from './sign-s3-request.js'

/** SHA-256 of the empty string: the payload hash of every body-less request. */
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'

// The "GET Object" example of AWS's page "Examples: Signature Calculations" (Authenticating
// Requests: Using the Authorization Header, Amazon S3 API reference): documented inputs and the
// documented signature.
test('signS3Request reproduces the Amazon S3 documentation example (GET Object with Range)', async () => {
  const headers = await signS3Request(
    {
      method: 'GET',
      url: new URL('https://examplebucket.s3.amazonaws.com/test.txt'),
      headers: { Range: 'bytes=0-9' },
    },
    {
      credentials: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      },
      region: 'us-east-1',
      date: new Date('2013-05-24T00:00:00Z'),
    },
  )
  assert.equal(
    headers.authorization,
    'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
      'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, ' +
      'Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  )
  assert.equal(headers['x-amz-date'], '20130524T000000Z')
  assert.equal(headers['x-amz-content-sha256'], EMPTY_SHA256)
  assert.equal(headers.host, 'examplebucket.s3.amazonaws.com')
})

test('signS3Request signs the session token when there is one', async () => {
  const headers = await signS3Request(
    { method: 'HEAD', url: new URL('http://127.0.0.1:4569/bucket') },
    {
      credentials: { accessKeyId: 'AK', secretAccessKey: 'SK', sessionToken: 'TOKEN' },
      region: 'eu-west-1',
      date: new Date('2024-01-02T03:04:05.678Z'),
    },
  )
  assert.equal(headers['x-amz-security-token'], 'TOKEN')
  assert.equal(headers.host, '127.0.0.1:4569')
  assert.match(
    headers.authorization ?? '',
    /^AWS4-HMAC-SHA256 Credential=AK\/20240102\/eu-west-1\/s3\/aws4_request, SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=[0-9a-f]{64}$/,
  )
})
