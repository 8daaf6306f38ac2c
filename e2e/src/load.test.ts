/**
 * Load with integrity: 500 uploads of random binary files (1 byte to just under the app's limit,
 * several in flight, multipart and raw PUT) through the local load balancer into the local S3.
 * Every upload is valid, so every one must be answered 201 and stored with the same SHA-256:
 * stored = sent. Over-limit uploads mixed in must each be a clear 413; nothing may be lost.
 */
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { figure, pool, prng } from './support/figures.js'
import { type Stack, startStack } from './support/stack.js'

const UPLOADS = 500
const IN_FLIGHT = 6
/** MAX_UPLOAD_BYTES in templates/sam/upload-to-s3.yaml: file bytes per request */
const LIMIT = 700_000
const SEED = Number(process.env.E2E_SEED ?? 20261121)
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')

type Outcome =
  | { kind: 'verified'; bytes: number }
  | { kind: 'refused'; status: number; error: string }
  | { kind: 'lost'; why: string }

interface StoredFile {
  key: string
  size: number
  sha256: string
  status: string
}

let stack: Stack
before(async () => {
  stack = await startStack()
})
after(() => stack?.close())

/** Sizes: the edges, then half uniform over the whole range and half log-uniform (small files). */
function sizeOf(i: number, random: () => number): number {
  if (i === 0) return 1
  if (i === 1) return LIMIT - 1
  const size =
    i % 4 < 2
      ? Math.floor(random() * (LIMIT - 1)) + 1
      : Math.floor(Math.exp(random() * Math.log(LIMIT - 1)))
  return Math.min(LIMIT - 1, Math.max(1, size))
}

async function upload(i: number, bytes: Buffer): Promise<Response> {
  const signal = AbortSignal.timeout(60_000)
  const body = new Uint8Array(
    bytes.buffer,
    bytes.byteOffset,
    bytes.length,
  ) as Uint8Array<ArrayBuffer>
  if (i % 2 === 0) {
    return fetch(`${stack.alb.url}/upload/load-${i}.bin`, {
      method: 'PUT',
      body,
      headers: { 'content-type': 'application/octet-stream' },
      signal,
    })
  }
  const form = new FormData()
  form.append('file', new Blob([body], { type: 'application/octet-stream' }), `load-${i}.bin`)
  return fetch(`${stack.alb.url}/upload`, { method: 'POST', body: form, signal })
}

async function check(i: number, bytes: Buffer, bucket: string): Promise<Outcome> {
  let response: Response
  try {
    response = await upload(i, bytes)
  } catch (error) {
    return { kind: 'lost', why: `#${i}: no answer (${(error as Error).message})` }
  }
  const text = await response.text()
  if (response.status !== 201) {
    if (response.status < 400) return { kind: 'lost', why: `#${i}: ${response.status} ${text}` }
    const error = (JSON.parse(text) as { error?: unknown }).error
    if (typeof error !== 'string' || error.length < 5)
      return { kind: 'lost', why: `#${i}: ${response.status} without a clear reason: ${text}` }
    return { kind: 'refused', status: response.status, error }
  }
  const file = (JSON.parse(text) as { files: StoredFile[] }).files[0]
  const expected = sha256(bytes)
  if (file?.status !== 'stored' || file.sha256 !== expected || file.size !== bytes.length)
    return { kind: 'lost', why: `#${i}: 201 but reported ${JSON.stringify(file)}` }
  const stored = await stack.s3.read(bucket, file.key).catch(() => undefined)
  if (stored === undefined) return { kind: 'lost', why: `#${i}: 201 but ${file.key} is missing` }
  if (sha256(stored) !== expected)
    return { kind: 'lost', why: `#${i}: ${file.key} stored ${stored.length} bytes, other content` }
  return { kind: 'verified', bytes: bytes.length }
}

describe('load with integrity', () => {
  test(`${UPLOADS} valid uploads, ${IN_FLIGHT} in flight: stored = sent, byte for byte`, async () => {
    const bucket = stack.bucket('UploadBucket')
    const random = prng(SEED)
    const sizes = Array.from({ length: UPLOADS }, (_, i) => sizeOf(i, random))
    const started = Date.now()
    const outcomes = await pool(UPLOADS, IN_FLIGHT, (i) =>
      check(i, randomBytes(sizes[i] ?? 1), bucket),
    )
    const seconds = (Date.now() - started) / 1000
    const count = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind).length
    const verified = count('verified')
    const refused = outcomes.filter((o) => o.kind === 'refused')
    const lost = outcomes.filter((o) => o.kind === 'lost')
    const keys = (await stack.s3.keys(bucket)).filter((k) => k.startsWith('uploads/'))
    const bytes = outcomes.reduce((sum, o) => sum + (o.kind === 'verified' ? o.bytes : 0), 0)
    figure('uploads', {
      sent: UPLOADS,
      stored: keys.length,
      verified,
      refused: refused.length,
      lost: lost.length,
      seed: SEED,
      mb: (bytes / 1e6).toFixed(1),
      seconds: seconds.toFixed(1),
    })
    assert.deepEqual(
      lost.map((o) => (o.kind === 'lost' ? o.why : '')),
      [],
    )
    // every size is below the limit, so every upload is valid: each must be stored, none refused
    // (a run where the app refuses them all must fail here, not pass on "nothing lost")
    assert.deepEqual(
      refused.map((o) => (o.kind === 'refused' ? `${o.status} ${o.error}` : '')),
      [],
    )
    assert.equal(verified, UPLOADS, 'every valid upload stored and read back byte for byte')
    assert.equal(keys.length, UPLOADS, 'the bucket holds exactly one object per upload sent')
  })

  test('over the limit, in flight with valid uploads: every one a clear 413, nothing stored', async () => {
    const bucket = stack.bucket('UploadBucket')
    const before = (await stack.s3.keys(bucket)).length
    const random = prng(SEED + 1)
    // odd: one over the limit (app's JSON 413, below the balancer's 1 MB); even: a valid one
    const outcomes = await pool(40, IN_FLIGHT, (i) => {
      const size =
        i % 2 === 1 ? LIMIT + 1 + Math.floor(random() * 250_000) : 1 + Math.floor(random() * 9999)
      return check(i, randomBytes(size), bucket)
    })
    const refused = outcomes.filter((o) => o.kind === 'refused')
    const verified = outcomes.filter((o) => o.kind === 'verified').length
    const lost = outcomes.filter((o) => o.kind === 'lost')
    figure('over-limit', { sent: 40, verified, refused: refused.length, lost: lost.length })
    assert.deepEqual(lost, [])
    assert.equal(verified, 20)
    assert.equal(refused.length, 20)
    for (const o of refused) {
      assert.ok(o.kind === 'refused')
      assert.equal(o.status, 413)
      assert.match(o.error, /limit|max/i)
    }
    assert.equal((await stack.s3.keys(bucket)).length, before + 20)
  })
})
