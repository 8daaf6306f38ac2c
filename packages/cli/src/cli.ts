/**
 * `albkit <command>`: dev | validate | deploy | offline | new-app | conformance. The root
 * package.json scripts of the same names call it; `albkit <command> --help` explains each.
 */
import { DEV_USAGE } from './dev/usage.js'
import { findRoot, workspaceRoot } from './workspace.js'

interface Command {
  summary: string
  usage: string
  run: (argv: string[]) => Promise<number> | number
}

const cwd = () => process.env.INIT_CWD ?? process.cwd()

// Each command's module loads only when it runs: `--help` works before anything else is built.
const COMMANDS: Record<string, Command> = {
  dev: {
    summary: 'serve the templates on the local load balancer',
    usage: DEV_USAGE,
    run: async (argv) =>
      (await import('./dev/cli-dev.js')).devCommand(workspaceRoot(cwd()) ?? cwd(), argv),
  },
  validate: {
    summary: 'check every template: cfn-lint, policy, parity, local load',
    usage: `usage: albkit validate [app…]
Runs cfn-lint on templates/sam/*.yaml, templates/patterns/*.yaml and on what \`osls package\`
emits for each serverless.yml (ALBKIT_CFN_LINT: another cfn-lint than PATH's),
then albkit's own policy, parity and local-load checks. Exit code 1 on any finding.`,
    run: async (argv) => (await import('./cli-validate.js')).validateCommand(findRoot(cwd()), argv),
  },
  deploy: {
    summary: 'build, package and deploy an app (or the shared stack "alb")',
    usage: `usage: albkit deploy <app|alb|failover|blue-green> [--with sam|sls] [--dry-run] [--parameter Key=Value]…
alb is the shared stack (templates/sam/alb.yaml: ALBKIT_VPC_ID, ALBKIT_SUBNET_IDS and, for HTTPS,
ALBKIT_CERTIFICATE_ARN); failover and blue-green are the patterns of docs/deploy.md (their
parameters via --parameter).
--with sam (default): the SAM CLI when installed, else \`aws cloudformation package\` + \`deploy\`
(set ALBKIT_ARTIFACT_BUCKET: the bucket the AWS CLI uploads code to).
--with sls: osls deploy of templates/serverless/<app>/serverless.yml (--parameter k=v → --param=k=v).
--dry-run: build, zip what would be uploaded, load the handler from that zip and invoke it with
a health check and a request, cfn-lint the final template — no AWS account needed.`,
    run: async (argv) =>
      (await import('./deploy/deploy-command.js')).deployCommand(findRoot(cwd()), argv),
  },
  offline: {
    summary: "run an app's serverless.yml under serverless-offline",
    usage: `usage: albkit offline <app> [serverless-offline options…]
Builds the app, then serves its serverless.yml with serverless-offline (ALB mode).`,
    run: async (argv) =>
      (await import('./cli-offline.js')).offlineCommand(findRoot(cwd()), argv[0], argv.slice(1)),
  },
  'new-app': {
    summary: 'create apps/<name> with its templates and tests',
    usage: 'usage: albkit new-app <name>',
    run: async (argv) =>
      (await import('./starter/new-app-command.js')).newAppCommand(findRoot(cwd()), argv),
  },
  conformance: {
    summary: 'run the ALB contract suite against albkit and serverless-offline',
    usage: `usage: albkit conformance [--albkit-only] [--out <file>]
       albkit conformance --url <base URL> [--single-path <path>] [--multi-path <path>]
Writes docs/conformance.md; exit code 1 when albkit (or the --url emulator) fails a check.`,
    run: async (argv) => (await import('@albkit/conformance')).runConformanceCli(argv),
  },
}

const USAGE = `usage: albkit <command> [options]   (albkit <command> --help for its options)

${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(12)} ${c.summary}`)
  .join('\n')}`

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    console.log(USAGE)
    return name === undefined ? 1 : 0
  }
  const command = COMMANDS[name]
  if (command === undefined) {
    console.error(`albkit: unknown command "${name}"\n${USAGE}`)
    return 1
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    console.log(command.usage)
    return 0
  }
  return command.run(rest)
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    console.error(`albkit: ${err instanceof Error ? err.message : String(err)}`)
    if ((err as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND')
      console.error('albkit: a workspace package is not built — run `pnpm build` first')
    process.exitCode = 1
  },
)
