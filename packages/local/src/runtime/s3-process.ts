/**
 * The entry of the embedded S3's own process (built to dist/s3-process.mjs): s3rver serving one
 * directory on one port. It runs apart from the load balancer so that nothing a client sends to
 * S3 can take the listener or the admin port down (issue 14, finding 1: one malformed multipart
 * POST crashed s3rver 3.7.1's dicer and with it the whole `albkit dev` process). The parent
 * (local-s3.ts) restarts it when it dies.
 */
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import type { S3ProcessMessage, S3ProcessOptions } from './s3-process-protocol.js'

function send(message: S3ProcessMessage, then?: () => void): void {
  process.send?.(message, undefined, {}, () => then?.())
}

const options = JSON.parse(process.argv[2] ?? '{}') as S3ProcessOptions
mkdirSync(options.dir, { recursive: true })
// loaded on demand: s3rver pulls in koa, lodash and more
const { default: S3rver } = await import('@20minutes/s3rver')
const server = new S3rver({
  address: options.host,
  port: options.port,
  directory: options.dir,
  silent: true,
  // the fork verifies SigV4 signatures but computes a bucket's canonical URI without the trailing
  // slash the AWS SDK signs (`GET /bucket/?list-type=2` → SignatureDoesNotMatch); s3rver 3.7.1
  // checked only the access key id, which is what this keeps
  allowMismatchedSignatures: true,
  configureBuckets: options.buckets.map((name) => ({ name, configs: [] })),
})
try {
  const address = (await server.run()) as AddressInfo
  send({ type: 'listening', port: address.port })
} catch (err) {
  const { code, message } = err as NodeJS.ErrnoException
  send({ type: 'failed', code, message }, () => process.exit(1))
}

// the parent asks to stop, or is gone (its IPC channel closed): release the port and end
const stop = () => {
  server.httpServer?.closeAllConnections()
  void server.close().finally(() => process.exit(0))
}
process.on('message', (message: { type?: string }) => {
  if (message.type === 'stop') stop()
})
process.on('disconnect', stop)
