// serverless-offline (osls 3.77.1 + serverless-offline 14.8.2, pinned in package.json) against
// the same suite: its known results, so a change in either the suite or the peer shows up here.
// The albkit half is conformance.test.ts; this file only runs the peer.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { runOfflineHalf } from './comparison.js'
import { type EchoApp, writeEchoApp } from './echo-app.js'
import { allChecks } from './run-conformance.js'

/** What serverless-offline passes (docs/conformance.md, measured with these versions). */
const OFFLINE_PASSES = [
  'lower-case-headers',
  'text-body-as-is',
  'event-connection-header',
  'response-base64-decoded',
  'response-multi-value-headers',
  'tolerated-status-code-only',
  'tolerated-no-description-or-base64-flag',
  'header-too-large',
  'function-threw',
  'path-case-sensitive',
  'path-ignores-query',
  'rule-host-header',
  'rule-http-header',
  'rule-http-request-method',
  'rule-default-last',
]
/** What an `alb` event in serverless.yml cannot express, or needs the admin API it lacks. */
const OFFLINE_NOT_EXPRESSIBLE = [
  'empty-target-group',
  'rule-fixed-response',
  'rule-redirect',
  'health-check-target-state',
]
/** A lower-case `content-type` in a result kills the serverless-offline process. */
const OFFLINE_CRASHES = ['response-header-name-case']

let app: EchoApp
before(async () => {
  app = await writeEchoApp()
})
after(() => app.remove())

test('serverless-offline passes, fails, crashes and cannot express exactly the known checks', async () => {
  const offline = await runOfflineHalf(app)
  assert.deepEqual(
    offline.map((r) => r.id),
    allChecks.map((c) => c.id),
  )
  const ids = (pick: (r: (typeof offline)[number]) => boolean) =>
    offline
      .filter(pick)
      .map((r) => r.id)
      .sort()
  assert.deepEqual(
    ids((r) => r.passed),
    [...OFFLINE_PASSES].sort(),
  )
  assert.deepEqual(
    ids((r) => r.notExpressible === true),
    [...OFFLINE_NOT_EXPRESSIBLE].sort(),
  )
  assert.deepEqual(
    ids((r) => r.crashed === true),
    OFFLINE_CRASHES,
  )
  // the looser emulator hides the ALB's real 502s: every rejected shape is answered 200 there
  for (const r of offline.filter((r) => r.id.startsWith('rejected-')))
    assert.equal(r.detail, 'expected 502, got 200', r.id)
})
