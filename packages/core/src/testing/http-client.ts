/**
 * A minimal HTTP client for tests of a load balancer (the conformance suite, @albkit/local's
 * tests): any method, repeated headers, any `Host`, raw bytes back, no connection reuse.
 */
import { request } from 'node:http'

export interface RawResponse {
  status: number
  /** the reason phrase of the status line */
  statusMessage: string
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/**
 * @example
 * const res = await send('http://127.0.0.1:3000/echo?a=1', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hi' })
 * const raw = await send('http://127.0.0.1:3000', { path: '/ip?q="><script>' })
 */
export function send(
  url: string,
  init: {
    method?: string
    headers?: Record<string, string | string[]>
    body?: string | Buffer
    timeoutMs?: number
    /**
     * The request target sent as written, in place of the URL's path and query: no URL parsing,
     * so raw `<`, `"` or `..` reach the server as a hostile client sends them.
     */
    path?: string
  } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      // 64 KB: room to observe a response whose headers exceed the ALB's 32 KB limit
      {
        method: init.method ?? 'GET',
        headers: init.headers,
        agent: false,
        maxHeaderSize: 65_536,
        ...(init.path === undefined ? {} : { path: init.path }),
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            statusMessage: res.statusMessage ?? '',
            headers: res.headers,
            body: Buffer.concat(chunks),
          }),
        )
        res.on('error', reject)
      },
    )
    req.setTimeout(init.timeoutMs ?? 15_000, () => req.destroy(new Error(`no answer from ${url}`)))
    req.on('error', reject)
    req.end(init.body)
  })
}
