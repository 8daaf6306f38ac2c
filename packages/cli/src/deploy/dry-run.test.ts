// The artifact each app deploys, checked the way Lambda will run it: for every app, SAM and osls,
// the handler is loaded from the zip that would be uploaded and answers a health check and a
// request with a result the ALB accepts.
import assert from 'node:assert/strict'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, describe, test } from 'node:test'
import { findRoot } from '../workspace.js'
import { type DryRunReport, samDryRun, slsDryRun } from './dry-run.js'

const root = findRoot(import.meta.dirname)
const region = 'us-east-1'

// What each app's main route answers with no AWS at hand. The health checker's probe bucket is
// unreachable offline, so it reports itself unhealthy (503) — a correct answer, not a crash.
const EXPECT: Record<string, { health: number; status: number; type: RegExp; body: RegExp }> = {
  'whats-my-ip': { health: 200, status: 200, type: /^text\/html/, body: /203\.0\.113\.10/ },
  // a browser's Accept gets the gallery page (issue 17: pages a person opens are pages)
  'binary-response': { health: 200, status: 200, type: /^text\/html/, body: /logo\.png/ },
  'upload-to-s3': { health: 200, status: 200, type: /^text\/html/, body: /<form/ },
  'health-checker': { health: 503, status: 503, type: /^text\/html/, body: /probe-bucket/ },
}

function assertAnswers(app: string, report: DryRunReport, handler: RegExp): void {
  const expected = EXPECT[app]
  assert.ok(expected)
  assert.equal(report.functions.length, 1)
  const [fn] = report.functions
  assert.match(fn?.handler ?? '', handler)
  assert.ok((fn?.files.length ?? 0) >= 1 && (fn?.zipBytes ?? 0) > 0)
  assert.equal(fn?.health, expected.health, `${app} health check`)
  assert.equal(fn?.request.status, expected.status, `${app} GET ${fn?.request.path}`)
  assert.match(fn?.request.contentType ?? '', expected.type)
  assert.match(fn?.request.body ?? '', expected.body)
}

for (const app of Object.keys(EXPECT)) {
  describe(app, () => {
    test('SAM: the CodeUri zip loads like Lambda, answers, and the packaged template passes cfn-lint', async () => {
      const template = join(root, 'templates', 'sam', `${app}.yaml`)
      assertAnswers(app, await samDryRun({ root, template, region }), /^index\.handler$/)
    })
    test('osls: the osls package zip loads like Lambda, answers, and its template passes cfn-lint', async () => {
      const serverlessYml = join(root, 'templates', 'serverless', app, 'serverless.yml')
      assertAnswers(
        app,
        await slsDryRun({ root, serverlessYml, region }),
        new RegExp(`^apps/${app}/dist/index\\.handler$`),
      )
    })
  })
}

describe('what only the zip shows', () => {
  // Inside the workspace, where node_modules would resolve an unbundled import if run in place.
  const dir = join(import.meta.dirname, `.dry-run-fixture-${process.pid}`)
  after(() => rmSync(dir, { recursive: true, force: true }))

  test('a handler importing a package that is not in the zip fails the dry run', async () => {
    mkdirSync(join(dir, 'dist'), { recursive: true })
    writeFileSync(
      join(dir, 'dist', 'index.mjs'),
      "import { parse } from 'yaml'\nexport const handler = async () => ({ statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false, headers: {}, body: String(parse('a: 1').a) })\n",
    )
    const template = join(dir, 'app.yaml')
    writeFileSync(
      template,
      `Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: { CodeUri: dist, Handler: index.handler, Runtime: nodejs22.x }
`,
    )
    // the same file runs in place (the workspace resolves 'yaml')...
    const inPlace = (await import(join(dir, 'dist', 'index.mjs'))) as {
      handler: () => Promise<{ body: string }>
    }
    assert.equal((await inPlace.handler()).body, '1')
    // ...but not from the zip Lambda would get
    await assert.rejects(
      samDryRun({ root, template, region }),
      /did not load from the zip: .*Cannot find package 'yaml'/s,
    )
  })
})
