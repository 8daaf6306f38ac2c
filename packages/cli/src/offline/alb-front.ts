/**
 * A thin HTTP front before serverless-offline: it adds the headers the ALB adds (which
 * serverless-offline does not) and passes everything else through unchanged, both ways.
 */
import { createServer, request, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { forwardedHeaders } from './forwarded-headers.js'

/** A running front. */
export interface AlbFront {
  url: string
  port: number
  close(): Promise<void>
}

/** Header pairs from Node's flat `rawHeaders` list, names lower-cased. */
function pairs(raw: string[]): Array<[string, string]> {
  const out: Array<[string, string]> = []
  for (let i = 0; i + 1 < raw.length; i += 2)
    out.push([(raw[i] ?? '').toLowerCase(), raw[i + 1] ?? ''])
  return out
}

/** Pairs → the record `http.request` takes (a repeated header becomes an array). */
function record(list: Array<[string, string]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [name, value] of list) {
    const seen = out[name]
    out[name] = seen === undefined ? value : [...(Array.isArray(seen) ? seen : [seen]), value]
  }
  return out
}

/**
 * Listen on 127.0.0.1:`port` (0 = any free port) and forward every request to `upstream`
 * (serverless-offline's ALB port). An unreachable upstream answers 502 with the reason.
 *
 * @example
 * const front = await startAlbFront({ port: 3000, upstream: 'http://127.0.0.1:41234' })
 */
export async function startAlbFront(options: {
  port: number
  upstream: string
}): Promise<AlbFront> {
  const target = new URL(options.upstream)
  let listening = options.port
  const server: Server = createServer((req, res) => {
    const headers = forwardedHeaders(pairs(req.rawHeaders), {
      peer: req.socket.remoteAddress ?? '127.0.0.1',
      port: listening,
      proto: 'http',
    })
    const upstream = request(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.url,
        headers: record(headers),
        agent: false,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.rawHeaders)
        // serverless-offline dying mid-answer: cut the client's connection, keep serving others
        answer.on('error', () => res.destroy())
        answer.pipe(res)
      },
    )
    // a client that goes away mid-request: drop the upstream request too
    req.on('error', () => upstream.destroy())
    res.on('close', () => {
      if (!res.writableFinished) upstream.destroy()
    })
    upstream.on('error', (error) => {
      if (res.headersSent) return res.destroy()
      res.writeHead(502, { 'content-type': 'text/plain; charset=utf-8' })
      res.end(`serverless-offline did not answer: ${error.message}\n`)
    })
    req.pipe(upstream)
  })
  await new Promise<void>((done, fail) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      fail(
        error.code === 'EADDRINUSE'
          ? new Error(`port ${options.port} is already in use (pass --port <n>)`)
          : error,
      ),
    )
    server.listen(options.port, '127.0.0.1', () => done())
  })
  listening = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${listening}`,
    port: listening,
    close: () =>
      new Promise((done) => {
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}
