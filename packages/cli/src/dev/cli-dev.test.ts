// `albkit dev` as a user runs it: the built bin (bin/albkit.mjs → dist/, built before tests).
import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../../bin/albkit.mjs', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'albkit-cli-dev-'))
after(() => rmSync(dir, { recursive: true, force: true }))

// one function behind one rule, and a template the loader refuses (priority 0)
mkdirSync(join(dir, 'fn'))
writeFileSync(
  join(dir, 'fn', 'index.mjs'),
  `export const handler = async () => ({ statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false, headers: { 'content-type': 'text/plain' }, body: 'echo' })\n`,
)
const listener = `  Listener:
    Type: AWS::ElasticLoadBalancingV2::Listener
    Properties:
      Port: 80
      Protocol: HTTP
      DefaultActions:
        - Type: fixed-response
          FixedResponseConfig: { StatusCode: "404" }
`
const template = join(dir, 'echo.yaml')
writeFileSync(
  template,
  `Transform: AWS::Serverless-2016-10-31
Resources:
${listener}  EchoFunction:
    Type: AWS::Serverless::Function
    Properties: { CodeUri: fn, Handler: index.handler, Runtime: nodejs22.x }
  EchoTargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      Name: echo-tg
      TargetType: lambda
      Targets: [{ Id: !GetAtt EchoFunction.Arn }]
  EchoRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: 10
      Conditions: [{ Field: path-pattern, PathPatternConfig: { Values: [/echo, /echo/*] } }]
      Actions: [{ Type: forward, TargetGroupArn: !Ref EchoTargetGroup }]
`,
)
const invalid = join(dir, 'invalid.yaml')
writeFileSync(
  invalid,
  `Resources:
${listener}  BadRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !Ref Listener
      Priority: 0
      Conditions: [{ Field: path-pattern, PathPatternConfig: { Values: [/x] } }]
      Actions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: "200" } }]
`,
)

function run(
  args: string[],
  onOutput?: (text: string, stop: () => void) => void,
): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
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
  let checked: Promise<[number, string]> | undefined
  const result = await run(
    ['dev', '--template', template, '--port', '0', '--admin-port', '0', '--no-s3', '--no-watch'],
    (out, stop) => {
      const url = /on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1]
      if (url && checked === undefined)
        checked = fetch(`${url}/echo`).then(async (r) => {
          const body = await r.text()
          stop()
          return [r.status, body]
        })
    },
  )
  assert.equal(result.code, 0)
  assert.deepEqual(await checked, [200, 'echo'])
  assert.match(result.out, /10\s+path-pattern \/echo \| \/echo\/\*\s+→ echo-tg → \S*EchoFunction/)
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

test('albkit with no command lists every subcommand and exits 1', async () => {
  const result = await run([])
  assert.equal(result.code, 1)
  for (const name of ['dev', 'validate', 'deploy', 'offline', 'new-app', 'conformance'])
    assert.match(result.out, new RegExp(`^  ${name} `, 'm'))
})

test('albkit <command> --help prints that command usage and exits 0', async () => {
  for (const name of ['dev', 'validate', 'deploy', 'offline', 'new-app', 'conformance']) {
    const result = await run([name, '--help'])
    assert.equal(result.code, 0, name)
    assert.match(result.out, new RegExp(`^usage: albkit ${name}`), name)
  }
})

test('albkit with an unknown command: names it, exit code 1', async () => {
  const result = await run(['deploi'])
  assert.equal(result.code, 1)
  assert.match(result.err, /unknown command "deploi"/)
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
