import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { createServer } from 'node:net'
import { describe, test } from 'node:test'
import type { AlbEvent, AlbResult } from '@albkit/core'
import { albEvent, healthCheckEvent } from '@albkit/core/testing'
import { bodyBytes, headersOf, lambdaContext, multipartBody } from '@albkit/middy/testing'
import type { UploadConfig } from './config.js'
import { createHandler } from './create-handler.js'
import type { PresignPostInput } from './presign.js'
import { s3Backend } from './s3-client.js'
import {
  allBytes,
  FakeStore,
  networkError,
  SAMPLES,
  s3Error,
  s3Etag,
  testConfig,
} from './test-fixtures.js'

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

function setup(options: { config?: Partial<UploadConfig>; store?: FakeStore } = {}) {
  const store = options.store ?? new FakeStore()
  const presigned: PresignPostInput[] = []
  const logs: string[] = []
  const handler = createHandler({
    config: { ...testConfig, ...options.config },
    store,
    presignPost: async (input) => {
      presigned.push(input)
      return {
        url: 'http://s3.local/test-bucket',
        fields: { key: input.key, 'Content-Type': input.contentType },
      }
    },
    log: (line) => logs.push(line),
  })
  const call = async (event: AlbEvent) =>
    (await handler(event, lambdaContext('req-1'))) as AlbResult
  return { store, presigned, logs, call }
}

const header = (r: AlbResult, name: string): string | undefined =>
  headersOf(r)[name.toLowerCase()]?.join(', ')
const bodyText = (r: AlbResult) => bodyBytes(r).toString('utf8')
const bodyJson = (r: AlbResult) =>
  JSON.parse(bodyText(r)) as { error?: string; files?: Array<Record<string, unknown>> } & Record<
    string,
    unknown
  >

function postFiles(
  parts: Parameters<typeof multipartBody>[0],
  headers: Record<string, string> = {},
) {
  const { body, contentType } = multipartBody(parts)
  return albEvent({
    method: 'POST',
    path: '/upload',
    headers: { 'content-type': contentType, ...headers },
    body,
  })
}
function put(name: string, bytes: Buffer | string, contentType?: string) {
  return albEvent({
    method: 'PUT',
    path: `/upload/${name}`,
    headers: contentType ? { 'content-type': contentType } : {},
    body: bytes,
  })
}

describe('GET /upload and health checks', () => {
  test('the form page, with a strict CSP', async () => {
    const { call } = setup()
    const r = await call(
      albEvent({ method: 'GET', path: '/upload', headers: { accept: BROWSER_ACCEPT } }),
    )
    assert.equal(r.statusCode, 200)
    assert.match(header(r, 'content-type') ?? '', /^text\/html/)
    assert.match(
      header(r, 'content-security-policy') ?? '',
      /^default-src 'none'; style-src 'sha256-/,
    )
    assert.match(bodyText(r), /enctype="multipart\/form-data"/)
  })

  test('HEAD answers like GET without a body', async () => {
    const r = await setup().call(albEvent({ method: 'HEAD', path: '/upload' }))
    assert.equal(r.statusCode, 200)
    assert.match(header(r, 'content-type') ?? '', /^text\/html/)
    assert.equal(bodyText(r), '')
  })

  test('ELB-HealthChecker/2.0 gets 200 and S3 is never called', async () => {
    const store = new FakeStore(() => networkError())
    const { call } = setup({ store })
    for (const mode of ['single', 'multi'] as const) {
      // '/' is the ALB's default HealthCheckPath (short-circuited); at /upload the check is an
      // ordinary GET of the form page (issue 14 #5: only checks to the health-check path skip the app).
      for (const path of ['/', '/upload']) {
        const r = await call(healthCheckEvent({ path, mode }))
        assert.equal(r.statusCode, 200)
      }
    }
    assert.equal(store.puts.length, 0)
  })
})

