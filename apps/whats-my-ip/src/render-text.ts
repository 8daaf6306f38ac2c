import { type HttpResponse, text } from '@albkit/core'
import type { IpReport } from './report.js'

/**
 * The plain-text answer: the address and a newline, nothing else — made for `curl` and scripts.
 *
 * @example
 * renderText(report).body // → '203.0.113.7\n'
 */
export function renderText(report: IpReport): HttpResponse {
  return text(`${report.address}\n`)
}
