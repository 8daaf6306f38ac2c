/**
 * A local S3 (s3rver) that the tests can stop and start again on the same port, to show what the
 * stack does while its storage is gone. @albkit/local's embedded S3 has no stop/restart handle,
 * so the suites run this one and start the balancer with `s3: false` plus the same environment
 * variables the embedded one would give every function (docs/architecture.md, "Local S3 as the
 * functions see it").
 */
import { mkdirSync } from 'node:fs'
import type { Server } from 'node:http'
import { createServer } from 'node:net'
import { localS3ClientConfig, localS3Environment } from '@albkit/local'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import S3rver from 's3rver'

export interface TestS3 {
  readonly endpoint: string
  readonly port: number
  /** the variables every function needs to reach this S3 */
  readonly env: Record<string, string>
  readonly client: S3Client
  readonly running: boolean
  stop(): Promise<void>
  restart(): Promise<void>
  read(bucket: string, key: string): Promise<Buffer>
  keys(bucket: string): Promise<string[]>
  close(): Promise<void>
}

/** A free loopback port (the OS picks it; we release it at once and bind it ourselves). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address !== null ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

/**
 * @example
 * const s3 = await startTestS3({ dir: '/tmp/x/s3', buckets: ['uploads'] })
 * await s3.stop(); await s3.restart(); await s3.close()
 */
export async function startTestS3(options: { dir: string; buckets: string[] }): Promise<TestS3> {
  mkdirSync(options.dir, { recursive: true })
  const port = await freePort()
  const endpoint = `http://127.0.0.1:${port}`
  let server: S3rver | undefined
  const run = async () => {
    const next = new S3rver({
      address: '127.0.0.1',
      port,
      directory: options.dir,
      silent: true,
      configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
    })
    await next.run()
    server = next
  }
  const stop = async () => {
    const current = server
    server = undefined
    if (current === undefined) return
    const http = (current as unknown as { httpServer?: Server }).httpServer
    const closed = current.close()
    http?.closeAllConnections()
    await closed
  }
  await run()
  const client = new S3Client(localS3ClientConfig(endpoint))
  return {
    endpoint,
    port,
    env: localS3Environment(endpoint),
    client,
    get running() {
      return server !== undefined
    },
    stop,
    restart: run,
    async read(bucket, key) {
      const out = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }))
      if (out.Body === undefined) throw new Error(`s3://${bucket}/${key}: no body`)
      return Buffer.from(await out.Body.transformToByteArray())
    },
    async keys(bucket) {
      const keys: string[] = []
      let token: string | undefined
      for (let page = 0; page < 1000; page++) {
        const out = await client.send(
          new ListObjectsV2Command({ Bucket: bucket, ContinuationToken: token }),
        )
        for (const item of out.Contents ?? []) if (item.Key !== undefined) keys.push(item.Key)
        token = out.NextContinuationToken
        if (token === undefined) break
      }
      return keys
    },
    async close() {
      client.destroy()
      await stop()
    },
  }
}
