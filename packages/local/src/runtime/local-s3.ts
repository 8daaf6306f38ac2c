/**
 * The embedded S3 (s3rver, a real S3-protocol server on the filesystem) and the environment
 * variables every function gets so the AWS SDK talks to it (docs/architecture.md,
 * "Local S3 as the functions see it").
 */
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { localS3Environment } from '../local-s3-client-config.js'

export interface LocalS3 {
  endpoint: string
  env: Record<string, string>
  close(): Promise<void>
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
    env: localS3Environment(endpoint),
    close: () => server.close(),
  }
}

/** Control of the embedded S3 (same port and data directory across stop/start). */
export interface LocalS3Control {
  endpoint: string
  /** whether s3rver is serving now */
  readonly running: boolean
  /** stop serving (data stays on disk); resolves when the port is released */
  stop(): Promise<void>
  /** serve again on the same port and directory (no-op when running) */
  start(): Promise<void>
}

/**
 * Start s3rver and return a handle that can stop it and start it again on the same port and
 * directory (tests of S3 outages; the e2e suite). A port in use is a clear error.
 * @example
 * const s3 = await localS3Control({ host: '127.0.0.1', port: 0, dir: '.albkit/s3', buckets: [] })
 * await s3.stop(); await s3.start()
 */
export async function localS3Control(options: {
  host: string
  port: number
  dir: string
  buckets: string[]
}): Promise<LocalS3Control> {
  const startOn = (port: number) =>
    startLocalS3({ ...options, port }).catch((err: NodeJS.ErrnoException) => {
      throw err.code === 'EADDRINUSE'
        ? new Error(`local S3: port ${port} is already in use (use another S3 port or turn S3 off)`)
        : err
    })
  let current: LocalS3 | undefined = await startOn(options.port)
  const endpoint = current.endpoint
  // the port actually bound (options.port may be 0): a restart reuses it so the functions'
  // AWS_ENDPOINT_URL_S3 stays right
  const port = Number(new URL(endpoint).port)
  let transition: Promise<void> = Promise.resolve()
  const serial = (step: () => Promise<void>) => {
    transition = transition.then(step, step)
    return transition
  }
  return {
    endpoint,
    get running() {
      return current !== undefined
    },
    stop: () =>
      serial(async () => {
        const s3 = current
        current = undefined
        await s3?.close()
      }),
    start: () =>
      serial(async () => {
        current ??= await startOn(port)
      }),
  }
}
