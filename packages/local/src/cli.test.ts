// The CLI as a user runs it: dist/cli.mjs (built before tests).
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { send } from './conformance/http-client.js'

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url))
const template = fileURLToPath(new URL('./runtime/fixtures/templates/echo.yaml', import.meta.url))
const invalid = fileURLToPath(new URL('./runtime/fixtures/templates/invalid.yaml', import.meta.url))

function run(
  args: string[],
  onOutput?: (text: string, stop: () => void) => void,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
    child.stdout.on('data', (c) => {
      out += c
      onOutput?.(out, () => child.kill('SIGTERM'))
    })
    child.stderr.on('data', (c) => {
      err += c
    })
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve({ code, out, err })
    })
  })
}

test('albkit dev: serves the template, prints the route table, stops on SIGTERM', async () => {
  let checked: Promise<number> | undefined
  const result = await run(
    ['dev', '--template', template, '--port', '0', '--admin-port', '0', '--no-s3', '--no-watch'],
    (out, stop) => {
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
      if (url && checked === undefined)
        checked = send(`${url}/echo`).then((r) => {
          stop()
          return r.status
        })
    },
  )
  assert.equal(result.code, 0)
  assert.equal(await checked, 200)
  assert.match(result.out, /10\s+path-pattern \/echo \| \/echo\/\*\s+→ echo-tg → echo-EchoFunction/)
  assert.match(result.out, /default\s+\(any\)\s+→ fixed-response 404/)
  assert.match(result.out, /^console: http:\/\/127\.0\.0\.1:\d+\/$/m)
})

test('albkit dev with an invalid template: the ConfigError message and exit code 1', async () => {
  const result = await run([
    'dev',
    '--template',
    invalid,
    '--port',
    '0',
    '--admin-port',
    '0',
    '--no-s3',
  ])
  assert.equal(result.code, 1)
  assert.match(result.err, /invalid\.yaml: BadRule\.Priority: 0 is not allowed/)
})

test('albkit with no command prints usage and exits 1', async () => {
  const result = await run([])
  assert.equal(result.code, 1)
  assert.match(result.out, /usage: albkit dev/)
})

test('albkit dev --console-exchanges 0: a clear message naming the flag and exit code 1', async () => {
  const result = await run(['dev', '--console-exchanges', '0', '--template', template, '--no-s3'])
  assert.equal(result.code, 1)
  assert.match(result.err, /--console-exchanges\) must be a positive integer, got 0/)
})

test('albkit dev --isolation with an unknown mode: a clear message and exit code 1', async () => {
  const result = await run(['dev', '--isolation', 'process', '--template', invalid, '--no-s3'])
  assert.equal(result.code, 1)
  assert.match(result.err, /--isolation: expected "thread" or "shared", got "process"/)
})
