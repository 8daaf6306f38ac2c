// `albkit validate` as a user meets it without cfn-lint: one line saying so and how to get it,
// the other checks still decide; in CI the missing linter fails the run.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { test } from 'node:test'
import { fileURLToPath } from 'node:url'

const bin = fileURLToPath(new URL('../bin/albkit.mjs', import.meta.url))

function validate(env: Record<string, string>): Promise<{ code: number; out: string }> {
  const { CI: _ci, NODE_TEST_CONTEXT: _nested, ...base } = process.env
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [bin, 'validate', 'whats-my-ip'],
      {
        env: { ...base, ALBKIT_CFN_LINT: 'albkit-test-no-such-cfn-lint', ...env },
        encoding: 'utf8',
      },
      (err, stdout, stderr) =>
        resolve({ code: err === null ? 0 : Number(err.code), out: stdout + stderr }),
    )
  })
}

test('validate without cfn-lint: one line with how to get it, the other checks pass', async () => {
  const { code, out } = await validate({})
  assert.equal(code, 0, out)
  const notes = out.split('\n').filter((l) => l.includes('cfn-lint is not installed'))
  assert.deepEqual(notes, [
    "validate: cfn-lint is not installed, so AWS's own template checks did not run — get it with `pip install cfn-lint`",
  ])
  assert.match(
    out,
    /validate: OK — 0 templates through cfn-lint, 2 SAM templates, 1 serverless\.yml/,
  )
})

test('validate without cfn-lint in CI: a failure', async () => {
  const { code, out } = await validate({ CI: 'true' })
  assert.equal(code, 1)
  assert.match(
    out,
    /cfn-lint is not installed and is required here \(CI\): pip install cfn-lint \[cfn-lint\]/,
  )
})
