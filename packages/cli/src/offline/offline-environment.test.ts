/**
 * The environment a function sees under `pnpm offline`: what its template says, resolved as the
 * deployed stack resolves it (serverless-offline alone gives `[object Object]` for a `!Ref` and
 * `[` for a one-argument `!Sub`), and none of the developer's AWS credentials (serverless-offline
 * copies every AWS_* variable of the shell into the function).
 */
import assert from 'node:assert/strict'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { type OfflineBridge, startOfflineBridge } from './start-offline-bridge.js'

const HANDLER = `export const handler = async () => ({
  statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false,
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify(Object.fromEntries(Object.entries(process.env).filter(([k]) => /^(AWS_|BUCKET|PROBES)/.test(k)))),
})
`

const SERVERLESS_YML = `service: env-echo
frameworkVersion: "3"
plugins:
  - serverless-offline
custom:
  serverless-offline:
    noPrependStageInUrl: true
provider:
  name: aws
  runtime: nodejs22.x
functions:
  echo:
    handler: handler.handler
    environment:
      BUCKET: !Ref Store
      PROBES: !Sub '[{"bucket":"\${Store}","host":"s3.\${AWS::Region}.amazonaws.com"}]'
    events:
      - alb:
          listenerArn: arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/x/0000000000000000/0000000000000000
          priority: 1
          conditions:
            path: /env
resources:
  Resources:
    Store:
      Type: AWS::S3::Bucket
`

/** The developer's shell, as serverless-offline would copy it in. */
const DEVELOPER = {
  AWS_ACCESS_KEY_ID: 'AKIADEVELOPERKEY',
  AWS_SECRET_ACCESS_KEY: 'developer-secret',
  AWS_SESSION_TOKEN: 'developer-session',
  AWS_PROFILE: 'developer-profile',
}

let dir = ''
let bridge: OfflineBridge | undefined
let seen: Record<string, string> = {}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'albkit-env-echo-'))
  await writeFile(join(dir, 'handler.mjs'), HANDLER)
  await writeFile(join(dir, 'serverless.yml'), SERVERLESS_YML)
  const saved = { ...process.env }
  Object.assign(process.env, DEVELOPER)
  try {
    bridge = await startOfflineBridge({
      serverlessYml: join(dir, 'serverless.yml'),
      port: 0,
      s3: { port: 0, dir: join(dir, 's3') },
    })
  } finally {
    for (const key of Object.keys(DEVELOPER)) {
      if (saved[key] === undefined) delete process.env[key]
      else process.env[key] = saved[key]
    }
  }
  const response = await fetch(`${bridge.url}/env`, { signal: AbortSignal.timeout(20_000) })
  assert.equal(response.status, 200)
  seen = (await response.json()) as Record<string, string>
})
after(async () => {
  await bridge?.stop()
  await rm(dir, { recursive: true, force: true })
})

describe('pnpm offline: the function environment', () => {
  test('!Ref and !Sub resolved as deployed, to the local bucket the S3 holds', () => {
    assert.equal(seen.BUCKET, bridge?.buckets[0])
    assert.equal(
      seen.PROBES,
      `[{"bucket":"${bridge?.buckets[0]}","host":"s3.us-east-1.amazonaws.com"}]`,
    )
  })

  test('the local S3 variables, and none of the developer credentials', () => {
    assert.equal(seen.AWS_ENDPOINT_URL_S3, bridge?.s3Endpoint)
    assert.equal(seen.AWS_ACCESS_KEY_ID, 'S3RVER')
    assert.equal(seen.AWS_SECRET_ACCESS_KEY, 'S3RVER')
    assert.equal(seen.AWS_SESSION_TOKEN ?? '', '')
    assert.equal(seen.AWS_PROFILE ?? '', '')
    for (const secret of Object.values(DEVELOPER))
      assert.ok(!Object.values(seen).includes(secret), `${secret} reached the function`)
  })
})

describe('pnpm offline: ports', () => {
  test('a port in use is one clear line before anything starts', async () => {
    const taken = createServer()
    await new Promise<void>((done) => taken.listen(0, '127.0.0.1', () => done()))
    const port = (taken.address() as AddressInfo).port
    const start = (options: { port: number; s3Port: number }) =>
      startOfflineBridge({
        serverlessYml: join(dir, 'serverless.yml'),
        port: options.port,
        s3: { port: options.s3Port, dir: join(dir, 's3-taken') },
      })
    try {
      await assert.rejects(start({ port, s3Port: 0 }), {
        message: `port ${port} is already in use (pass --port <n>)`,
      })
      await assert.rejects(start({ port: 0, s3Port: port }), {
        message: `local S3: port ${port} is already in use (pass --s3-port <n>)`,
      })
    } finally {
      await new Promise((done) => taken.close(done))
    }
  })
})
