/**
 * Header names the ALB does not honour in a Lambda result (hop-by-hop, RFC 9110 §7.6.1) plus
 * `content-length`, which the balancer computes itself (ELB user guide, "Lambda functions as
 * targets"). Lower-case.
 * @example
 * HOP_BY_HOP_HEADERS.has('transfer-encoding') // true
 */
export const HOP_BY_HOP_HEADERS: ReadonlySet<string> = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
])

// Words whose conventional spelling is not simple capitalisation.
const SPECIAL_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    etag: 'ETag',
    www: 'WWW',
    md5: 'MD5',
    te: 'TE',
    dnt: 'DNT',
    xss: 'XSS',
    ua: 'UA',
    dns: 'DNS',
    websocket: 'WebSocket',
  }),
)
// Whole names with an irregular spelling.
const SPECIAL_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    'x-amzn-trace-id': 'X-Amzn-Trace-Id',
    'x-amzn-requestid': 'X-Amzn-RequestId',
  }),
)

const cache = new Map<string, string>()
const CACHE_LIMIT = 2000

function spell(lower: string): string {
  const special = SPECIAL_NAMES.get(lower)
  if (special !== undefined) return special
  const words = lower.split('-')
  for (let i = 0; i < words.length; i++) {
    const w = words[i] ?? ''
    words[i] = SPECIAL_WORDS.get(w) ?? (w.length === 0 ? w : w[0]?.toUpperCase() + w.slice(1))
  }
  return words.join('-')
}

/**
 * The conventional spelling of a header name. Some local emulators (serverless-offline) crash
 * on a lower-case `content-type` in a result, so albkit always emits canonical names.
 * @example
 * canonicalHeaderName('content-type') // 'Content-Type'
 * canonicalHeaderName('etag')         // 'ETag'
 * canonicalHeaderName('www-authenticate') // 'WWW-Authenticate'
 */
export function canonicalHeaderName(name: string): string {
  let c = cache.get(name)
  if (c === undefined) {
    c = spell(name.toLowerCase())
    if (cache.size < CACHE_LIMIT) cache.set(name, c)
  }
  return c
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/
const UNSAFE = /[\r\n\0]/

/**
 * Whether a header name is an RFC 9110 token (§5.1): what a response may carry.
 * @example
 * isHeaderName('X-Value') // true
 * isHeaderName('Bad Name') // false
 */
export function isHeaderName(name: string): boolean {
  return TOKEN.test(name)
}

/**
 * Whether a header value or status text holds CR, LF or NUL (response splitting, RFC 9110 §5.5).
 * @example
 * hasLineBreak('a\r\nSet-Cookie: x') // true
 */
export function hasLineBreak(value: string): boolean {
  return UNSAFE.test(value)
}

/**
 * The bytes one header line takes in a response head: `Name: value\r\n` in UTF-8. The 32 KB
 * limit on response headers (ELB user guide, "Quotas") is counted with this, once, everywhere.
 * @example
 * headerLineBytes('A', 'b') // 6
 */
export function headerLineBytes(name: string, value: string): number {
  return Buffer.byteLength(name) + Buffer.byteLength(value) + 4
}
