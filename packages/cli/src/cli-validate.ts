import { CFN_LINT_HINT } from './validate/cfn-lint.js'
import { formatFinding } from './validate/finding.js'
import { validateWorkspace } from './validate/run-validate.js'

/**
 * `albkit validate [app…]`: print every finding and a summary; exit code 1 on findings.
 *
 * @example
 * process.exitCode = await validateCommand('/repo', [])
 */
export async function validateCommand(root: string, apps: string[]): Promise<number> {
  const { loadConfig } = await import('@albkit/local').catch(() => {
    throw new Error('@albkit/local is not built: run `pnpm build` first')
  })
  const report = await validateWorkspace({
    root,
    loadConfig,
    ...(apps.length > 0 ? { apps } : {}),
    log: (line) => console.log(`· ${line}`),
    requireCfnLint: process.env.CI === 'true',
    // another cfn-lint than the one on PATH (a virtualenv's, say)
    ...(process.env.ALBKIT_CFN_LINT ? { cfnLintBin: process.env.ALBKIT_CFN_LINT } : {}),
  })
  if (report.cfnLint === 'missing')
    console.log(
      `validate: cfn-lint is not installed, so AWS's own template checks did not run — get it with \`${CFN_LINT_HINT}\``,
    )
  for (const finding of report.findings) console.log(formatFinding(finding))
  const { cfnLint, sam, serverless, parity, local } = report.checked
  const counts = `${cfnLint} templates through cfn-lint, ${sam} SAM templates, ${serverless} serverless.yml (osls package), ${parity} parity pairs, ${local} local loads`
  if (report.findings.length === 0) {
    console.log(`validate: OK — ${counts}; cfn-lint, policy, parity and local checks clean`)
    return 0
  }
  console.log(`validate: ${report.findings.length} problem(s) — ${counts}`)
  return 1
}
