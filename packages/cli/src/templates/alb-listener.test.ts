// templates/sam/alb.yaml without a certificate, as `albkit dev` reads it: the exported listener
// (an Fn::If over HTTPS/HTTP) is the HTTP one, apps are served on it, nothing redirects.
import assert from 'node:assert/strict'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { start } from '@albkit/local'
import { albTemplate, findRoot } from '../workspace.js'

const root = findRoot(import.meta.dirname)
const dir = mkdtempSync(join(tmpdir(), 'albkit-alb-listener-'))
after(() => rmSync(dir, { recursive: true, force: true }))

// An app stack attached the way every app is: ImportValue of <shared stack>-ListenerArn.
mkdirSync(join(dir, 'fn'))
writeFileSync(
  join(dir, 'fn', 'index.mjs'),
  `export const handler = async (e) => ({ statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false, headers: { 'content-type': 'text/plain' }, body: e.headers['x-forwarded-proto'] })\n`,
)
const app = join(dir, 'app.yaml')
writeFileSync(
  app,
  `Transform: AWS::Serverless-2016-10-31
Parameters:
  SharedStackName: { Type: String, Default: alb }
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: { CodeUri: fn, Handler: index.handler, Runtime: nodejs22.x, AutoPublishAlias: live }
  Tg:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { TargetType: lambda, Targets: [{ Id: !Ref Fn.Alias }] }
  Rule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
      ListenerArn: !ImportValue { "Fn::Sub": "\${SharedStackName}-ListenerArn" }
      Priority: 5
      Conditions: [{ Field: path-pattern, PathPatternConfig: { Values: [/app] } }]
      Actions: [{ Type: forward, TargetGroupArn: !Ref Tg }]
`,
)

test('alb.yaml with no CertificateArn: the app rule serves over HTTP and the default is the JSON 404, not a redirect', async () => {
  const alb = await start({
    templates: [albTemplate(root), app],
    port: 0,
    adminPort: 0,
    s3: false,
    quiet: true,
    watch: false,
    logDir: join(dir, 'logs'),
  })
  try {
    const served = await fetch(`${alb.url}/app`, { redirect: 'manual' })
    assert.equal(served.status, 200)
    assert.equal(await served.text(), 'http')
    const other = await fetch(`${alb.url}/elsewhere?q=1`, { redirect: 'manual' })
    assert.equal(other.status, 404)
    assert.equal(other.headers.get('location'), null)
    assert.deepEqual(await other.json(), { message: 'No route matches this request' })
  } finally {
    await alb.close()
  }
})
