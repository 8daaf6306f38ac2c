import { parseArgs } from 'node:util'
import { deploy } from './run-deploy.js'

/**
 * `albkit deploy <app> [--with sam|sls] [--dry-run]`.
 *
 * @example
 * process.exitCode = await deployCommand('/repo', ['whats-my-ip', '--dry-run'])
 */
export async function deployCommand(root: string, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { with: { type: 'string' }, 'dry-run': { type: 'boolean' } },
  })
  const tool = values.with ?? 'sam'
  if (tool !== 'sam' && tool !== 'sls')
    throw new Error(`--with: expected "sam" or "sls", got "${tool}"`)
  if (positionals.length > 1)
    throw new Error(`one app at a time, got ${positionals.length}: ${positionals.join(' ')}`)
  return deploy({ root, tool, app: positionals[0], dryRun: values['dry-run'] === true })
}
