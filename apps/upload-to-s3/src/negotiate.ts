import { negotiate } from '@albkit/core'

const OFFERS = ['application/json', 'text/html'] as const

/**
 * True when content negotiation picks HTML over JSON — a browser's form post does, curl
 * (`*\/*`) and API clients do not (JSON is offered first, so it wins ties), so they keep
 * getting JSON.
 *
 * @example
 * prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*\/*;q=0.8') // true
 * prefersHtml('*\/*') // false
 */
export function prefersHtml(accept: string | undefined): boolean {
  return negotiate(accept, OFFERS) === 'text/html'
}
