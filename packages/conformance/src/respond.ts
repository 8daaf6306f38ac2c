import { type RawResponse, send } from '@albkit/core/testing'

/**
 * Ask the echo function to return `result` (or to throw) and give back what the client got.
 *
 * @example
 * const res = await respond(`${url}/echo`, { statusCode: 204, statusDescription: '204 No Content' })
 */
export function respond(
  url: string,
  result: object | 'throw',
  timeoutMs?: number,
): Promise<RawResponse> {
  const script =
    result === 'throw' ? 'throw' : Buffer.from(JSON.stringify(result)).toString('base64')
  return send(url, {
    headers: { 'x-conformance-result': script },
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  })
}
