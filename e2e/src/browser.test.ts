/**
 * A real browser (a Chromium found or installed by support/find-browser.ts, driven by
 * playwright-core) on every page of the stack: upload two files through the form and see both
 * stored, the what-is-my-IP page shows the address, a binary-response image renders, the health
 * page — with no console errors and no CSP violations anywhere, and no axe-core violations on any
 * HTML page. Screenshots of each page go to e2e/artifacts/.
 */
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe.js'
import { figure } from './support/figures.js'
import { type LaunchedBrowser, launchBrowser } from './support/launch-browser.js'
import { REPO, type Stack, startStack } from './support/stack.js'
import { watchProblems } from './support/watch-problems.js'

const ARTIFACTS = join(REPO, 'e2e/artifacts')

let stack: Stack
let browser: LaunchedBrowser
const problems: string[] = []
const shots: string[] = []

before(async () => {
  stack = await startStack({
    env: (bucket) => ({
      HEALTH_PROBES: JSON.stringify([
        { name: 'probe-bucket', type: 's3', bucket: bucket('ProbeBucket'), timeoutMs: 2000 },
      ]),
      HEALTH_CACHE_MS: '0',
    }),
  })
  mkdirSync(ARTIFACTS, { recursive: true })
  browser = await launchBrowser()
})
after(async () => {
  await browser?.close()
  await stack?.close()
})

async function openPage(sink: string[] = problems): Promise<Page> {
  const page = await browser.context.newPage()
  watchProblems(page, sink)
  return page
}

async function shot(page: Page, name: string): Promise<void> {
  const file = join(ARTIFACTS, `${name}.png`)
  await page.screenshot({ path: file, fullPage: true })
  shots.push(file)
}

/** Every HTML page albkit serves (the ALB's own error pages copy AWS's bytes and are left out). */
const HTML_PAGES = ['/upload', '/ip', '/health', '/binary/'] as const

describe('accessibility: axe-core finds no violations', () => {
  const found: Record<string, number> = {}
  for (const path of HTML_PAGES) {
    test(path, async () => {
      const page = await openPage()
      const response = await page.goto(`${stack.alb.url}${path}`)
      assert.equal(response?.status(), 200)
      assert.match(response?.headers()['content-type'] ?? '', /text\/html/)
      const violations = await axeViolations(page)
      found[path] = violations.length
      // the gallery is new in this wave (issue 17, item 6): the other pages have their own shots
      if (path === '/binary/') await shot(page, 'binary-gallery')
      await page.close()
      assert.deepEqual(violations, [])
    })
  }

  test('/upload after a form upload (the result page)', async () => {
    const page = await openPage()
    await page.goto(`${stack.alb.url}/upload`)
    const dir = await mkdtemp(join(tmpdir(), 'albkit-files-'))
    const file = join(dir, 'axe.txt')
    await writeFile(file, 'accessible\n')
    await page.setInputFiles('input[type=file]', [file])
    await Promise.all([page.waitForNavigation(), page.click('form [type=submit]')])
    await rm(dir, { recursive: true, force: true })
    assert.match((await page.locator('body').textContent()) ?? '', /axe\.txt/)
    const violations = await axeViolations(page)
    found['/upload (result)'] = violations.length
    await page.close()
    assert.deepEqual(violations, [])
  })

  test('the detector works: a page with known violations is caught', async () => {
    const page = await openPage()
    await page.setContent('<html><body><img src="data:,"><div role="button"></div></body></html>')
    const ids = (await axeViolations(page)).map((v) => v.id)
    await page.close()
    for (const id of ['image-alt', 'html-has-lang', 'document-title', 'landmark-one-main'])
      assert.ok(ids.includes(id), `${id} not in ${ids.join(', ')}`)
    figure('axe', found)
  })
})

describe('in a real browser', () => {
  test('upload two files through the form: both listed as stored', async () => {
    const page = await openPage()
    const response = await page.goto(`${stack.alb.url}/upload`)
    assert.equal(response?.status(), 200)
    await shot(page, 'upload-form')
    const dir = await mkdtemp(join(tmpdir(), 'albkit-files-'))
    const a = join(dir, 'first.txt')
    const b = join(dir, 'second.bin')
    await writeFile(a, 'hello from the browser\n')
    await writeFile(b, Buffer.from([0, 1, 2, 253, 254, 255]))
    await page.setInputFiles('input[type=file]', [a, b])
    await Promise.all([page.waitForNavigation(), page.click('form [type=submit]')])
    const rows = await page.locator('tbody tr').allInnerTexts()
    await shot(page, 'upload-result')
    await rm(dir, { recursive: true, force: true })
    assert.equal(rows.length, 2, rows.join('\n'))
    assert.ok(
      rows.some((r) => r.includes('first.txt') && r.includes('stored')),
      rows.join('\n'),
    )
    assert.ok(
      rows.some((r) => r.includes('second.bin') && r.includes('stored')),
      rows.join('\n'),
    )
    const keys = await stack.s3.keys(stack.bucket('UploadBucket'))
    assert.equal(keys.filter((k) => /first\.txt$|second\.bin$/.test(k)).length, 2)
    await page.close()
  })

  test('what-is-my-IP page shows the address', async () => {
    const page = await openPage()
    const response = await page.goto(`${stack.alb.url}/ip`)
    assert.equal(response?.status(), 200)
    assert.match(response?.headers()['content-type'] ?? '', /text\/html/)
    assert.equal((await page.locator('h1').textContent())?.trim(), '127.0.0.1')
    await shot(page, 'whats-my-ip')
    await page.close()
  })

  test('a binary-response image renders (natural width > 0)', async () => {
    const page = await openPage()
    const response = await page.goto(`${stack.alb.url}/binary/render.png?text=albkit`)
    assert.equal(response?.status(), 200)
    assert.equal(response?.headers()['content-type'], 'image/png')
    const width = await page
      .locator('img')
      .evaluate((img) => (img as HTMLImageElement).naturalWidth)
    assert.ok(width > 0, `natural width ${width}`)
    await shot(page, 'binary-render')
    const logo = await page.goto(`${stack.alb.url}/binary/logo.png`)
    assert.equal(logo?.status(), 200)
    const logoWidth = await page
      .locator('img')
      .evaluate((img) => (img as HTMLImageElement).naturalWidth)
    assert.ok(logoWidth > 0)
    await shot(page, 'binary-logo')
    figure('browser-image', { renderWidth: width, logoWidth })
    await page.close()
  })

  test('the health page', async () => {
    const page = await openPage()
    const response = await page.goto(`${stack.alb.url}/health`)
    assert.equal(response?.status(), 200)
    assert.match(response?.headers()['content-type'] ?? '', /text\/html/)
    await shot(page, 'health')
    await page.close()
  })

  test('the detectors work: an image the CSP forbids is reported', async () => {
    const caught: string[] = []
    const page = await openPage(caught)
    await page.goto(`${stack.alb.url}/ip`)
    await page.evaluate(() => {
      const img = document.createElement('img')
      img.src = 'http://127.0.0.1:9/forbidden.png'
      document.body.append(img)
    })
    const found = () => caught.some((p) => /CSP violation: img-src/.test(p))
    for (let i = 0; i < 100 && !found(); i++) await page.waitForTimeout(20)
    assert.ok(found(), caught.join('\n'))
    await page.close()
  })

  test('no console errors and no CSP violations on any page', () => {
    figure('browser', {
      pages: shots.length,
      consoleErrors: problems.length,
      screenshots: 'e2e/artifacts/',
    })
    assert.deepEqual(problems, [])
    assert.ok(shots.length >= 5)
  })
})
