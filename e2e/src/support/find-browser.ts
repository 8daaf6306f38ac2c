/**
 * A Chromium for the browser tests, found or installed by the test command itself (issue 17,
 * item 1: `pnpm test` on a fresh machine must not depend on a browser installed by hand).
 * Order: `CHROMIUM_PATH`; an installed Chromium or Chrome; Playwright's cache; then install one
 * the way the platform allows — Debian's `chromium` package via apt-get when running as root on
 * Debian, else Playwright's own download — and if every way fails, one line saying what to
 * install. Never a silent skip.
 */

/** What the search needs from the machine (injected in tests). */
export interface BrowserSystem {
  env: Record<string, string | undefined>
  /** absolute path of an executable on PATH, or undefined */
  which(command: string): string | undefined
  /** an executable file at this path */
  executable(path: string): boolean
  /** where Playwright keeps (or would download) its Chromium */
  playwrightChromium(): string
  /** playwright-core's command-line script (its `install chromium` downloads the browser) */
  playwrightCli: string
  /** Debian or a derivative (apt-get and /etc/debian_version) */
  debian: boolean
  root: boolean
  /** run an installer; true when it exited 0 */
  run(command: string, args: string[]): boolean
  log(line: string): void
}

/** Where the browser came from. */
export type BrowserSource =
  | 'CHROMIUM_PATH'
  | 'installed'
  | 'playwright-cache'
  | 'apt-get'
  | 'playwright-download'

export interface FoundBrowser {
  path: string
  source: BrowserSource
}

/** Commands that start Chromium or Chrome, in order of preference. */
export const BROWSER_COMMANDS = [
  'chromium',
  'chromium-browser',
  'google-chrome-stable',
  'google-chrome',
  'chrome',
] as const

/** Installed apps outside PATH (macOS). */
export const BROWSER_PATHS = [
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
] as const

/** The one line shown when nothing works. */
export const NO_BROWSER =
  'no Chromium or Chrome found and none could be installed: install one (Debian/Ubuntu: `sudo apt-get install chromium`; elsewhere: `pnpm --filter @albkit/e2e exec playwright-core install chromium`) or set CHROMIUM_PATH to its executable'

function installed(system: BrowserSystem): FoundBrowser | undefined {
  for (const command of BROWSER_COMMANDS) {
    const path = system.which(command)
    if (path !== undefined) return { path, source: 'installed' }
  }
  for (const path of BROWSER_PATHS)
    if (system.executable(path)) return { path, source: 'installed' }
  const cached = system.playwrightChromium()
  if (system.executable(cached)) return { path: cached, source: 'playwright-cache' }
  return undefined
}

/** One way to install a browser: when it applies, and how. */
interface Installer {
  source: 'apt-get' | 'playwright-download'
  applies(system: BrowserSystem): boolean
  install(system: BrowserSystem): boolean
}

const INSTALLERS: readonly Installer[] = [
  {
    // Debian's own package brings the shared libraries Chromium needs (Playwright's download does not)
    source: 'apt-get',
    applies: (s) => s.debian && s.root,
    install: (s) =>
      s.run('apt-get', ['update', '-qq']) &&
      s.run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'chromium']),
  },
  {
    source: 'playwright-download',
    applies: () => true,
    install: (s) => s.run(process.execPath, [s.playwrightCli, 'install', 'chromium']),
  },
]

/**
 * Find a Chromium, installing one if none is there; throws an Error with {@link NO_BROWSER}
 * when every way failed.
 *
 * @example
 * const { path } = findBrowser(systemBrowserLookup())
 * await chromium.launch({ executablePath: path })
 */
export function findBrowser(system: BrowserSystem): FoundBrowser {
  const chosen = system.env.CHROMIUM_PATH
  if (chosen !== undefined && chosen !== '') {
    if (system.executable(chosen)) return { path: chosen, source: 'CHROMIUM_PATH' }
    throw new Error(`CHROMIUM_PATH=${chosen} is not an executable file`)
  }
  const found = installed(system)
  if (found !== undefined) return found
  for (const installer of INSTALLERS) {
    if (!installer.applies(system)) continue
    system.log(`no browser found: installing one with ${installer.source}`)
    const ok = installer.install(system)
    // look again even after a failure: a parallel run may have installed one meanwhile
    const now = installed(system)
    if (now !== undefined) return { path: now.path, source: installer.source }
    system.log(`${installer.source} ${ok ? 'ran but no browser appeared' : 'failed'}`)
  }
  throw new Error(NO_BROWSER)
}
