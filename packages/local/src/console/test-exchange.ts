/** A captured exchange for the console's unit tests: a forwarded GET /, changed by `over`. */
import type { CapturedExchange } from './captured-exchange.js'

/**
 * @example
 * const c = testExchange({ errorReason: 'LambdaUnhandled' })
 */
export function testExchange(over: Partial<CapturedExchange> = {}): CapturedExchange {
  const empty = { size: 0, bytes: new Uint8Array(0) }
  return {
    id: 1,
    time: 0,
    durationMs: 0,
    request: {
      method: 'GET',
      target: '/',
      httpVersion: '1.1',
      rawHeaders: [],
      peerIp: '127.0.0.1',
      peerPort: 1,
      body: empty,
    },
    actions: ['forward'],
    response: { statusCode: 200, statusMessage: 'OK', headers: [], body: empty, own: false },
    logs: [],
    ...over,
  }
}
