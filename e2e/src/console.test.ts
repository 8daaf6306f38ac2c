/**
 * The local ALB console in a real browser (a Chromium found or installed by support/launch-browser.ts,
 * driven by playwright-core): requests made
 * through the load balancer appear live; one opened shows the event the function received (the
 * client's X-Forwarded-For plus the peer) and the result it returned; a 502 is explained with
 * its AWS page; a tolerated shape shows a warning; why-not-this-rule, replay, Targets, Routes;
 * axe-core finds no violation on any view; no console error and no CSP violation.
 */
import assert from 'node:assert/strict'
import { mkdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { validateResult } from '@albkit/core'
import { type LocalAlb, start } from '@albkit/local'
import type { Page } from 'playwright-core'
import { axeViolations } from './support/axe.js'
import { figure } from './support/figures.js'
import { type LaunchedBrowser, launchBrowser } from './support/launch-browser.js'
import { REPO } from './support/stack.js'
import { watchProblems } from './support/watch-problems.js'

const ARTIFACTS = join(REPO, 'e2e/artifacts')
const TEMPLATES = [
  join(REPO, 'templates/sam/alb.yaml'),
  join(REPO, 'templates/sam/whats-my-ip.yaml'),
  join(REPO, 'e2e/fixtures/console-demo.yaml'),
]

let alb: LocalAlb
let browser: LaunchedBrowser
let page: Page
let logDir: string
const problems: string[] = []

before(async () => {
  logDir = await mkdtemp(join(tmpdir(), 'albkit-console-'))
  alb = await start({
    templates: TEMPLATES,
    port: 0,
    adminPort: 0,
    s3: false,
    quiet: true,
    logDir,
    // the demo target group's checks every 50 ms: its transition shows on the Targets page
    healthCheckScale: 0.01,
  })
  if (alb.exchanges === undefined) throw new Error('the console is off')
  mkdirSync(ARTIFACTS, { recursive: true })
  browser = await launchBrowser()
  page = await browser.context.newPage()
  await page.setViewportSize({ width: 1400, height: 1000 })
  watchProblems(page, problems)
})
after(async () => {
  await browser?.close()
  await alb?.close()
  if (logDir) await rm(logDir, { recursive: true, force: true })
})

async function shot(name: string, fullPage = true): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `console-${name}.png`), fullPage })
}

