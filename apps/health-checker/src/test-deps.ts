// Real local dependencies for the tests (not part of the bundle): all bind 127.0.0.1, port 0.
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer as createHttpServer, type Server } from 'node:http'
import { createServer as createTcpServer, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'

function portOf(server: { address(): unknown }): number {
  const address = server.address()
  if (typeof address !== 'object' || address === null || !('port' in address)) {
    throw new Error('server has no port')
  }
  return Number(address.port)
}

/** An HTTP dependency: `/ok` → 200, `/fail` → 500; counts requests; can stop and start again on the same port. */
export interface TestHttpDependency {
  readonly url: string
  readonly port: number
  hits(): number
  stop(): Promise<void>
  start(): Promise<void>
}

export async function startHttpDependency(): Promise<TestHttpDependency> {
  let hits = 0
  let server: Server | undefined
  let port = 0
  const listen = async () => {
    const s = createHttpServer((req, res) => {
      hits++
      res.writeHead(req.url === '/fail' ? 500 : 200, { 'content-type': 'text/plain' })
      res.end('pong')
    })
    await new Promise<void>((resolve, reject) => {
      s.once('error', reject)
      s.listen(port, '127.0.0.1', () => resolve())
    })
    port = portOf(s)
    server = s
  }
  await listen()
  return {
    get url() {
      return `http://127.0.0.1:${port}`
    },
    get port() {
      return port
    },
    hits: () => hits,
    async stop() {
      const s = server
      server = undefined
      if (!s) return
      s.closeAllConnections()
      await new Promise<void>((resolve) => s.close(() => resolve()))
    },
    start: listen,
  }
}

/** A TCP listener that accepts every connection and never sends a byte. */
export async function startSilentListener(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const server = createTcpServer((socket) => {
    sockets.add(socket)
    socket.on('error', () => undefined)
    socket.on('close', () => sockets.delete(socket))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  return {
    port: portOf(server),
    async close() {
      for (const socket of sockets) socket.destroy()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** s3rver (the same local S3 @albkit/local embeds) with one bucket; `env` is what a function sees. */
export async function startLocalS3(bucket: string): Promise<{
  env: Record<string, string>
  close(): Promise<void>
}> {
  const directory = await mkdtemp(join(tmpdir(), 'health-s3-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  })
  const { port } = await server.run()
  return {
    env: {
      AWS_ENDPOINT_URL_S3: `http://127.0.0.1:${port}`,
      AWS_ACCESS_KEY_ID: 'S3RVER',
      AWS_SECRET_ACCESS_KEY: 'S3RVER',
      AWS_REGION: 'us-east-1',
      AWS_S3_FORCE_PATH_STYLE: 'true',
    },
    async close() {
      await server.close()
      await rm(directory, { recursive: true, force: true })
    },
  }
}
