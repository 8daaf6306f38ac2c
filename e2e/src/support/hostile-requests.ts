/**
 * Hostile requests for the load balancer's HTTP front, as raw bytes, grouped by what they try.
 * Every one must get a 4xx or a closed connection (ELB user guide, "Quotas": request line or
 * one header over 16 K, all headers over 64 K → 400; "Troubleshoot": 413, 463, 405 for TRACE).
 */
const headers = (count: number, valueBytes: number) =>
  Array.from({ length: count }, (_, i) => `X-F${i}: ${'v'.repeat(valueBytes)}\r\n`).join('')
const put = (extra: string) =>
  `PUT /upload/x.bin HTTP/1.1\r\nHost: e2e\r\nContent-Type: application/octet-stream\r\n${extra}`
const chunked = put('Transfer-Encoding: chunked\r\n\r\n')

export type HostileGroup =
  | 'invalid request line'
  | 'header flood'
  | 'over the limits'
  | 'broken chunked body'

export const HOSTILE: Array<{
  group: HostileGroup
  label: string
  parts: string[]
  /** a non-4xx status that is the right refusal for this request */
  alsoRefusal?: number[]
}> = [
  { group: 'invalid request line', label: 'garbage', parts: ['GARBAGE\r\n\r\n'] },
  { group: 'invalid request line', label: 'method only', parts: ['GET\r\n\r\n'] },
  {
    group: 'invalid request line',
    label: 'HTTP/9.9',
    parts: ['GET /ip HTTP/9.9\r\nHost: e2e\r\n\r\n'],
    // RFC 9110 §15.6.6: 505 HTTP Version Not Supported
    alsoRefusal: [505],
  },
  {
    group: 'invalid request line',
    label: 'NUL in target',
    parts: ['GET /ip\0 HTTP/1.1\r\nHost: e2e\r\n\r\n'],
  },
  {
    group: 'invalid request line',
    label: 'bad method token',
    parts: ['G<T /ip HTTP/1.1\r\nHost: e2e\r\n\r\n'],
  },
  {
    group: 'invalid request line',
    label: 'relative target',
    parts: ['GET ip HTTP/1.1\r\nHost: e2e\r\n\r\n'],
  },
  { group: 'invalid request line', label: 'no Host', parts: ['GET /ip HTTP/1.1\r\n\r\n'] },
  {
    group: 'invalid request line',
    label: 'TRACE',
    parts: ['TRACE /ip HTTP/1.1\r\nHost: e2e\r\n\r\n'],
  },
  {
    group: 'invalid request line',
    label: 'CONNECT',
    parts: ['CONNECT e2e:443 HTTP/1.1\r\nHost: e2e:443\r\n\r\n'],
  },
  {
    group: 'invalid request line',
    label: 'binary junk',
    parts: [`\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03${'\xff'.repeat(200)}\r\n\r\n`],
  },
  {
    group: 'invalid request line',
    label: 'request line over 16 K',
    parts: [`GET /ip?${'a'.repeat(17_000)} HTTP/1.1\r\nHost: e2e\r\n\r\n`],
  },
  {
    group: 'header flood',
    label: '2,500 headers, 77 KB',
    parts: [`GET /ip HTTP/1.1\r\nHost: e2e\r\n${headers(2500, 22)}\r\n`],
  },
  {
    group: 'header flood',
    label: '10,000 headers, 180 KB',
    parts: [`GET /ip HTTP/1.1\r\nHost: e2e\r\n${headers(10_000, 10)}\r\n`],
  },
  {
    group: 'header flood',
    label: '31 X-Forwarded-For addresses',
    parts: [
      `GET /ip HTTP/1.1\r\nHost: e2e\r\nX-Forwarded-For: ${Array.from({ length: 31 }, (_, i) => `10.0.0.${i}`).join(', ')}\r\n\r\n`,
    ],
  },
  {
    group: 'over the limits',
    label: 'one header over 16 K',
    parts: [`GET /ip HTTP/1.1\r\nHost: e2e\r\nX-Big: ${'b'.repeat(17_000)}\r\n\r\n`],
  },
  {
    group: 'over the limits',
    label: 'headers over 64 K',
    parts: [`GET /ip HTTP/1.1\r\nHost: e2e\r\n${headers(5, 14_000)}\r\n`],
  },
  {
    group: 'over the limits',
    label: 'header without colon',
    parts: ['GET /ip HTTP/1.1\r\nHost: e2e\r\nFoo\r\n\r\n'],
  },
  {
    group: 'over the limits',
    label: 'control byte in a value',
    parts: ['GET /ip HTTP/1.1\r\nHost: e2e\r\nX-A: a\x01b\r\n\r\n'],
  },
  {
    group: 'over the limits',
    label: 'space in a name',
    parts: ['GET /ip HTTP/1.1\r\nHost: e2e\r\nX A: b\r\n\r\n'],
  },
  {
    group: 'over the limits',
    label: 'obsolete line folding',
    parts: ['GET /ip HTTP/1.1\r\nHost: e2e\r\nX-A: a\r\n  b\r\n\r\n'],
  },
  {
    group: 'over the limits',
    label: 'WebSocket upgrade',
    parts: ['GET /ip HTTP/1.1\r\nHost: e2e\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n'],
  },
  {
    group: 'over the limits',
    label: 'Content-Length 2 MB',
    parts: [put('Content-Length: 2000000\r\n\r\n')],
  },
  {
    group: 'over the limits',
    label: 'negative Content-Length',
    parts: [put('Content-Length: -1\r\n\r\n')],
  },
  {
    group: 'over the limits',
    label: 'two Content-Lengths',
    parts: [put('Content-Length: 3\r\nContent-Length: 5\r\n\r\nabcde')],
  },
  {
    group: 'broken chunked body',
    label: 'chunk size not hex',
    parts: [`${chunked}zz\r\nabc\r\n0\r\n\r\n`],
  },
  {
    group: 'broken chunked body',
    label: 'chunk size overflow',
    parts: [`${chunked}FFFFFFFFFFFFFFFFFFFF\r\nabc\r\n`],
  },
  {
    group: 'broken chunked body',
    label: 'chunk without CRLF',
    parts: [`${chunked}3\r\nabcX0\r\n\r\n`],
  },
  {
    group: 'broken chunked body',
    label: 'chunked and Content-Length',
    parts: [put('Content-Length: 3\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n')],
  },
  {
    group: 'broken chunked body',
    label: 'chunked over 1 MB',
    parts: [
      chunked,
      ...Array.from({ length: 11 }, () => `186A0\r\n${'a'.repeat(100_000)}\r\n`),
      '0\r\n\r\n',
    ],
  },
]
