/**
 * End to end: HTTP → the local load balancer (read from the real SAM templates) → the bundled
 * function (dist/index.mjs) → the embedded S3. Every stored object is read back and compared.
 */
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { existsSync } from 'node:fs'
import { createServer } from 'node:net'
import { join, resolve } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { type LocalAlb, localS3ClientConfig, localS3Environment } from '@albkit/local'
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { allBytes, SAMPLES } from './test-fixtures.js'
import { startUploadStack, type TestStack } from './test-stack.js'

const appDir = resolve(fileURLToPath(import.meta.url), '../..')
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

interface FileJson {
  name: string
  key: string
  size: number
  contentType: string
  sha256: string
  status: string
  etag?: string
}

let alb: LocalAlb
let s3: S3Client
let bucket: string
let stack: TestStack | undefined

before(async () => {
  if (!existsSync(join(appDir, 'dist/index.mjs')))
    throw new Error(
      'dist/index.mjs is missing: run `pnpm --filter @albkit/app-upload-to-s3 build` first',
    )
  stack = await startUploadStack('albkit-upload-')
  alb = stack.alb
  const found = alb.config.buckets[0]
  assert.ok(found && alb.s3Endpoint, 'the template declares a bucket and local S3 runs')
  bucket = found.bucketName
  s3 = new S3Client(localS3ClientConfig(alb.s3Endpoint))
})

after(async () => {
  s3?.destroy()
  await stack?.close()
})

async function readBack(key: string): Promise<{ bytes: Buffer; contentType: string | undefined }> {
  const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
  assert.ok(out.Body)
  return { bytes: Buffer.from(await out.Body.transformToByteArray()), contentType: out.ContentType }
}

async function assertStored(
  file: FileJson | undefined,
  expected: Buffer,
  contentType: string,
): Promise<void> {
  assert.ok(file)
  assert.equal(file.status, 'stored')
  assert.equal(file.size, expected.length)
  assert.equal(file.sha256, sha256(expected))
  assert.match(file.key, /^uploads\/\d{4}-\d{2}-\d{2}\/[0-9a-f-]{36}\/[^/]+$/)
  const stored = await readBack(file.key)
  assert.equal(stored.bytes.length, expected.length, `${file.key}: stored length`)
  assert.equal(sha256(stored.bytes), sha256(expected), `${file.key}: stored bytes`)
  assert.equal(stored.contentType, contentType)
}

const form = (files: Array<[string, Buffer, string]>) => {
  const data = new FormData()
  for (const [name, bytes, type] of files) data.append('file', new Blob([bytes], { type }), name)
  return data
}
const put = (name: string, body: Buffer | string, contentType?: string) =>
  fetch(`${alb.url}/upload/${name}`, {
    method: 'PUT',
    body,
    headers: contentType ? { 'content-type': contentType } : {},
  })
const errorOf = async (r: Response) => ((await r.json()) as { error: string }).error

