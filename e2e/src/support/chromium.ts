/**
 * Debian's Chromium driven by playwright-core, as the browser suites use it: a fresh profile,
 * headless, no background traffic, and every CSP violation turned into a console error.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium, type Page } from 'playwright-core'

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface Browser {
  context: BrowserContext
  close(): Promise<void>
}

/**
 * @example
 * const browser = await launchChromium()
 * const page = await browser.context.newPage()
 * await browser.close()
 */
export async function launchChromium(): Promise<Browser> {
  const profile = await mkdtemp(join(tmpdir(), 'albkit-chromium-'))
  // a persistent context is the way to give Chromium its own fresh --user-data-dir
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  // CSP violations are reported to the page as events; turn each into a console error
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI}`)
    })
  })
  return {
    context,
    async close() {
      await context.close()
      await rm(profile, { recursive: true, force: true })
    },
  }
}

/**
 * Collect a page's console errors, CSP violations, page errors and HTTP errors into `sink`.
 * @example
 * const problems: string[] = []
 * watchProblems(page, problems)
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
