/**
 * The ALB's own error responses: a small HTML page and `Server: awselb/2.0`
 * (ELB user guide, "Troubleshoot your Application Load Balancers").
 */
import { reasonPhrase } from '@albkit/core'

/**
 * The HTML body the ALB sends with its own error responses.
 * @example
 * errorPageBody(502) // '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>'
 */
export function errorPageBody(statusCode: number): string {
  const title = `${statusCode} ${reasonPhrase(statusCode)}`
  return `<html><head><title>${title}</title></head><body><center><h1>${title}</h1></center></body></html>\r\n`
}

/** The raw HTTP/1.1 bytes of an error response, for sockets that have no ServerResponse. */
export function rawErrorResponse(statusCode: number): string {
  const body = errorPageBody(statusCode)
  return [
    `HTTP/1.1 ${statusCode} ${reasonPhrase(statusCode)}`,
    'Server: awselb/2.0',
    `Date: ${new Date().toUTCString()}`,
    'Content-Type: text/html',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n')
}
