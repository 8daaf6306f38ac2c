/**
 * Chromium for a browser test, the way every e2e browser suite starts it: found or installed by
 * {@link findBrowser}, headless, no sandbox (containers run as root), no background traffic, a
 * fresh profile (`--user-data-dir`) removed on close, and every CSP violation turned into a
 * console error (see watch-problems.ts).
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'
import { figure } from './figures.js'
import { findBrowser } from './find-browser.js'
import { systemBrowserLookup } from './system-browser-lookup.js'

export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
] as const

export interface LaunchedBrowser {
  context: BrowserContext
  close(): Promise<void>
}

/**
 * @example
 * const browser = await launchBrowser()
 * try { await (await browser.context.newPage()).goto(url) } finally { await browser.close() }
 */
export async function launchBrowser(): Promise<LaunchedBrowser> {
  const found = findBrowser(systemBrowserLookup())
  figure('browser-found', { path: found.path, source: found.source })
  const profile = await mkdtemp(join(tmpdir(), 'albkit-chromium-'))
  try {
    // a persistent context is the way to give Chromium its own fresh --user-data-dir
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: found.path,
      headless: true,
      args: [...CHROMIUM_FLAGS],
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
  } catch (error) {
    await rm(profile, { recursive: true, force: true })
    throw error
  }
}
