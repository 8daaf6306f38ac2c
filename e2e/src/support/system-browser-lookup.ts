/**
 * The real machine behind {@link findBrowser}: PATH lookup, file checks, Playwright's cache and
 * installers run with a bound (10 minutes: a Chromium download is ~80 MB).
 */
import { spawnSync } from 'node:child_process'
import { accessSync, constants, existsSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, dirname, join } from 'node:path'
import { chromium } from 'playwright-core'
import type { BrowserSystem } from './find-browser.js'

const INSTALL_TIMEOUT_MS = 10 * 60_000

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK)
    return statSync(path).isFile()
  } catch {
    return false
  }
}

function which(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir === '') continue
    const path = join(dir, command)
    if (executable(path)) return path
  }
  return undefined
}

/**
 * @example
 * const { path, source } = findBrowser(systemBrowserLookup())
 */
export function systemBrowserLookup(): BrowserSystem {
  const pkg = createRequire(import.meta.url).resolve('playwright-core/package.json')
  return {
    env: process.env,
    which,
    executable,
    playwrightChromium: () => chromium.executablePath(),
    playwrightCli: join(dirname(pkg), 'cli.js'),
    debian: existsSync('/etc/debian_version') && which('apt-get') !== undefined,
    root: process.getuid?.() === 0,
    run(command, args) {
      const result = spawnSync(command, args, {
        stdio: ['ignore', 'inherit', 'inherit'],
        timeout: INSTALL_TIMEOUT_MS,
        env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
      })
      return result.status === 0
    },
    log: (line) => console.log(`[e2e] browser: ${line}`),
  }
}
