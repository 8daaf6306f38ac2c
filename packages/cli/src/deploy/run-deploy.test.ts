import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { test } from 'node:test'
import { findRoot } from '../workspace.js'
import type { CommandLine } from './commands.js'
import { type DeployIo, deploy } from './run-deploy.js'

const root = findRoot(import.meta.dirname)

function fakeIo(): DeployIo & { lines: string[]; ran: CommandLine[] } {
  const lines: string[] = []
  const ran: CommandLine[] = []
  return {
    lines,
    ran,
    log: (line) => lines.push(line),
    run: (c) => {
      ran.push(c)
      // The build really runs (the bundle must exist); AWS-facing commands never do.
      if (c.program !== 'pnpm') return { status: 0, stdout: '' }
      const r = spawnSync(c.program, c.args, { cwd: c.cwd, encoding: 'utf8' })
      return { status: r.status, stdout: r.stdout }
    },
  }
}

test('deploy:sam --dry-run builds, prints the settings and the exact sam command, calls no AWS', () => {
  const io = fakeIo()
  const env = { AWS_PROFILE: 'team', AWS_REGION: 'eu-west-1', ALBKIT_SHARED_STACK: 'shared-alb' }
  assert.equal(deploy({ root, tool: 'sam', app: 'whats-my-ip', dryRun: true, env, io }), 0)
  assert.deepEqual(
    io.ran.map((c) => c.program),
    ['pnpm'],
  )
  const out = io.lines.join('\n')
  assert.match(
    out,
    /profile: team {2}region: eu-west-1 {2}shared stack: shared-alb {2}stack: albkit-whats-my-ip/,
  )
  assert.match(out, /bundle: apps\/whats-my-ip\/dist\/index\.mjs/)
  assert.match(
    out,
    /would run: .*sam deploy --template-file \S+templates\/sam\/whats-my-ip\.yaml --stack-name albkit-whats-my-ip --region eu-west-1 --profile team .*SharedStackName=shared-alb/,
  )
  assert.match(out, /dry run: nothing deployed, no AWS call made/)
})

test('deploy:sls --dry-run prints the osls command with the listener param', () => {
  const io = fakeIo()
  const env = {
    ALBKIT_LISTENER_ARN: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/a/1/2',
  }
  assert.equal(deploy({ root, tool: 'sls', app: 'whats-my-ip', dryRun: true, env, io }), 0)
  assert.match(
    io.lines.join('\n'),
    /would run: \(cd templates\/serverless\/whats-my-ip && .*osls.* deploy --stage dev --region us-east-1 --param=listenerArn=arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener\/app\/a\/1\/2\)/,
  )
})

test('an unknown app is refused with the list of apps', () => {
  assert.throws(
    () => deploy({ root, tool: 'sam', app: 'nope', dryRun: true, env: {}, io: fakeIo() }),
    /unknown app "nope": choose one of .*whats-my-ip/,
  )
})
