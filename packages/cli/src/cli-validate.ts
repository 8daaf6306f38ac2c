import { formatFinding } from './validate/finding.js'
import { validateWorkspace } from './validate/run-validate.js'

/**
 * `albkit-tooling validate [app…]`: print every finding and a summary; exit code 1 on findings.
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
  })
  for (const finding of report.findings) console.log(formatFinding(finding))
  const { sam, serverless, parity, local } = report.checked
  const counts = `${sam} SAM templates, ${serverless} serverless.yml (osls package), ${parity} parity pairs, ${local} local loads`
  if (report.findings.length === 0) {
    console.log(`validate: OK — ${counts}; spec, policy, parity and local checks clean`)
    return 0
  }
  console.log(`validate: ${report.findings.length} problem(s) — ${counts}`)
  return 1
}
