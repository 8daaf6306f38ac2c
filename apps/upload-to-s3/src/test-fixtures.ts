import { createHash } from 'node:crypto'
import type { UploadConfig } from './config.js'
import type { ObjectStore, PutObjectInput } from './store-files.js'

/** Tiny but real file headers for the formats magic-bytes.ts checks. */
export const SAMPLES = {
  png: Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'),
  jpeg: Buffer.from('ffd8ffe000104a464946', 'hex'),
  gif: Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1'),
  webp: Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]),
  pdf: Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
  zip: Buffer.from('504b0304140000000800', 'hex'),
  emptyZip: Buffer.from('504b0506000000000000000000000000000000000000', 'hex'),
}

/** Every byte value 0…255, `repeat` times: the corruption canary. */
export function allBytes(repeat = 1): Buffer {
  return Buffer.concat(
    Array.from({ length: repeat }, () => Buffer.from(Array.from({ length: 256 }, (_, i) => i))),
  )
}

export const testConfig: UploadConfig = {
  bucket: 'test-bucket',
  prefix: 'uploads',
  maxUploadBytes: 700_000,
  maxPresignBytes: 100 * 1024 * 1024,
  maxFiles: 10,
  presignExpiresSeconds: 300,
  allowedTypes: [
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'application/pdf',
    'application/zip',
    'text/plain',
    'application/octet-stream',
  ],
}

/**
 * The ETag S3 gives an object stored by one PutObject without SSE-KMS or SSE-C: the quoted hex
 * MD5 of its bytes (S3 API reference, "Common response headers" → ETag). The store test checks
 * the embedded S3 answers the same, so the fake below stays true to it.
 */
export const s3Etag = (bytes: Uint8Array): string =>
  `"${createHash('md5').update(bytes).digest('hex')}"`

/** Sets environment variables for the length of `run`, then puts back what was there. */
export async function withEnv<T>(
  vars: Readonly<Record<string, string>>,
  run: () => Promise<T>,
): Promise<T> {
  const saved = Object.keys(vars).map((name) => [name, process.env[name]] as const)
  Object.assign(process.env, vars)
  try {
    return await run()
  } finally {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  }
}

/** An in-memory S3: records every put; `fail` decides per call whether (and how) it throws. */
export class FakeStore implements ObjectStore {
  readonly puts: PutObjectInput[] = []
  readonly objects = new Map<string, Buffer>()
  constructor(
    private readonly fail: (input: PutObjectInput, call: number) => unknown = () => undefined,
  ) {}

  async putObject(input: PutObjectInput): Promise<{ ETag?: string }> {
    const call = this.puts.length
    this.puts.push(input)
    const error = this.fail(input, call)
    if (error !== undefined) throw error
    this.objects.set(input.Key, Buffer.from(input.Body))
    return { ETag: s3Etag(input.Body) }
  }
}

/** An error shaped like the SDK's service exceptions. */
export function s3Error(name: string, httpStatusCode?: number): Error {
  return Object.assign(new Error(`${name} from S3`), {
    name,
    $metadata: httpStatusCode === undefined ? {} : { httpStatusCode },
  })
}

/** An error shaped like a refused TCP connection. */
export function networkError(code = 'ECONNREFUSED'): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:1`), { code })
}
