/**
 * What the admin server accepts from a browser: a Host naming the loopback (a page on another
 * site that rebinds its DNS name to 127.0.0.1 is refused), and for the one write (replay) a
 * same-origin request with a JSON body type — which a cross-site form cannot send and a
 * cross-site fetch cannot send without a CORS preflight this server never grants. Pure.
 */
import type { IncomingHttpHeaders } from 'node:http'

const LOOPBACK_HOST = /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d{1,5})?$/i

/**
 * @example
 * hostAllowed('127.0.0.1:3001') // true
 * hostAllowed('attacker.example:3001') // false
 */
export function hostAllowed(host: string | undefined): boolean {
  return host !== undefined && host.length <= 64 && LOOPBACK_HOST.test(host)
}

/**
 * Why a write request is refused, or undefined when it may go on.
 * @example
 * writeRefusal({ host: '127.0.0.1:3001', origin: 'http://evil.example', 'content-type': 'application/json' })
 * // 'cross-origin request refused (Origin http://evil.example)'
 */
export function writeRefusal(headers: IncomingHttpHeaders): string | undefined {
  const site = headers['sec-fetch-site']
  if (site !== undefined && site !== 'same-origin')
    return `cross-site request refused (Sec-Fetch-Site ${site})`
  const origin = headers.origin
  if (origin !== undefined && origin !== `http://${headers.host ?? ''}`)
    return `cross-origin request refused (Origin ${origin.slice(0, 200)})`
  const type = (headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase()
  if (type !== 'application/json') return 'send Content-Type: application/json'
  return undefined
}
