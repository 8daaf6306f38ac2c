import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { start } from '@albkit/local'
import { DEV_USAGE } from './usage.js'

/**
 * templates/sam/alb.yaml first, then the other templates/sam/*.yaml, of the workspace.
 *
 * @example
 * defaultTemplates('/repo') // ['/repo/templates/sam/alb.yaml', '/repo/templates/sam/binary-response.yaml', …]
 */
export function defaultTemplates(root: string): string[] {
  const dir = join(root, 'templates', 'sam')
  if (!existsSync(dir)) return []
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
  const ordered = [
    ...files.filter((f) => f === 'alb.yaml'),
    ...files.filter((f) => f !== 'alb.yaml'),
  ]
  return ordered.map((f) => join(dir, f))
}

function number(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined
  const n = Number(value)
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`--${name}: expected a non-negative number, got "${value}"`)
  return n
}

function isolation(value: string | undefined): 'thread' | 'shared' {
  if (value === undefined || value === 'thread' || value === 'shared') return value ?? 'thread'
  throw new Error(`--isolation: expected "thread" or "shared", got "${value}"`)
}

/**
 * `albkit dev …`: serve the templates until SIGINT/SIGTERM.
 *
 * @example
 * process.exitCode = await devCommand('/repo', ['--port', '3000'])
 */
export async function devCommand(root: string, argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      template: { type: 'string', multiple: true },
      port: { type: 'string' },
      'admin-port': { type: 'string' },
      'no-s3': { type: 'boolean' },
      's3-port': { type: 'string' },
      'health-check-scale': { type: 'string' },
      'no-watch': { type: 'boolean' },
      quiet: { type: 'boolean' },
      isolation: { type: 'string' },
      'shuffle-headers': { type: 'boolean' },
      'console-exchanges': { type: 'string' },
      'no-console': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help === true) {
    console.log(DEV_USAGE)
    return 0
  }
  const templates = values.template ?? defaultTemplates(root)
  if (templates.length === 0)
    throw new Error(`no templates: pass --template or add templates/sam/*.yaml under ${root}`)
  const alb = await start({
    templates,
    port: number(values.port, 'port') ?? 3000,
    adminPort: number(values['admin-port'], 'admin-port') ?? 3001,
    s3:
      values['no-s3'] === true
        ? false
        : { port: number(values['s3-port'], 's3-port') ?? 4569, dir: join(root, '.albkit', 's3') },
    logDir: join(root, '.albkit', 'logs'),
    healthCheckScale: number(values['health-check-scale'], 'health-check-scale') ?? 1,
    isolation: isolation(values.isolation),
    watch: values['no-watch'] !== true,
    quiet: values.quiet === true,
    shuffleHeaders: values['shuffle-headers'] === true,
    console:
      values['no-console'] === true
        ? false
        : { exchanges: number(values['console-exchanges'], 'console-exchanges') },
  })
  await new Promise<void>((done) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      done()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await alb.close()
  return 0
}
