/**
 * The local S3 of @albkit/local (its own supervised process, `localS3Control`) with a handle the
 * tests can stop and start again on the same port, to show what the stack does while its storage
 * is gone. The suites start the balancer with `s3: false` plus the same environment variables the
 * embedded one would give every function (docs/architecture.md, "Local S3 as the functions see it").
 */
import { localS3ClientConfig, localS3Control, localS3Environment } from '@albkit/local'
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'

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

/**
 * @example
 * const s3 = await startTestS3({ dir: '/tmp/x/s3', buckets: ['uploads'] })
 * await s3.stop(); await s3.restart(); await s3.close()
 */
export async function startTestS3(options: { dir: string; buckets: string[] }): Promise<TestS3> {
  const control = await localS3Control({ host: '127.0.0.1', port: 0, ...options })
  const endpoint = control.endpoint
  const port = Number(new URL(endpoint).port)
  const stop = () => control.stop()
  const client = new S3Client(localS3ClientConfig(endpoint))
  return {
    endpoint,
    port,
    env: localS3Environment(endpoint),
    client,
    get running() {
      return control.running
    },
    stop,
    restart: () => control.start(),
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
