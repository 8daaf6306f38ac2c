import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { type BrowserSystem, findBrowser, NO_BROWSER } from './find-browser.js'

const CACHE = '/home/me/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome'

/**
 * A machine with the given executables; an installer "installs" by adding files. Records every
 * command run and every line logged.
 */
function machine(
  options: {
    files?: string[]
    onPath?: Record<string, string>
    debian?: boolean
    root?: boolean
    env?: Record<string, string>
    /** what each installer does: the files it adds, or false when it fails */
    apt?: string[] | false
    playwright?: string[] | false
  } = {},
) {
  const files = new Set(options.files ?? [])
  const onPath = new Map(Object.entries(options.onPath ?? {}))
  const ran: string[] = []
  const logged: string[] = []
  const system: BrowserSystem = {
    env: options.env ?? {},
    which: (command) => onPath.get(command),
    executable: (path) => files.has(path),
    playwrightChromium: () => CACHE,
    playwrightCli: '/repo/node_modules/playwright-core/cli.js',
    debian: options.debian ?? false,
    root: options.root ?? false,
    run(command, args) {
      ran.push([command, ...args].join(' '))
      const apt = command === 'apt-get'
      const outcome = apt ? options.apt : options.playwright
      if (outcome === undefined || outcome === false) return false
      if (apt && args[0] === 'update') return true
      for (const f of outcome) {
        files.add(f)
        if (f === '/usr/bin/chromium') onPath.set('chromium', f)
      }
      return true
    },
    log: (line) => logged.push(line),
  }
  return { system, ran, logged }
}

describe('findBrowser: one that is there', () => {
  test('CHROMIUM_PATH wins when it is an executable', () => {
    const { system, ran } = machine({
      env: { CHROMIUM_PATH: '/opt/chrome/chrome' },
      files: ['/opt/chrome/chrome'],
      onPath: { chromium: '/usr/bin/chromium' },
    })
    assert.deepEqual(findBrowser(system), { path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' })
    assert.deepEqual(ran, [])
  })

  test('a CHROMIUM_PATH that is not there is an error, not a fallback', () => {
    const { system } = machine({ env: { CHROMIUM_PATH: '/nope' }, onPath: { chromium: '/x' } })
    assert.throws(() => findBrowser(system), /CHROMIUM_PATH=\/nope is not an executable/)
  })

  test('chromium on PATH before Chrome; nothing is installed', () => {
    const { system, ran } = machine({
      onPath: { 'google-chrome': '/usr/bin/google-chrome', chromium: '/usr/bin/chromium' },
      debian: true,
      root: true,
      apt: ['/usr/bin/chromium'],
    })
    assert.deepEqual(findBrowser(system), { path: '/usr/bin/chromium', source: 'installed' })
    assert.deepEqual(ran, [])
  })

  test('Chrome on PATH when there is no chromium', () => {
    const { system } = machine({
      onPath: { 'google-chrome-stable': '/usr/bin/google-chrome-stable' },
    })
    assert.equal(findBrowser(system).path, '/usr/bin/google-chrome-stable')
  })

  test('a macOS app outside PATH', () => {
    const app = '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'
    const { system } = machine({ files: [app] })
    assert.deepEqual(findBrowser(system), { path: app, source: 'installed' })
  })

  test("Playwright's cache", () => {
    const { system, ran } = machine({ files: [CACHE] })
    assert.deepEqual(findBrowser(system), { path: CACHE, source: 'playwright-cache' })
    assert.deepEqual(ran, [])
  })
})

describe('findBrowser: none there, so it installs one', () => {
  test('root on Debian: apt-get update + install chromium', () => {
    const { system, ran, logged } = machine({
      debian: true,
      root: true,
      apt: ['/usr/bin/chromium'],
    })
    assert.deepEqual(findBrowser(system), { path: '/usr/bin/chromium', source: 'apt-get' })
    assert.deepEqual(ran, [
      'apt-get update -qq',
      'apt-get install -y -qq --no-install-recommends chromium',
    ])
    assert.match(logged.join('\n'), /installing one with apt-get/)
  })

  test('root on Debian, apt-get fails: Playwright download next', () => {
    const { system, ran } = machine({ debian: true, root: true, apt: false, playwright: [CACHE] })
    assert.deepEqual(findBrowser(system), { path: CACHE, source: 'playwright-download' })
    assert.deepEqual(ran, [
      'apt-get update -qq',
      `${process.execPath} /repo/node_modules/playwright-core/cli.js install chromium`,
    ])
  })

  test('not root (or not Debian): no apt-get, Playwright download', () => {
    for (const m of [
      machine({ debian: true, root: false, apt: ['/usr/bin/chromium'], playwright: [CACHE] }),
      machine({ debian: false, root: true, apt: ['/usr/bin/chromium'], playwright: [CACHE] }),
    ]) {
      assert.equal(findBrowser(m.system).source, 'playwright-download')
      assert.ok(!m.ran.some((r) => r.startsWith('apt-get')), m.ran.join('\n'))
    }
  })

  test('an installer that succeeds but leaves no browser does not count', () => {
    const { system, logged } = machine({ debian: true, root: true, apt: [], playwright: false })
    assert.throws(() => findBrowser(system), { message: NO_BROWSER })
    assert.match(logged.join('\n'), /apt-get ran but no browser appeared/)
  })

  test('every way fails: one line saying what to install, never a silent skip', () => {
    const { system, logged } = machine({ debian: true, root: true, apt: false, playwright: false })
    assert.throws(() => findBrowser(system), { message: NO_BROWSER })
    assert.doesNotMatch(NO_BROWSER, /\n/)
    assert.match(NO_BROWSER, /apt-get install chromium/)
    assert.match(NO_BROWSER, /CHROMIUM_PATH/)
    assert.deepEqual(
      logged.filter((l) => / failed$/.test(l)),
      ['apt-get failed', 'playwright-download failed'],
    )
  })
})
