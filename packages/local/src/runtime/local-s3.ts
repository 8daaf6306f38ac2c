/**
 * The embedded S3 (s3rver, a real S3-protocol server on the filesystem) and the environment
 * variables every function gets so the AWS SDK talks to it (docs/architecture.md,
 * "Local S3 as the functions see it").
 */
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'

export interface LocalS3 {
  endpoint: string
  env: Record<string, string>
  close(): Promise<void>
}

/** The variables a function needs to reach the local S3. */
export function s3Environment(endpoint: string): Record<string, string> {
  return {
    AWS_ENDPOINT_URL_S3: endpoint,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: 'us-east-1',
    AWS_S3_FORCE_PATH_STYLE: 'true',
    // with the SDK's default checksums s3rver stores the aws-chunked framing inside the object
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
  }
}

/**
 * Start s3rver with the given buckets.
 * @example
 * const s3 = await startLocalS3({ host: '127.0.0.1', port: 0, dir: '.albkit/s3', buckets: ['uploads'] })
 */
export async function startLocalS3(options: {
  host: string
  port: number
  dir: string
  buckets: string[]
}): Promise<LocalS3> {
  mkdirSync(options.dir, { recursive: true })
  // loaded on demand: s3rver pulls in koa, lodash and more, which costs start-up time
  const { default: S3rver } = await import('s3rver')
  const server = new S3rver({
    address: options.host,
    port: options.port,
    directory: options.dir,
    silent: true,
    configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
  })
  const address = (await server.run()) as AddressInfo
  const endpoint = `http://${options.host}:${address.port}`
  return {
    endpoint,
    env: s3Environment(endpoint),
    close: () => server.close(),
  }
}
