import { spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { oslsBin, oslsEnv } from '../validate/sls-package.js'
import { requireApp } from '../workspace.js'
import {
  appStackName,
  type CommandLine,
  listenerLookupCommand,
  samDeployCommand,
  showCommand,
  slsDeployCommand,
} from './commands.js'
import { readSettings } from './settings.js'

/** How deploy talks to the world (tests capture the output). */
export interface DeployIo {
  log: (line: string) => void
  run: (
    c: CommandLine,
    env?: NodeJS.ProcessEnv,
  ) => { status: number | null; stdout: string; error?: Error }
}

const defaultIo: DeployIo = {
  log: (line) => console.log(line),
  run: (c, env) => {
    const r = spawnSync(c.program, c.args, {
      cwd: c.cwd,
      env: env ?? process.env,
      stdio: ['inherit', 'pipe', 'inherit'],
      encoding: 'utf8',
    })
    if (r.stdout) process.stdout.write(r.stdout)
    return {
      status: r.status,
      stdout: r.stdout ?? '',
      ...(r.error === undefined ? {} : { error: r.error }),
    }
  },
}

function build(root: string, app: string, io: DeployIo): string {
  const result = io.run({
    program: 'pnpm',
    args: ['--filter', `@albkit/app-${app}...`, 'build'],
    cwd: root,
  })
  if (result.status !== 0)
    throw new Error(`build of ${app} failed (pnpm --filter @albkit/app-${app}... build)`)
  const bundle = join(root, 'apps', app, 'dist', 'index.mjs')
  if (!existsSync(bundle)) throw new Error(`build of ${app} produced no ${relative(root, bundle)}`)
  io.log(`bundle: ${relative(root, bundle)} (${statSync(bundle).size} bytes)`)
  return bundle
}

/** The program could not be started at all (not on PATH). */
function notInstalled(r: ReturnType<DeployIo['run']>): boolean {
  return (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}

/**
 * `deploy:sam <app>` / `deploy:sls <app>`: build the bundle, print the resolved settings and the
 * exact command, then run it — or with `dryRun` stop there (no AWS call).
 *
 * @example
 * await deploy({ root, tool: 'sam', app: 'whats-my-ip', dryRun: true })
 */
export function deploy(opts: {
  root: string
  tool: 'sam' | 'sls'
  app: string | undefined
  dryRun: boolean
  env?: NodeJS.ProcessEnv
  io?: DeployIo
}): number {
  const io = opts.io ?? defaultIo
  const env = opts.env ?? process.env
  const app = requireApp(opts.root, opts.app)
  const settings = readSettings(opts.root, env)
  const template = opts.tool === 'sam' ? app.sam : app.serverless
  if (!existsSync(template)) throw new Error(`${relative(opts.root, template)} does not exist`)
  io.log(`app: ${app.name}  template: ${relative(opts.root, template)}`)
  io.log(
    `profile: ${settings.profile ?? '(default credentials)'}  region: ${settings.region}  shared stack: ${settings.sharedStackName}  stack: ${opts.tool === 'sam' ? appStackName(app.name) : `albkit-${app.name}-${settings.stage}`}`,
  )
  build(opts.root, app.name, io)
  let command: CommandLine
  if (opts.tool === 'sam') command = samDeployCommand(app, settings)
  else {
    let listener = settings.listenerArn
    if (listener === undefined) {
      const lookup = listenerLookupCommand(settings)
      io.log(
        `listener: ${opts.dryRun ? 'would be read with' : 'reading with'}: ${showCommand(lookup)}`,
      )
      if (!opts.dryRun) {
        const r = io.run(lookup)
        if (notInstalled(r))
          throw new Error(
            'the AWS CLI (aws) is not installed: install it, or set ALBKIT_LISTENER_ARN / "listenerArn" in albkit.config.json',
          )
        listener = r.stdout.trim()
        if (r.status !== 0 || !listener.startsWith('arn:'))
          throw new Error(
            `no export ${settings.sharedStackName}-ListenerArn in ${settings.region}: deploy the shared stack first (docs/deploy.md)`,
          )
      }
    }
    command = slsDeployCommand(
      app,
      settings,
      oslsBin(),
      listener ?? `<${settings.sharedStackName}-ListenerArn>`,
    )
  }
  io.log(
    `${opts.dryRun ? 'would run' : 'running'}: (cd ${relative(opts.root, command.cwd) || '.'} && ${showCommand(command)})`,
  )
  if (opts.dryRun) {
    io.log('dry run: nothing deployed, no AWS call made')
    return 0
  }
  const r = io.run(command, opts.tool === 'sls' ? oslsEnv() : env)
  if (notInstalled(r))
    throw new Error(
      'the AWS SAM CLI (sam) is not installed: see https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/install-sam-cli.html, or use pnpm deploy:sls',
    )
  return r.status ?? 1
}