describe('POST /upload (multipart)', () => {
  test('several binary files: 201, exact bytes stored, SHA-256 checksums', async () => {
    const { call, store } = setup()
    const files = [
      {
        name: 'file',
        filename: 'every-byte.bin',
        contentType: 'application/octet-stream',
        bytes: allBytes(40),
      },
      { name: 'file', filename: 'pixel.png', contentType: 'image/png', bytes: SAMPLES.png },
      { name: 'other', filename: 'doc.pdf', contentType: 'application/pdf', bytes: SAMPLES.pdf },
    ]
    const r = await call(postFiles([...files, { name: 'note', bytes: 'a plain field' }]))
    assert.equal(r.statusCode, 201, bodyText(r))
    const results = bodyJson(r).files ?? []
    assert.equal(results.length, 3)
    for (const [i, f] of files.entries()) {
      const result = results[i] ?? {}
      assert.equal(result.status, 'stored')
      assert.equal(result.name, f.filename)
      assert.equal(result.size, f.bytes.length)
      assert.equal(result.contentType, f.contentType)
      assert.equal(result.sha256, sha256(f.bytes))
      assert.equal(result.etag, s3Etag(f.bytes))
      assert.match(
        String(result.key),
        new RegExp(
          `^uploads/\\d{4}-\\d{2}-\\d{2}/[0-9a-f-]{36}/${f.filename.replace('.', '\\.')}$`,
        ),
      )
      assert.deepEqual(store.objects.get(String(result.key)), f.bytes)
      const put = store.puts.find((p) => p.Key === result.key)
      assert.equal(put?.ChecksumSHA256, createHash('sha256').update(f.bytes).digest('base64'))
      assert.equal(put?.Bucket, 'test-bucket')
    }
  })

  test('multi-value target groups work the same', async () => {
    const { body, contentType } = multipartBody([
      { name: 'f', filename: 'a.bin', contentType: 'application/octet-stream', bytes: allBytes() },
    ])
    const { call, store } = setup()
    const r = await call(
      albEvent({
        method: 'POST',
        path: '/upload',
        mode: 'multi',
        headers: { 'content-type': contentType },
        body,
      }),
    )
    assert.equal(r.statusCode, 201)
    assert.ok('multiValueHeaders' in r)
    assert.deepEqual([...store.objects.values()][0], allBytes())
  })

  test('serverless-offline: a latin1, non-base64 multipart body keeps every byte', async () => {
    const { body, contentType } = multipartBody([
      { name: 'f', filename: 'a.bin', contentType: 'application/octet-stream', bytes: allBytes(3) },
    ])
    const event = albEvent({
      method: 'POST',
      path: '/upload',
      headers: { 'content-type': contentType },
    })
    const offline = { ...event, body: body.toString('latin1'), isBase64Encoded: false } as AlbEvent
    const { call, store } = setup()
    const r = await call(offline)
    assert.equal(r.statusCode, 201, bodyText(r))
    assert.deepEqual([...store.objects.values()][0], allBytes(3))
  })

  test('UTF-8 file names sent as raw bytes survive', async () => {
    const r = await setup().call(
      postFiles([{ name: 'file', filename: 'отчёт ü.txt', contentType: 'text/plain', bytes: 'x' }]),
    )
    assert.equal(r.statusCode, 201)
    assert.equal(bodyJson(r).files?.[0]?.name, 'отчёт_ü.txt')
  })

  test('a browser form post gets a readable result page', async () => {
    const r = await setup().call(
      postFiles(
        [{ name: 'file', filename: '<b>x</b>.txt', contentType: 'text/plain', bytes: 'hi' }],
        { accept: BROWSER_ACCEPT },
      ),
    )
    assert.equal(r.statusCode, 201)
    assert.match(header(r, 'content-type') ?? '', /^text\/html/)
    assert.ok(header(r, 'content-security-policy'))
    assert.match(bodyText(r), /<h1>Stored<\/h1>/)
    assert.ok(!bodyText(r).includes('<b>'))
  })

  const cases: Array<[string, () => AlbEvent, number, RegExp, Partial<UploadConfig>?]> = [
    ['no file part', () => postFiles([{ name: 'note', bytes: 'x' }]), 400, /no file in the form/],
    [
      'an unselected browser file input',
      () =>
        postFiles([
          { name: 'file', filename: '', contentType: 'application/octet-stream', bytes: '' },
        ]),
      400,
      /no file in the form/,
    ],
    [
      'an empty file',
      () =>
        postFiles([{ name: 'file', filename: 'empty.txt', contentType: 'text/plain', bytes: '' }]),
      400,
      /empty\.txt: the file is empty/,
    ],
    [
      'no boundary',
      () =>
        albEvent({
          method: 'POST',
          path: '/upload',
          headers: { 'content-type': 'multipart/form-data' },
          body: Buffer.from('x'),
        }),
      400,
      /Malformed multipart/,
    ],
    [
      'a truncated body',
      () => {
        const { body, contentType } = multipartBody([
          { name: 'f', filename: 'a.txt', contentType: 'text/plain', bytes: 'abc' },
        ])
        return albEvent({
          method: 'POST',
          path: '/upload',
          headers: { 'content-type': contentType },
          body: body.subarray(0, body.length - 30),
        })
      },
      400,
      /multipart|no file/i,
    ],
    [
      'a JSON body',
      () =>
        albEvent({
          method: 'POST',
          path: '/upload',
          headers: { 'content-type': 'application/json' },
          body: '{}',
        }),
      415,
      /expects multipart\/form-data, got application\/json/,
    ],
    [
      'a type outside the allowlist',
      () =>
        postFiles([
          { name: 'f', filename: 'run.exe', contentType: 'application/x-msdownload', bytes: 'MZ' },
        ]),
      415,
      /run\.exe: content type application\/x-msdownload is not allowed/,
    ],
    [
      'a PNG that is not one',
      () =>
        postFiles([
          { name: 'f', filename: 'fake.png', contentType: 'image/png', bytes: SAMPLES.pdf },
        ]),
      415,
      /fake\.png: declared as image\/png but its content looks like application\/pdf/,
    ],
    [
      'one file over the limit',
      () =>
        postFiles([
          {
            name: 'f',
            filename: 'big.bin',
            contentType: 'application/octet-stream',
            bytes: Buffer.alloc(1001),
          },
        ]),
      413,
      /big\.bin.*maxFileBytes \(1000\)/,
      { maxUploadBytes: 1000 },
    ],
    [
      'files together over the limit',
      () =>
        postFiles(
          [1, 2].map((i) => ({
            name: 'f',
            filename: `${i}.bin`,
            contentType: 'application/octet-stream',
            bytes: Buffer.alloc(600),
          })),
        ),
      413,
      /1200 bytes; the limit is 1000/,
      { maxUploadBytes: 1000 },
    ],
    [
      'too many files',
      () =>
        postFiles(
          [1, 2, 3].map((i) => ({
            name: 'f',
            filename: `${i}.txt`,
            contentType: 'text/plain',
            bytes: 'x',
          })),
        ),
      413,
      /maxFiles \(2\)/,
      { maxFiles: 2 },
    ],
  ]
  for (const [label, event, status, pattern, config] of cases) {
    test(`${label} → ${status}, nothing stored`, async () => {
      const { call, store } = setup(config ? { config } : {})
      const r = await call(event())
      assert.equal(r.statusCode, status, bodyText(r))
      assert.match(bodyJson(r).error ?? '', pattern)
      assert.equal(store.puts.length, 0)
    })
  }

  test('a browser gets errors as a page too', async () => {
    const r = await setup().call(
      postFiles([{ name: 'note', bytes: 'x' }], { accept: BROWSER_ACCEPT }),
    )
    assert.equal(r.statusCode, 400)
    assert.match(header(r, 'content-type') ?? '', /^text\/html/)
    assert.match(bodyText(r), /no file in the form/)
  })
})

