#!/usr/bin/env node
/**
 * albkit-tooling <command>: validate | deploy:sam <app> | deploy:sls <app> | offline <app> | new-app <name>
 * (the root package.json scripts of the same names call this).
 */
import { offlineCommand } from './cli-offline.js'
import { validateCommand } from './cli-validate.js'
import { deploy } from './deploy/run-deploy.js'
import { newApp } from './starter/new-app.js'
import { findRoot } from './workspace.js'

const USAGE = `usage:
  pnpm validate [app…]                 offline checks of every template (spec, policy, parity, local)
  pnpm deploy:sam <app> [--dry-run]    build the app and sam deploy it
  pnpm deploy:sls <app> [--dry-run]    build the app and osls deploy it
  pnpm offline <app>                   run the app's serverless.yml under serverless-offline
  pnpm new-app <name>                  create apps/<name> with templates and tests`

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  const root = findRoot(process.env.INIT_CWD ?? process.cwd())
  switch (command) {
    case 'validate':
      return validateCommand(root, rest)
    case 'deploy:sam':
    case 'deploy:sls': {
      const dryRun = rest.includes('--dry-run')
      const app = rest.find((a) => !a.startsWith('--'))
      return deploy({ root, tool: command === 'deploy:sam' ? 'sam' : 'sls', app, dryRun })
    }
    case 'offline':
      return offlineCommand(root, rest[0], rest.slice(1))
    case 'new-app': {
      const name = rest[0]
      if (name === undefined) throw new Error('usage: pnpm new-app <name>')
      const created = newApp(root, name)
      for (const f of created.files) console.log(`created ${f}`)
      console.log(`\n${name}: rule priority ${created.priority}, routes /${name} and /${name}/*. Next:
  pnpm install && pnpm --filter @albkit/app-${name} build && pnpm --filter @albkit/app-${name} test
  pnpm validate ${name} && pnpm dev   # then curl http://127.0.0.1:3000/${name}`)
      return 0
    }
    default:
      console.log(USAGE)
      return command === undefined || command === '--help' || command === '-h' ? 0 : 1
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    console.error(`albkit: ${err instanceof Error ? err.message : String(err)}`)
    process.exitCode = 1
  },
)
