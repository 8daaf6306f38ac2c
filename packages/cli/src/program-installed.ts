import { execFileSync } from 'node:child_process'

/**
 * Whether `program --version` runs: tests that need an outside tool (cfn-lint, the AWS CLI) use
 * it to skip with a reason instead of failing where the tool is missing.
 *
 * @example
 * test('lints', { skip: programInstalled('cfn-lint') ? false : 'cfn-lint is not installed' }, …)
 */
export function programInstalled(program: string): boolean {
  try {
    execFileSync(program, ['--version'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
