import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { probeS3 } from './probe-s3.js'

const spec = {
  name: 'uploads',
  type: 's3' as const,
  bucket: 'my-bucket',
  critical: true,
  timeoutMs: 500,
}
const credentials = {
  AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
  AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
  AWS_REGION: 'eu-west-1',
}
const at = () => new Date('2024-01-02T03:04:05Z')

/** A fetch that records what it was asked and answers `status`. */
function recordingFetch(status: number) {
  const calls: Array<{ url: string; init: RequestInit }> = []
  const fetchImpl = (async (url: URL | string, init: RequestInit = {}) => {
    calls.push({ url: String(url), init })
    return new Response(null, { status })
  }) as typeof fetch
  return { calls, fetchImpl }
}

describe('probeS3 signs one HeadBucket', () => {
  // Known answers: the signatures below were computed by the project's earlier hand-written
  // signer, itself checked against AWS's documented example; two independent implementations
  // agree on them.
  test('virtual-hosted bucket on AWS: the exact signed headers', async () => {
    const { calls, fetchImpl } = recordingFetch(200)
    assert.deepEqual(
      await probeS3(spec, new AbortController().signal, credentials, fetchImpl, at),
      {
        ok: true,
      },
    )
    assert.equal(calls.length, 1)
    assert.equal(calls[0]?.url, 'https://my-bucket.s3.eu-west-1.amazonaws.com/')
    assert.equal(calls[0]?.init.method, 'HEAD')
    const headers = calls[0]?.init.headers as Record<string, string>
    assert.equal(headers.host, undefined, 'fetch sets Host itself, from the same URL')
    assert.equal(headers['x-amz-date'], '20240102T030405Z')
    assert.equal(
      headers['x-amz-content-sha256'],
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    )
    assert.equal(
      headers.authorization,
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/eu-west-1/s3/aws4_request, ' +
        'SignedHeaders=host;x-amz-content-sha256;x-amz-date, ' +
        'Signature=481a1c41fed3fb4321092c7ac96b95cdf9b0ded0bf1fcdadab1a8abc6f1bfae7',
    )
  })

  test('path style on a local endpoint with a session token', async () => {
    const { calls, fetchImpl } = recordingFetch(404)
    const env = {
      ...credentials,
      AWS_SESSION_TOKEN: 'TOKEN',
      AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569',
    }
    const dotted = { ...spec, bucket: 'my.bucket' }
    assert.deepEqual(await probeS3(dotted, new AbortController().signal, env, fetchImpl, at), {
      ok: false,
      error: 'bucket not found (404)',
    })
    const headers = calls[0]?.init.headers as Record<string, string>
    assert.equal(calls[0]?.url, 'http://127.0.0.1:4569/my.bucket')
    assert.equal(headers['x-amz-security-token'], 'TOKEN')
    assert.equal(
      headers.authorization,
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240102/eu-west-1/s3/aws4_request, ' +
        'SignedHeaders=host;x-amz-content-sha256;x-amz-date;x-amz-security-token, ' +
        'Signature=118fb31fd452b937d9c2bc4874c4b840cd54898d24d95cbb1f8211a31a3e3dfc',
    )
  })
})
