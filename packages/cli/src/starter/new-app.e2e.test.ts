import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { after, before, test } from 'node:test'
import { loadConfig, start } from '@albkit/local'
import { validateWorkspace } from '../validate/run-validate.js'
import { findRoot } from '../workspace.js'

// A scratch copy of the workspace (sources and built dists, no node_modules: those are linked to
// this checkout's, which pnpm installed), so new-app writes nowhere near the real tree.
const root = findRoot(import.meta.dirname)
const SKIP = new Set(['node_modules', '.git', '.albkit', '.serverless', '.turbo'])
let scratch: string
const name = 'hello-e2e'

function linkNodeModules(from: string, to: string): void {
  for (const dir of [
    '',
    ...['packages', 'apps'].flatMap((d) => readdirSync(join(from, d)).map((x) => join(d, x))),
  ]) {
    const modules = join(from, dir, 'node_modules')
    if (existsSync(modules) && existsSync(join(to, dir)))
      symlinkSync(modules, join(to, dir, 'node_modules'))
  }
}

before(() => {
  scratch = mkdtempSync(join(tmpdir(), 'albkit-new-app-'))
  cpSync(root, scratch, { recursive: true, filter: (src) => !SKIP.has(basename(src)) })
  linkNodeModules(root, scratch)
})

after(() => {
  rmSync(scratch, { recursive: true, force: true })
})

const cli = () => join(scratch, 'packages', 'cli', 'src', 'cli.ts')
// NODE_TEST_CONTEXT would make the app's own `node --test` run nothing (nested test runner).
const { NODE_TEST_CONTEXT: _nested, ...childEnv } = process.env
const run = (args: string[], cwd: string) =>
  execFileSync(process.execPath, args, {
    cwd,
    encoding: 'utf8',
    env: { ...childEnv, INIT_CWD: cwd },
  })

test('new-app refuses bad names clearly and writes nothing', () => {
  for (const [bad, reason] of [
    ['Bad_Name', /lowercase letters/],
    ['whats-my-ip', /already exists/],
    ['core', /reserved/],
  ] as const) {
    let output = ''
    try {
      run(['--import', 'tsx', cli(), 'new-app', bad], scratch)
    } catch (err) {
      output = String((err as { stderr?: string }).stderr)
    }
    assert.match(output, reason)
  }
  assert.equal(existsSync(join(scratch, 'apps', 'Bad_Name')), false)
})

test('a generated app builds, passes its tests, validates and is served by the local load balancer', async () => {
  const out = run(['--import', 'tsx', cli(), 'new-app', name], scratch)
  assert.match(out, /rule priority 50, routes \/hello-e2e and \/hello-e2e\/\*/)
  const appDir = join(scratch, 'apps', name)
  // The same dependencies as the sample apps: link them as `pnpm install` would.
  symlinkSync(join(root, 'apps', 'whats-my-ip', 'node_modules'), join(appDir, 'node_modules'))

  run(['build.mjs'], appDir)
  assert.ok(existsSync(join(appDir, 'dist', 'index.mjs')))
  const tests = run(
    ['--import', 'tsx', '--test', '--test-reporter=tap', 'src/logic.test.ts'],
    appDir,
  )
  assert.match(tests, /# pass 3\n# fail 0\n/)

  const report = await validateWorkspace({ root: scratch, apps: [name], loadConfig })
  // Spec, policy, parity and local checks are all clean for the new app. The one exception is
  // @albkit/local not resolving osls's ${sls:instanceId} (it warns; osls itself resolves it).
  const findings = report.findings.filter((f) => !f.message.includes('sls:instanceId'))
  assert.deepEqual(findings, [])
  assert.equal(report.checked.parity, 1)

  // What `pnpm dev` serves: every templates/sam/*.yaml, alb.yaml first.
  const samDir = join(scratch, 'templates', 'sam')
  const templates = [
    'alb.yaml',
    ...readdirSync(samDir).filter((f) => f !== 'alb.yaml' && f.endsWith('.yaml')),
  ]
  const alb = await start({
    templates: templates.map((f) => join(samDir, f)),
    port: 0,
    adminPort: 0,
    s3: false,
    quiet: true,
    logDir: join(scratch, '.albkit', 'logs'),
  })
  try {
    const res = await fetch(`${alb.url}/${name}?name=Ada`)
    assert.equal(res.status, 200)
    assert.deepEqual(await res.json(), { message: 'Hello, Ada!', path: `/${name}` })
    assert.equal((await fetch(`${alb.url}/${name}`, { method: 'POST' })).status, 405)
  } finally {
    await alb.close()
  }
})
