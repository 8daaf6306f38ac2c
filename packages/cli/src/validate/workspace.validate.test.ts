// `albkit validate` on this workspace, in the test run: CI (which runs `pnpm test` on a clean
// clone) fails when any template of the repository stops passing cfn-lint or albkit's checks.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { loadConfig } from '@albkit/local'
import { findRoot } from '../workspace.js'
import { formatFinding } from './finding.js'
import { validateWorkspace } from './run-validate.js'

test('every template of the workspace passes validate (cfn-lint required in CI)', async () => {
  const report = await validateWorkspace({
    root: findRoot(import.meta.dirname),
    loadConfig,
    requireCfnLint: process.env.CI === 'true',
  })
  assert.deepEqual(report.findings.map(formatFinding), [])
  assert.ok(
    report.checked.sam >= 5 && report.checked.serverless >= 4,
    JSON.stringify(report.checked),
  )
  if (report.cfnLint === 'ran')
    assert.equal(report.checked.cfnLint, report.checked.sam + report.checked.serverless)
})
