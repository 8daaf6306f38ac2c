import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { test } from 'node:test'
import { findRoot } from '../workspace.js'
import type { CommandLine } from './commands.js'
import { type DeployIo, deploy } from './run-deploy.js'

const root = findRoot(import.meta.dirname)

/** Builds really run (the bundle must exist); AWS-facing commands never do. */
function fakeIo(options: { sam?: boolean; fail?: string } = {}): DeployIo & {
  lines: string[]
  ran: CommandLine[]
} {
  const lines: string[] = []
  const ran: CommandLine[] = []
  return {
    lines,
    ran,
    log: (line) => lines.push(line),
    run: (c) => {
      ran.push(c)
      if (c.program === 'sam' && c.args[0] === '--version')
        return options.sam === true
          ? { status: 0, stdout: 'SAM CLI, version 1.140.0' }
          : {
              status: null,
              stdout: '',
              error: Object.assign(new Error('spawn sam ENOENT'), { code: 'ENOENT' }),
            }
      if (c.program !== 'pnpm') return { status: c.args[1] === options.fail ? 254 : 0, stdout: '' }
      const r = spawnSync(c.program, c.args, { cwd: c.cwd, encoding: 'utf8' })
      return { status: r.status, stdout: r.stdout }
    },
  }
}

const bucketEnv = { AWS_REGION: 'eu-west-1', ALBKIT_ARTIFACT_BUCKET: 'team-artifacts' }

test('deploy <app> --dry-run without the SAM CLI: build, zip, load from the zip, cfn-lint, then the AWS CLI commands it would run', async () => {
  const io = fakeIo()
  const env = { ...bucketEnv, AWS_PROFILE: 'team', ALBKIT_SHARED_STACK: 'shared-alb' }
  assert.equal(await deploy({ root, tool: 'sam', target: 'whats-my-ip', dryRun: true, env, io }), 0)
  // only the build and the probe for `sam` ran: no AWS call
  assert.deepEqual(
    io.ran.map((c) => `${c.program} ${c.args[0]}`),
    ['pnpm --filter', 'sam --version'],
  )
  const out = io.lines.join('\n')
  assert.match(
    out,
    /profile: team {2}region: eu-west-1 {2}shared stack: shared-alb {2}stack: albkit-whats-my-ip/,
  )
  assert.match(
    out,
    /zip: WhatsMyIpFunction — \d+ files, \d+ bytes; index\.handler loaded from the zip/,
  )
  assert.match(out, /health check → 200; GET \/ip → 200 \(text\/html/)
  assert.match(out, /cfn-lint: whats-my-ip\.yaml \(packaged\) clean/)
  assert.match(out, /sam: not installed — using the AWS CLI/)
  assert.match(
    out,
    /would run: .*aws cloudformation package --template-file \S+templates\/sam\/whats-my-ip\.yaml --s3-bucket team-artifacts --s3-prefix albkit-whats-my-ip --output-template-file (\S+packaged\.yaml) --region eu-west-1 --profile team\)/,
  )
  assert.match(
    out,
    /would run: .*aws cloudformation deploy --template-file \S+packaged\.yaml --stack-name albkit-whats-my-ip --region eu-west-1 --profile team --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --no-fail-on-empty-changeset --parameter-overrides SharedStackName=shared-alb\)/,
  )
  assert.match(out, /dry run: nothing deployed, no AWS call made/)
})

test('with the SAM CLI installed: one sam deploy', async () => {
  const io = fakeIo({ sam: true })
  assert.equal(
    await deploy({ root, tool: 'sam', target: 'whats-my-ip', dryRun: true, env: {}, io }),
    0,
  )
  assert.match(
    io.lines.join('\n'),
    /would run: .*sam deploy --template-file \S+templates\/sam\/whats-my-ip\.yaml --stack-name albkit-whats-my-ip --region us-east-1 --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --resolve-s3 --no-fail-on-empty-changeset --parameter-overrides SharedStackName=albkit-alb\)/,
  )
})