/** Make a request through the load balancer, as a client (not the console page) would. */
function through(path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${alb.url}${path}`, init)
}

async function open(target: string): Promise<void> {
  await page.locator('#request-rows a', { hasText: target }).first().click()
  await page.locator('#detail-title', { hasText: target }).waitFor()
}

async function preJson(label: string): Promise<Record<string, unknown>> {
  return JSON.parse((await page.locator(`pre[aria-label="${label}"]`).textContent()) ?? 'null')
}

describe('the local ALB console in a real browser', () => {
  test('requests made through the load balancer appear live, newest first', async () => {
    const response = await page.goto(`${alb.adminUrl}/`)
    assert.equal(response?.status(), 200)
    await page.locator('#live', { hasText: 'live' }).waitFor()
    await (await through('/ip', { headers: { 'x-forwarded-for': '203.0.113.9' } })).text()
    await (await through('/demo/hello?x=1')).text()
    await page.locator('#request-rows a', { hasText: '/demo/hello?x=1' }).waitFor()
    const rows = await page.locator('#request-rows tr').allInnerTexts()
    assert.match(rows[0] ?? '', /GET\s+\/demo\/hello\?x=1\s+200/)
    assert.match(rows[1] ?? '', /GET\s+\/ip\s+200/)
    assert.match(rows.join('\n'), /❄ cold/)
    assert.equal(page.url(), `${alb.adminUrl}/`, 'no reload')
  })

  test('one opened: the event with the client X-Forwarded-For plus the peer, and the result', async () => {
    await open('/ip')
    const event = await preJson('Event')
    // whats-my-ip's target group has multi-value headers on
    const headers = event.multiValueHeaders as Record<string, string[]>
    assert.deepEqual(headers['x-forwarded-for'], ['203.0.113.9, 127.0.0.1'])
    assert.equal(event.path, '/ip')
    const result = await preJson('Result')
    assert.equal(result.statusCode, 200)
    const detail = (await page.locator('section.detail').textContent()) ?? ''
    assert.match(detail, /HTTP\/1\.1 200 OK/)
    assert.match(detail, /priority 30: path-pattern \/ip \| \/ip\/\*/)
    assert.match(detail, /invoke/)
    await shot('exchange')
  })

  test('why the earlier rules did not match, on demand', async () => {
    await page.getByRole('button', { name: 'Why not the earlier rules?' }).click()
    const table = page.locator('table.rules')
    await table.waitFor()
    const text = (await table.textContent()) ?? ''
    assert.match(text, /30 \(matched\)/)
  })

  test('a 502 explained: the plain sentence, the field-level problem and the AWS page', async () => {
    await (await through('/demo/bad')).text()
    await page.locator('#request-rows tr.error a', { hasText: '/demo/bad' }).waitFor()
    await open('/demo/bad')
    const why = page.locator('section.why')
    const text = (await why.textContent()) ?? ''
    assert.match(text, /LambdaInvalidResponse/)
    assert.match(text, /the ALB answers 502/)
    assert.match(text, /statusCode/)
    const href = await why.locator('a').first().getAttribute('href')
    assert.match(
      href ?? '',
      /^https:\/\/docs\.aws\.amazon\.com\/elasticloadbalancing\/latest\/application\/lambda-functions\.html/,
    )
    assert.equal((await preJson('Result')).statusCode, 'x')
    await shot('502')
    // the README figure: the viewport only
    await shot('502-readme', false)
  })

  test("a tolerated result shape shows core's warnings, word for word", async () => {
    await (await through('/demo/tolerated')).text()
    await open('/demo/tolerated')
    // the fixture's result has no statusDescription (nor isBase64Encoded): the ALB answers it,
    // core's result check warns; the console-demo target group is single-value
    const result = await preJson('Result')
    assert.equal(result.statusDescription, undefined)
    const { errors, warnings } = validateResult(result, 'single')
    assert.deepEqual(errors, [])
    assert.ok(
      warnings.some((w) => w.field === 'statusDescription'),
      JSON.stringify(warnings),
    )
    assert.match((await page.locator('section.detail').textContent()) ?? '', /HTTP\/1\.1 200 OK/)
    const text = (await page.locator('section.why').textContent()) ?? ''
    for (const w of warnings) {
      assert.ok(text.includes(`⚠ warning ${w.code} (${w.field}): `), `${w.code} in: ${text}`)
      assert.ok(text.includes(w.message), `${w.message} in: ${text}`)
    }
    await page.locator('#request-rows tr', { hasText: '⚠ warning' }).first().waitFor()
    await shot('warning')
  })

  test('replay: the same event again, shown as a new exchange', async () => {
    await open('/demo/hello?x=1')
    const first = await preJson('Event')
    const before = page.url()
    await page.getByRole('button', { name: 'Replay (same event)' }).click()
    await page.waitForURL((url) => url.toString() !== before)
    await page.locator('#detail-title', { hasText: '/demo/hello?x=1' }).waitFor()
    assert.match((await page.locator('section.detail').textContent()) ?? '', /replay of #\d+/)
    assert.deepEqual(await preJson('Event'), first)
    await page.locator('#request-rows tr', { hasText: '↻ replay' }).first().waitFor()
  })

  test('axe-core: no violation on the request list with an exchange open', async () => {
    assert.deepEqual(await axeViolations(page), [])
  })

  test('Targets and Routes: read from the templates, no axe violation', async () => {
    await page.getByRole('link', { name: 'Targets' }).click()
    await page.locator('#targets-title').waitFor()
    const targets = page.locator('section.target', { hasText: 'console-demo-tg' })
    await targets.locator('ol li', { hasText: '→ healthy' }).waitFor()
    assert.match((await targets.textContent()) ?? '', /healthy.*function console-demo/)
    assert.match((await page.locator('main').textContent()) ?? '', /whats-my-ip/i)
    assert.deepEqual(await axeViolations(page), [])
    await shot('targets')
    await page.getByRole('link', { name: 'Routes' }).click()
    await page.locator('#routes-title').waitFor()
    const routes = (await page.locator('main').textContent()) ?? ''
    assert.match(routes, /\/demo\/\*/)
    assert.match(routes, /default/)
    assert.deepEqual(await axeViolations(page), [])
    await shot('routes')
  })

  test('the keyboard reaches the list and opens an exchange', async () => {
    await page.goto(`${alb.adminUrl}/#/requests`)
    await page.locator('#request-rows a').first().waitFor()
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(
        () => document.activeElement?.closest('#request-rows') !== null,
      )
      if (focused) break
    }
    await page.keyboard.press('Enter')
    await page.locator('#detail-title').waitFor()
    assert.match(page.url(), /#\/requests\/\d+$/)
  })

  test('no console errors and no CSP violations', () => {
    figure('console-browser', {
      consoleErrors: problems.length,
      screenshots: 'e2e/artifacts/console-*.png',
    })
    assert.deepEqual(problems, [])
  })
})