describe('upload-to-s3 through the local ALB into local S3', () => {
  test('GET /upload: the form, with a CSP', async () => {
    const r = await fetch(`${alb.url}/upload`, { headers: { accept: 'text/html' } })
    assert.equal(r.status, 200)
    assert.match(r.headers.get('content-security-policy') ?? '', /default-src 'none'/)
    assert.match(
      await r.text(),
      /<form method="post" action="\/upload" enctype="multipart\/form-data">/,
    )
  })

  test('POST /upload: several binary files, every byte read back', async () => {
    const files: Array<[string, Buffer, string]> = [
      ['every-byte.bin', allBytes(300), 'application/octet-stream'],
      ['pixel.png', Buffer.concat([SAMPLES.png, allBytes(4)]), 'image/png'],
      ['doc.pdf', Buffer.concat([SAMPLES.pdf, allBytes(2)]), 'application/pdf'],
      ['notes ü.txt', Buffer.from('héllo\r\n--not-a-boundary\r\n\0end', 'utf8'), 'text/plain'],
    ]
    const r = await fetch(`${alb.url}/upload`, { method: 'POST', body: form(files) })
    assert.equal(r.status, 201)
    const { files: results } = (await r.json()) as { files: FileJson[] }
    assert.equal(results.length, files.length)
    for (const [i, [, bytes, type]] of files.entries()) await assertStored(results[i], bytes, type)
    assert.equal(results[3]?.name, 'notes_ü.txt')
  })

  test('PUT /upload/<name>: a raw binary body, read back', async () => {
    const bytes = allBytes(1000)
    const r = await put('raw%20data.bin', bytes, 'application/octet-stream')
    assert.equal(r.status, 201)
    const { files } = (await r.json()) as { files: FileJson[] }
    await assertStored(files[0], bytes, 'application/octet-stream')
    assert.ok(files[0]?.key.endsWith('/raw_data.bin'))
  })

  test('limits: exactly MAX_UPLOAD_BYTES is stored, one byte more is 413, over 1 MB the balancer says 413', async () => {
    const exact = Buffer.alloc(700_000, 0xab)
    const okPut = await put('exact.bin', exact, 'application/octet-stream')
    assert.equal(okPut.status, 201)
    await assertStored(
      ((await okPut.json()) as { files: FileJson[] }).files[0],
      exact,
      'application/octet-stream',
    )

    const okForm = await fetch(`${alb.url}/upload`, {
      method: 'POST',
      body: form([['exact.bin', exact, 'application/octet-stream']]),
    })
    assert.equal(okForm.status, 201)
    await assertStored(
      ((await okForm.json()) as { files: FileJson[] }).files[0],
      exact,
      'application/octet-stream',
    )

    const over = await put('over.bin', Buffer.alloc(700_001), 'application/octet-stream')
    assert.equal(over.status, 413)
    assert.match(await errorOf(over), /700001 bytes; the limit is 700000/)

    const overForm = await fetch(`${alb.url}/upload`, {
      method: 'POST',
      body: form([['over.bin', Buffer.alloc(700_001), 'application/octet-stream']]),
    })
    assert.equal(overForm.status, 413)
    assert.match(await errorOf(overForm), /maxFileBytes/)

    const tooBig = await put('huge.bin', Buffer.alloc(1_000_001), 'application/octet-stream').catch(
      (e: unknown) => e,
    )
    // The balancer refuses before the function runs; it may close the connection mid-body.
    if (tooBig instanceof Response) assert.equal(tooBig.status, 413)
    else assert.ok(tooBig instanceof Error)
  })

  const errors: Array<[string, () => Promise<Response>, number, RegExp]> = [
    [
      'empty file',
      () =>
        fetch(`${alb.url}/upload`, {
          method: 'POST',
          body: form([['empty.txt', Buffer.alloc(0), 'text/plain']]),
        }),
      400,
      /empty\.txt: the file is empty/,
    ],
    [
      'no file field',
      () => {
        const d = new FormData()
        d.append('note', 'x')
        return fetch(`${alb.url}/upload`, { method: 'POST', body: d })
      },
      400,
      /no file in the form/,
    ],
    [
      'malformed multipart',
      () =>
        fetch(`${alb.url}/upload`, {
          method: 'POST',
          body: 'garbage',
          headers: { 'content-type': 'multipart/form-data; boundary=xyz' },
        }),
      400,
      /multipart|no file/i,
    ],
    [
      'not multipart',
      () =>
        fetch(`${alb.url}/upload`, {
          method: 'POST',
          body: 'a=b',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
        }),
      415,
      /expects multipart\/form-data/,
    ],
    [
      'type outside the allowlist',
      () => put('page.html', '<p>x</p>', 'text/html'),
      415,
      /text\/html is not allowed/,
    ],
    [
      'magic bytes contradict',
      () =>
        fetch(`${alb.url}/upload`, {
          method: 'POST',
          body: form([['fake.png', Buffer.from('not a png'), 'image/png']]),
        }),
      415,
      /declared as image\/png/,
    ],
    ['empty PUT', () => put('empty.bin', '', 'application/octet-stream'), 400, /the file is empty/],
    [
      'other method',
      () => fetch(`${alb.url}/upload`, { method: 'DELETE' }),
      405,
      /DELETE is not allowed here/,
    ],
    ['unknown subpath', () => put('a/b.txt', 'x', 'text/plain'), 404, /no route/],
  ]
  for (const [label, send, status, pattern] of errors) {
    test(`${label} → ${status} with a reason`, async () => {
      const r = await send()
      assert.equal(r.status, status)
      assert.match(await errorOf(r), pattern)
      if (status === 405) assert.equal(r.headers.get('allow'), 'GET, HEAD, POST')
    })
  }

  test('POST /upload/presign, then the presigned POST straight to S3', async () => {
    const bytes = Buffer.concat([SAMPLES.zip, allBytes(4000)])
    const r = await fetch(`${alb.url}/upload/presign`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'big archive.zip',
        contentType: 'application/zip',
        size: bytes.length,
      }),
    })
    assert.equal(r.status, 200)
    const answer = (await r.json()) as {
      url: string
      fields: Record<string, string>
      key: string
      method: string
    }
    assert.equal(answer.method, 'POST')
    assert.equal(answer.fields.key, answer.key)
    assert.equal(answer.fields['Content-Type'], 'application/zip')
    const policy = JSON.parse(
      Buffer.from(answer.fields.Policy ?? '', 'base64').toString('utf8'),
    ) as { conditions: unknown[] }
    assert.deepEqual(
      policy.conditions.filter((c) => Array.isArray(c)),
      [
        ['eq', '$Content-Type', 'application/zip'],
        ['content-length-range', 1, bytes.length],
      ],
    )
    const data = new FormData()
    for (const [k, v] of Object.entries(answer.fields)) data.append(k, v)
    data.append('file', new Blob([bytes], { type: 'application/zip' }), 'big archive.zip')
    const upload = await fetch(answer.url, { method: 'POST', body: data })
    assert.ok(
      upload.status >= 200 && upload.status < 300,
      `S3 answered ${upload.status}: ${await upload.text()}`,
    )
    const stored = await readBack(answer.key)
    assert.equal(sha256(stored.bytes), sha256(bytes))
  })

  test('presign: too big → 413, wrong type → 415, bad JSON → 400', async () => {
    const ask = (body: string) =>
      fetch(`${alb.url}/upload/presign`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      })
    assert.equal(
      (await ask(JSON.stringify({ name: 'a', contentType: 'text/plain', size: 200 * 1024 * 1024 })))
        .status,
      413,
    )
    assert.equal(
      (await ask(JSON.stringify({ name: 'a', contentType: 'video/mp4', size: 10 }))).status,
      415,
    )
    assert.equal((await ask('{')).status, 400)
  })
})

describe('upload-to-s3 through the local ALB with S3 down', () => {
  let down: TestStack | undefined

  after(async () => {
    await down?.close()
  })

  test('S3 unreachable → 503 with Retry-After, nothing reported stored', async () => {
    const closedPort = await new Promise<number>((ok) => {
      const server = createServer().listen(0, '127.0.0.1', () => {
        const address = server.address()
        server.close(() => ok(typeof address === 'object' && address ? address.port : 1))
      })
    })
    down = await startUploadStack('albkit-upload-down-', {
      s3: false,
      env: localS3Environment(`http://127.0.0.1:${closedPort}`),
    })
    const data = new FormData()
    data.append('file', new Blob([allBytes()], { type: 'application/octet-stream' }), 'a.bin')
    data.append('file', new Blob([allBytes()], { type: 'application/octet-stream' }), 'b.bin')
    const r = await fetch(`${down.alb.url}/upload`, { method: 'POST', body: data })
    assert.equal(r.status, 503)
    assert.equal(r.headers.get('retry-after'), '5')
    const body = (await r.json()) as { error: string; files: FileJson[] }
    assert.match(body.error, /unreachable.*0 of 2/)
    assert.ok(body.files.every((f) => f.status !== 'stored'))
  })
})
