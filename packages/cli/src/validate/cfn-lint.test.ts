// cfn-lint, AWS's linter, is what checks types and properties now; these tests pin that it
// catches what albkit's own spec check used to, and what that check missed (parameter types).
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { loadConfig } from '@albkit/local'
import { programInstalled } from '../program-installed.js'
import { cfnLint } from './cfn-lint.js'
import { validateWorkspace } from './run-validate.js'

// CI requires cfn-lint (.ci/run checks it); elsewhere these tests say why they did not run.
const skip =
  !programInstalled('cfn-lint') && process.env.CI !== 'true'
    ? 'cfn-lint is not installed (pip install cfn-lint)'
    : false

const dir = mkdtempSync(join(tmpdir(), 'albkit-cfn-lint-'))
after(() => rmSync(dir, { recursive: true, force: true }))

const FUNCTION = `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      Handler: index.handler
      CodeUri: dist
`

async function lint(name: string, text: string): Promise<string[]> {
  const file = join(dir, name)
  writeFileSync(file, text)
  const { available, findings } = await cfnLint([{ file, label: name }], { cwd: dir })
  assert.equal(available, true)
  return findings.map((f) => `${f.file} ${f.resource ?? '-'}.${f.property ?? '-'} ${f.message}`)
}

describe('cfn-lint', { skip }, () => {
  test('a correct SAM template has no findings', async () => {
    assert.deepEqual(await lint('good.yaml', FUNCTION), [])
  })

  test('an unknown property of a SAM function (through the SAM translator)', async () => {
    const found = await lint(
      'unknown.yaml',
      FUNCTION.replace('CodeUri: dist', 'CodeUri: dist\n      Handlr: x'),
    )
    assert.equal(found.length, 1)
    assert.match(found[0] ?? '', /^unknown\.yaml:\d+ .*E0001 \(error\).*Handlr/)
  })

  test('an ill-typed nested property, with its path', async () => {
    const found = await lint(
      'typed.yaml',
      `Resources:
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties:
      TargetType: lambda
      HealthCheckIntervalSeconds: [35]
`,
    )
    assert.equal(found.length, 1)
    assert.match(found[0] ?? '', /^typed\.yaml:6 Tg\.HealthCheckIntervalSeconds E3012 \(error\)/)
  })

  test('an unknown resource type and an unknown resource attribute', async () => {
    const found = await lint(
      'types.yaml',
      `Resources:
  Q:
    Type: AWS::S3::Bukket
  B:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Deletion: Retain
`,
    )
    assert.ok(
      found.some((f) => /^types\.yaml:3 Q\.- E3006 \(error\).*AWS::S3::Bukket/.test(f)),
      found.join('\n'),
    )
    assert.ok(
      found.some((f) => /^types\.yaml:\d+ B\.- E3001 \(error\).*'Deletion' was unexpected/.test(f)),
      found.join('\n'),
    )
  })
})

describe('validate', () => {
  // A workspace with only a shared stack: one resource, one parameter of a type that does not exist.
  const root = join(dir, 'workspace')
  mkdirSync(join(root, 'templates', 'sam'), { recursive: true })
  mkdirSync(join(root, 'apps'))
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages: []\n')
  const albYaml = (type: string) => `Parameters:
  VpcId:
    Type: ${type}
Resources:
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: test
      VpcId: !Ref VpcId
`

  test('a template with a wrong parameter type fails validate (what made alb.yaml undeployable)', {
    skip,
  }, async () => {
    writeFileSync(join(root, 'templates', 'sam', 'alb.yaml'), albYaml('AWS::EC2::VpcId'))
    const report = await validateWorkspace({ root, loadConfig })
    assert.equal(report.cfnLint, 'ran')
    const messages = report.findings.map((f) => `${f.check} ${f.file} ${f.message}`)
    assert.ok(
      messages.some((m) =>
        /^cfn-lint templates\/sam\/alb\.yaml:3 E2002 \(error\) 'AWS::EC2::VpcId' is not one of/.test(
          m,
        ),
      ),
      messages.join('\n'),
    )
    writeFileSync(join(root, 'templates', 'sam', 'alb.yaml'), albYaml('AWS::EC2::VPC::Id'))
    const fixed = await validateWorkspace({ root, loadConfig })
    assert.deepEqual(
      fixed.findings.filter((f) => f.check === 'cfn-lint'),
      [],
    )
  })

  test('without cfn-lint: reported as missing, the other checks still run; required, it is a finding', async () => {
    // a policy finding (a public bucket) shows that the checks after cfn-lint ran
    writeFileSync(
      join(root, 'templates', 'sam', 'alb.yaml'),
      'Resources:\n  B:\n    Type: AWS::S3::Bucket\n',
    )
    const cfnLintBin = 'albkit-test-no-such-cfn-lint'
    const report = await validateWorkspace({ root, loadConfig, cfnLintBin })
    assert.equal(report.cfnLint, 'missing')
    assert.equal(report.checked.cfnLint, 0)
    assert.ok(report.findings.some((f) => f.check === 'policy' && f.resource === 'B'))
    assert.ok(!report.findings.some((f) => f.check === 'cfn-lint'))
    const required = await validateWorkspace({ root, loadConfig, cfnLintBin, requireCfnLint: true })
    assert.deepEqual(
      required.findings.filter((f) => f.check === 'cfn-lint').map((f) => f.message),
      ['cfn-lint is not installed and is required here (CI): pip install cfn-lint'],
    )
  })
})
