/**
 * `albkit dev [--template <file>]... [--port N] [--admin-port N] [--no-s3] [--s3-port N]
 *  [--health-check-scale X] [--no-watch] [--isolation thread|shared]
 *  [--console-exchanges N] [--no-console]` — serve the templates on a local load balancer.
 */
import { existsSync, readdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { start } from './start.js'

const USAGE = `usage: albkit dev [--template <file>]... [--port N] [--admin-port N] [--no-s3] [--s3-port N]
                  [--health-check-scale X] [--no-watch] [--quiet]
                  [--isolation thread|shared] [--console-exchanges N] [--no-console]
The console (every request as the balancer and the function saw it) is at the admin port's /;
it keeps the last --console-exchanges requests (default 200).
Without --template: templates/sam/alb.yaml and templates/sam/*.yaml of the workspace.`

/** The nearest directory at or above `from` with a pnpm-workspace.yaml. */
export function workspaceRoot(from: string): string | undefined {
  let dir = resolve(from)
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir
    const parent = dirname(dir)
    if (parent === dir) return undefined
    dir = parent
  }
}

/** templates/sam/alb.yaml first, then the other templates/sam/*.yaml, of the workspace. */
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

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
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
      'console-exchanges': { type: 'string' },
      'no-console': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  })
  if (values.help === true || positionals[0] !== 'dev') {
    console.log(USAGE)
    return values.help === true ? 0 : 1
  }
  const root = workspaceRoot(process.cwd()) ?? process.cwd()
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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(`albkit: ${err instanceof Error ? err.message : String(err)}`)
    process.exit(1)
  },
)