describe('S3 failures are never success', () => {
  test('S3 unreachable → 503 with Retry-After and per-file results', async () => {
    const { call, logs } = setup({ store: new FakeStore(() => networkError()) })
    const r = await call(
      postFiles([{ name: 'f', filename: 'a.txt', contentType: 'text/plain', bytes: 'a' }]),
    )
    assert.equal(r.statusCode, 503)
    assert.equal(header(r, 'retry-after'), '5')
    const json = bodyJson(r)
    assert.match(json.error ?? '', /unreachable/)
    assert.equal(json.files?.[0]?.status, 'failed')
    assert.equal(logs.filter((l) => l.includes('PutObject failed')).length, 1)
  })

  test('partial failure → 503, the stored file listed as stored, the others not', async () => {
    const store = new FakeStore((input) =>
      input.Key.endsWith('b.txt') ? s3Error('SlowDown', 503) : undefined,
    )
    const r = await setup({ store }).call(
      postFiles(
        ['a', 'b', 'c'].map((n) => ({
          name: 'f',
          filename: `${n}.txt`,
          contentType: 'text/plain',
          bytes: n,
        })),
      ),
    )
    assert.equal(r.statusCode, 503)
    const files = bodyJson(r).files ?? []
    for (const f of files) assert.equal(f.status === 'stored', store.objects.has(String(f.key)))
    assert.equal(files[1]?.status, 'failed')
  })

  test('S3 refusing the bucket → 502', async () => {
    const r = await setup({ store: new FakeStore(() => s3Error('NoSuchBucket', 404)) }).call(
      put('a.txt', 'a', 'text/plain'),
    )
    assert.equal(r.statusCode, 502)
    assert.match(bodyJson(r).error ?? '', /refused/)
  })

  test('the real S3 client against a closed port → 503 with Retry-After', async () => {
    const port = await new Promise<number>((resolve) => {
      const server = createServer()
      server.listen(0, '127.0.0.1', () => {
        const address = server.address()
        server.close(() => resolve(typeof address === 'object' && address ? address.port : 1))
      })
    })
    process.env.AWS_ACCESS_KEY_ID ??= 'S3RVER'
    process.env.AWS_SECRET_ACCESS_KEY ??= 'S3RVER'
    const backend = s3Backend({
      AWS_REGION: 'us-east-1',
      AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${port}`,
      AWS_S3_FORCE_PATH_STYLE: 'true',
      AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
      AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
    })
    const handler = createHandler({ config: testConfig, ...backend, log: () => {} })
    const r = (await handler(
      put('a.bin', allBytes(), 'application/octet-stream'),
      lambdaContext(),
    )) as AlbResult
    assert.equal(r.statusCode, 503, bodyText(r))
    assert.equal(header(r, 'retry-after'), '5')
    assert.equal(bodyJson(r).files?.[0]?.status, 'failed')
  })
})

describe('PUT /upload/<name> (raw body)', () => {
  test('binary body: 201 and exact bytes', async () => {
    const { call, store } = setup()
    const r = await call(put('every-byte.bin', allBytes(10), 'application/octet-stream'))
    assert.equal(r.statusCode, 201, bodyText(r))
    const [result] = bodyJson(r).files ?? []
    assert.equal(result?.sha256, sha256(allBytes(10)))
    assert.deepEqual(store.objects.get(String(result?.key)), allBytes(10))
  })

  test('the name from the path is decoded and sanitised', async () => {
    const { call, store } = setup()
    for (const [segment, expected] of [
      ['..%2F..%2Fetc%2Fpasswd', 'passwd'],
      ['my%20file.txt', 'my_file.txt'],
      ['bad%zz.txt', 'bad_zz.txt'],
      ['%00%0d%0a.txt', 'txt'],
      ['%2e%2e', 'file'],
    ] as const) {
      const r = await call(put(segment, 'x', 'text/plain'))
      assert.equal(r.statusCode, 201, `${segment}: ${bodyText(r)}`)
      const key = String(bodyJson(r).files?.[0]?.key)
      assert.ok(key.endsWith(`/${expected}`), key)
    }
    assert.equal(store.puts.length, 5)
  })

  test('serverless-offline: a latin1, non-base64 binary body keeps every byte', async () => {
    const event = albEvent({
      method: 'PUT',
      path: '/upload/a.bin',
      headers: { 'content-type': 'application/octet-stream' },
    })
    const { call, store } = setup()
    const r = await call({
      ...event,
      body: allBytes(2).toString('latin1'),
      isBase64Encoded: false,
    } as AlbEvent)
    assert.equal(r.statusCode, 201)
    assert.deepEqual([...store.objects.values()][0], allBytes(2))
  })

  test('a UTF-8 text body stays UTF-8', async () => {
    const { call, store } = setup()
    const r = await call(put('t.txt', 'café ✓', 'text/plain; charset=utf-8'))
    assert.equal(r.statusCode, 201)
    assert.equal([...store.objects.values()][0]?.toString('utf8'), 'café ✓')
  })

  for (const [label, event, status, pattern] of [
    ['empty body', () => put('a.txt', '', 'text/plain'), 400, /a\.txt: the file is empty/],
    ['no content type', () => put('a.bin', allBytes()), 415, /no content type given/],
    ['type not allowed', () => put('a.html', '<p>', 'text/html'), 415, /text\/html is not allowed/],
    [
      'magic bytes contradict',
      () => put('a.jpg', SAMPLES.png, 'image/jpeg'),
      415,
      /declared as image\/jpeg but its content looks like image\/png/,
    ],
    [
      'over the limit',
      () => put('a.bin', Buffer.alloc(700_001), 'application/octet-stream'),
      413,
      /700001 bytes; the limit is 700000/,
    ],
    [
      'over the ALB limit',
      () => put('a.bin', Buffer.alloc(1_000_001), 'application/octet-stream'),
      413,
      /1000001 bytes; the limit is 1000000/,
    ],
  ] as const) {
    test(`${label} → ${status}`, async () => {
      const { call, store } = setup()
      const r = await call(event())
      assert.equal(r.statusCode, status, bodyText(r))
      assert.match(bodyJson(r).error ?? '', pattern)
      assert.equal(store.puts.length, 0)
    })
  }
})

describe('POST /upload/presign', () => {
  const presign = (body: unknown, contentType = 'application/json') =>
    albEvent({
      method: 'POST',
      path: '/upload/presign',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })

  test('returns a POST with the server-chosen key and pinned limits', async () => {
    const { call, presigned, store } = setup()
    const r = await call(
      presign({ name: 'video.zip', contentType: 'application/zip', size: 50_000_000 }),
    )
    assert.equal(r.statusCode, 200, bodyText(r))
    const answer = bodyJson(r)
    assert.equal(answer.method, 'POST')
    assert.equal(answer.url, 'http://s3.local/test-bucket')
    assert.match(String(answer.key), /^uploads\/\d{4}-\d{2}-\d{2}\/[0-9a-f-]{36}\/video\.zip$/)
    assert.deepEqual(presigned[0], {
      bucket: 'test-bucket',
      key: answer.key,
      contentType: 'application/zip',
      maxBytes: 50_000_000,
      expiresSeconds: 300,
    })
    assert.equal(header(r, 'cache-control'), 'no-store')
    assert.equal(store.puts.length, 0)
  })

  for (const [label, event, status] of [
    ['bad JSON', () => presign('{nope'), 400],
    ['not JSON', () => presign('name=x', 'application/x-www-form-urlencoded'), 415],
    ['missing size', () => presign({ name: 'a', contentType: 'text/plain' }), 400],
    ['type not allowed', () => presign({ name: 'a', contentType: 'text/html', size: 1 }), 415],
    [
      'too big',
      () => presign({ name: 'a', contentType: 'text/plain', size: 200 * 1024 * 1024 }),
      413,
    ],
  ] as const) {
    test(`${label} → ${status}`, async () => {
      const r = await setup().call(event())
      assert.equal(r.statusCode, status, bodyText(r))
      assert.ok((bodyJson(r).error ?? '').length > 0)
    })
  }
})

describe('other methods and paths', () => {
  for (const [method, path, status, allow] of [
    ['DELETE', '/upload', 405, 'GET, HEAD, POST'],
    ['PUT', '/upload', 405, 'GET, HEAD, POST'],
    ['GET', '/upload/presign', 405, 'POST'],
    ['PUT', '/upload/presign', 405, 'POST'],
    ['GET', '/upload/a.txt', 405, 'PUT'],
    ['POST', '/upload/a.txt', 405, 'PUT'],
    ['PUT', '/upload/a/b.txt', 404, undefined],
    ['GET', '/uploads', 404, undefined],
  ] as const) {
    test(`${method} ${path} → ${status}`, async () => {
      const r = await setup().call(albEvent({ method, path }))
      assert.equal(r.statusCode, status)
      assert.equal(header(r, 'allow'), allow)
      assert.ok((bodyJson(r).error ?? '').length > 0)
    })
  }
})