test('the AWS CLI path without an artifact bucket: a dry run says which setting to add, a deploy refuses', async () => {
  const io = fakeIo()
  assert.equal(
    await deploy({ root, tool: 'sam', target: 'whats-my-ip', dryRun: true, env: {}, io }),
    0,
  )
  assert.match(
    io.lines.join('\n'),
    /before a real deploy: .*set ALBKIT_ARTIFACT_BUCKET \(or "artifactBucket" in albkit\.config\.json\)/,
  )
  assert.match(io.lines.join('\n'), /--s3-bucket '<ALBKIT_ARTIFACT_BUCKET>'/)
  const real = fakeIo()
  await assert.rejects(
    deploy({ root, tool: 'sam', target: 'whats-my-ip', dryRun: false, env: {}, io: real }),
    /set ALBKIT_ARTIFACT_BUCKET \(or "artifactBucket" in albkit\.config\.json\)/,
  )
  assert.ok(!real.ran.some((c) => c.program === 'aws'))
})

test('deploy alb: the shared stack through the same command, HTTPS when a certificate is set', async () => {
  const io = fakeIo()
  const env = {
    ALBKIT_VPC_ID: 'vpc-0123',
    ALBKIT_SUBNET_IDS: 'subnet-a,subnet-b',
    ALBKIT_CERTIFICATE_ARN: 'arn:aws:acm:us-east-1:111122223333:certificate/abc',
  }
  assert.equal(await deploy({ root, tool: 'sam', target: 'alb', dryRun: true, env, io }), 0)
  const out = io.lines.join('\n')
  assert.match(out, /cfn-lint: templates\/sam\/alb\.yaml clean/)
  // no code in the shared stack: no package step, no artifact bucket needed
  assert.doesNotMatch(out, /would run: .*cloudformation package/)
  assert.match(
    out,
    /would run: \(cd \. && aws cloudformation deploy --template-file \S+templates\/sam\/alb\.yaml --stack-name albkit-alb --region us-east-1 --capabilities CAPABILITY_IAM CAPABILITY_AUTO_EXPAND --no-fail-on-empty-changeset --parameter-overrides VpcId=vpc-0123 SubnetIds=subnet-a,subnet-b CertificateArn=arn:aws:acm:us-east-1:111122223333:certificate\/abc\)/,
  )
})

test('deploy failover: the Route 53 records with their parameters from --parameter', async () => {
  const io = fakeIo({ sam: true })
  const parameters = ['HostedZoneId=Z123', 'DomainName=app.example.com']
  assert.equal(
    await deploy({ root, tool: 'sam', target: 'failover', dryRun: true, parameters, env: {}, io }),
    0,
  )
  const out = io.lines.join('\n')
  assert.match(out, /cfn-lint: templates\/sam\/failover\.yaml clean/)
  assert.match(
    out,
    /sam deploy --template-file \S+templates\/sam\/failover\.yaml --stack-name albkit-failover .*--parameter-overrides HostedZoneId=Z123 DomainName=app\.example\.com\)/,
  )
})

test('a real deploy runs package then deploy, and stops at the first failure', async () => {
  const io = fakeIo({ fail: 'package' })
  assert.equal(
    await deploy({ root, tool: 'sam', target: 'whats-my-ip', dryRun: false, env: bucketEnv, io }),
    254,
  )
  assert.deepEqual(
    io.ran.map((c) => `${c.program} ${c.args.slice(0, 2).join(' ')}`),
    ['pnpm --filter @albkit/app-whats-my-ip...', 'sam --version', 'aws cloudformation package'],
  )
})

test('deploy --with sls --dry-run: osls package zip loaded and invoked, then the osls command with the listener param', async () => {
  const io = fakeIo()
  const env = {
    ALBKIT_LISTENER_ARN: 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/a/1/2',
  }
  const parameters = ['trustedProxyHops=1']
  assert.equal(
    await deploy({ root, tool: 'sls', target: 'whats-my-ip', dryRun: true, parameters, env, io }),
    0,
  )
  const out = io.lines.join('\n')
  assert.match(
    out,
    /zip: WhatsMyIpLambdaFunction — \d+ files, .*apps\/whats-my-ip\/dist\/index\.handler loaded from the zip/,
  )
  assert.match(
    out,
    /would run: \(cd templates\/serverless\/whats-my-ip && .*osls.* deploy --stage dev --region us-east-1 --param=listenerArn=arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener\/app\/a\/1\/2 --param=trustedProxyHops=1\)/,
  )
})

test('an unknown target is refused with the list of apps and stacks', async () => {
  await assert.rejects(
    deploy({ root, tool: 'sam', target: 'nope', dryRun: true, env: {}, io: fakeIo() }),
    /unknown app "nope": choose one of .*whats-my-ip, or a stack: alb, failover, blue-green/,
  )
})
