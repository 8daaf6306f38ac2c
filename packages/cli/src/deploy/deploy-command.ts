import { parseArgs } from 'node:util'
import { deploy } from './run-deploy.js'

/**
 * `albkit deploy <app|alb|failover> [--with sam|sls] [--dry-run] [--parameter Key=Value]…`.
 *
 * @example
 * process.exitCode = await deployCommand('/repo', ['whats-my-ip', '--dry-run'])
 */
export async function deployCommand(root: string, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      with: { type: 'string' },
      'dry-run': { type: 'boolean' },
      parameter: { type: 'string', multiple: true },
    },
  })
  const tool = values.with ?? 'sam'
  if (tool !== 'sam' && tool !== 'sls')
    throw new Error(`--with: expected "sam" or "sls", got "${tool}"`)
  if (positionals.length > 1)
    throw new Error(`one app at a time, got ${positionals.length}: ${positionals.join(' ')}`)
  for (const p of values.parameter ?? [])
    if (!/^[A-Za-z0-9]{1,255}=/.test(p))
      throw new Error(`--parameter: expected Key=Value, got "${p}"`)
  return deploy({
    root,
    tool,
    target: positionals[0],
    dryRun: values['dry-run'] === true,
    parameters: values.parameter ?? [],
  })
}
