/**
 * What the browser suites count as a page's problems: console errors (CSP violations included,
 * see launch-browser.ts), uncaught page errors and HTTP errors.
 */
import type { Page } from 'playwright-core'

/**
 * Collect a page's console errors, CSP violations, page errors and HTTP errors into `sink`.
 * @example
 * const problems: string[] = []
 * watchProblems(await browser.context.newPage(), problems)
 */
export function watchProblems(page: Page, sink: string[]): void {
  page.on('console', (m) => {
    // the browser's own /favicon.ico request (404 from the listener's default rule) is not a page's
    if (m.location().url.endsWith('/favicon.ico')) return
    if (m.type() === 'error' || /Content Security Policy|CSP violation/i.test(m.text()))
      sink.push(`${page.url()}: console ${m.type()}: ${m.text()}`)
  })
  page.on('pageerror', (e) => sink.push(`${page.url()}: page error: ${e.message}`))
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/favicon.ico'))
      sink.push(`${r.url()}: HTTP ${r.status()}`)
  })
}
