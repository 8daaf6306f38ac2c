// Every probe against a real local dependency: HTTP server, silent TCP listener, s3rver, DNS.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { probeDns } from './probe-dns.js'
import { probeHttp } from './probe-http.js'
import { describeError, type ProbeOutcome } from './probe-outcome.js'
import { bucketUrl, probeS3 } from './probe-s3.js'
import { probeTcp } from './probe-tcp.js'
import { parseHealthConfig } from './probes-config.js'
import { runProbes } from './run-probes.js'
import {
  startHttpDependency,
  startLocalS3,
  startSilentListener,
  type TestHttpDependency,
} from './test-deps.js'

const signal = () => new AbortController().signal
const common = { critical: true, timeoutMs: 1500 }
/** What a probe reports: its outcome, or the description of what it threw. */
const outcome = (p: Promise<ProbeOutcome>) =>
  p.then(
    (o) => o,
    (error: unknown) => ({ ok: false, error: describeError(error) }),
  )

describe('probes against real local dependencies', () => {
  let http: TestHttpDependency
  let silent: Awaited<ReturnType<typeof startSilentListener>>
  let s3: Awaited<ReturnType<typeof startLocalS3>>

  before(async () => {
    http = await startHttpDependency()
    silent = await startSilentListener()
    s3 = await startLocalS3('health-bucket')
  })
  after(async () => {
    await http.stop()
    await silent.close()
    await s3.close()
  })

  test('http: 200 passes, 500 fails with the expected range, a closed port is refused', async () => {
    const spec = (path: string) =>
      parseHealthConfig({
        HEALTH_PROBES: JSON.stringify([{ name: 'h', type: 'http', url: `${http.url}${path}` }]),
      }).probes[0]
    const ok = spec('/ok')
    const fail = spec('/fail')
    assert.ok(ok?.type === 'http' && fail?.type === 'http')
    assert.deepEqual(await outcome(probeHttp(ok, signal())), { ok: true })
    assert.deepEqual(await outcome(probeHttp(fail, signal())), {
      ok: false,
      error: 'HTTP 500, expected 200-399',
    })
    const gone = await startHttpDependency()
    await gone.stop()
    const refused = { ...ok, url: `${gone.url}/ok` }
    assert.deepEqual(await outcome(probeHttp(refused, signal())), {
      ok: false,
      error: 'connection refused (ECONNREFUSED)',
    })
  })

  test('http: a server that accepts and never answers is cut off by the probe timeout', async () => {
    const spec = {
      name: 'silent',
      type: 'http' as const,
      url: `http://127.0.0.1:${silent.port}/`,
      expectStatus: [[200, 399] as const],
      ...common,
      timeoutMs: 300,
    }
    assert.deepEqual(await outcome(probeHttp(spec, signal())), { ok: false, error: 'timed out' })
  })

  test('deadline: a silent server behind a probe with a huge timeout is cut off at the deadline', async () => {
    // The configuration never allows timeoutMs ≥ deadline; build the spec by hand to prove the
    // deadline alone still bounds a run against a real server that never answers.
    const spec = {
      name: 'silent',
      type: 'http' as const,
      url: `http://127.0.0.1:${silent.port}/`,
      expectStatus: [[200, 399] as const],
      critical: true,
      timeoutMs: 60_000,
    }
    const started = Date.now()
    const [result] = await runProbes([spec], {
      deadlineMs: 300,
      prober: (s, signal) => (s.type === 'http' ? probeHttp(s, signal) : Promise.reject()),
    })
    assert.ok(Date.now() - started < 300 + 2000, 'the run finished long before the probe timeout')
    assert.equal(result?.ok, false)
    assert.equal(result?.error, 'deadline of 300 ms exceeded')
  })

  test('tcp: the silent listener accepts (up); a closed port is refused', async () => {
    const spec = {
      name: 't',
      type: 'tcp' as const,
      host: '127.0.0.1',
      port: silent.port,
      ...common,
    }
    assert.deepEqual(await outcome(probeTcp(spec, signal())), { ok: true })
    const gone = await startHttpDependency()
    await gone.stop()
    assert.deepEqual(await outcome(probeTcp({ ...spec, port: gone.port }, signal())), {
      ok: false,
      error: 'connection refused (ECONNREFUSED)',
    })
  })

  test('tcp: an aborted probe stops at once', async () => {
    const controller = new AbortController()
    controller.abort(new DOMException('stop', 'AbortError'))
    const spec = {
      name: 't',
      type: 'tcp' as const,
      host: '127.0.0.1',
      port: silent.port,
      ...common,
    }
    assert.deepEqual(await outcome(probeTcp(spec, controller.signal)), {
      ok: false,
      error: 'timed out',
    })
  })

  test('dns: localhost resolves; does-not-exist.invalid does not', async () => {
    const spec = { name: 'd', type: 'dns' as const, hostname: 'localhost', ...common }
    assert.deepEqual(await outcome(probeDns(spec, signal())), { ok: true })
    const missing = await outcome(
      probeDns({ ...spec, hostname: 'does-not-exist.invalid', timeoutMs: 5000 }, signal()),
    )
    assert.equal(missing.ok, false)
    assert.match(
      'error' in missing ? missing.error : '',
      /name not found \(ENOTFOUND\)|EAI_AGAIN|lookup timed out/,
    )
  })

  test('dns: a resolver that never answers is cut off by the probe timeout', async () => {
    const spec = { name: 'd', type: 'dns' as const, hostname: 'x', ...common, timeoutMs: 50 }
    const never = () => new Promise<never>(() => {})
    assert.deepEqual(await probeDns(spec, signal(), never), {
      ok: false,
      error: 'lookup timed out after 50 ms',
    })
  })

  test('s3: a signed HEAD of an existing bucket passes on the local S3', async () => {
    const spec = { name: 's', type: 's3' as const, bucket: 'health-bucket', ...common }
    assert.deepEqual(await outcome(probeS3(spec, signal(), s3.env)), { ok: true })
  })

  // s3rver checks the access key id of a SigV4 request but not its signature (its source says V4
  // verification is unimplemented): the signature itself is proven by the AWS example in sign-s3-request.test.ts.
  test('s3: a missing bucket is 404, an unknown key is 403, no credentials is reported', async () => {
    const spec = { name: 's', type: 's3' as const, bucket: 'no-such-bucket', ...common }
    assert.deepEqual(await outcome(probeS3(spec, signal(), s3.env)), {
      ok: false,
      error: 'bucket not found (404)',
    })
    const wrong = { ...s3.env, AWS_ACCESS_KEY_ID: 'AKIDUNKNOWN' }
    assert.deepEqual(
      await outcome(probeS3({ ...spec, bucket: 'health-bucket' }, signal(), wrong)),
      {
        ok: false,
        error: 'access denied (403)',
      },
    )
    assert.deepEqual(await outcome(probeS3(spec, signal(), {})), {
      ok: false,
      error: 'no AWS credentials in the environment',
    })
  })

  test('s3: bucket URLs for AWS, custom endpoints, path style and dotted names', () => {
    assert.equal(
      bucketUrl('logs', { AWS_REGION: 'eu-west-1' }).href,
      'https://logs.s3.eu-west-1.amazonaws.com/',
    )
    assert.equal(
      bucketUrl('a.b.c', { AWS_REGION: 'eu-west-1' }).href,
      'https://s3.eu-west-1.amazonaws.com/a.b.c',
    )
    assert.equal(
      bucketUrl('logs', {
        AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569',
        AWS_S3_FORCE_PATH_STYLE: 'true',
      }).href,
      'http://127.0.0.1:4569/logs',
    )
    assert.equal(
      bucketUrl('logs', { AWS_ENDPOINT_URL_S3: 'https://minio.test:9000' }).href,
      'https://logs.minio.test:9000/',
    )
  })
})
