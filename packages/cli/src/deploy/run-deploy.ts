import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { parseTemplate } from '@albkit/local'
import { cfnLint } from '../validate/cfn-lint.js'
import { formatFinding } from '../validate/finding.js'
import { oslsBin, oslsEnv } from '../validate/sls-package.js'
import { listApps, requireApp } from '../workspace.js'
import {
  appStackName,
  awsDeployCommand,
  awsPackageCommand,
  type CommandLine,
  listenerLookupCommand,
  type StackDeploy,
  samDeployCommand,
  showCommand,
  slsDeployCommand,
} from './commands.js'
import { type DryRunReport, samDryRun, slsDryRun } from './dry-run.js'
import { type DeploySettings, readSettings } from './settings.js'

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

/** What to deploy. */
export interface DeployOptions {
  root: string
  tool: 'sam' | 'sls'
  /** an app under apps/, or a stack template of templates/sam that is no app's (alb, failover) */
  target: string | undefined
  dryRun: boolean
  /** extra `Key=Value` parameter overrides */
  parameters?: string[]
  env?: NodeJS.ProcessEnv
  io?: DeployIo
}

function build(root: string, app: string, io: DeployIo): void {
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
}

/** The program could not be started at all (not on PATH). */
function notInstalled(r: ReturnType<DeployIo['run']>): boolean {
  return (r.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT'
}

/**
 * The stack templates that belong to no app, by name: templates/sam/alb.yaml (the shared stack),
 * templates/sam/failover.yaml, and every templates/patterns/*.yaml.
 */
function stackTargets(root: string): Map<string, string> {
  const apps = new Set(listApps(root))
  const found = new Map<string, string>()
  for (const dir of [join(root, 'templates', 'sam'), join(root, 'templates', 'patterns')]) {
    if (!existsSync(dir)) continue
    for (const f of readdirSync(dir).sort()) {
      const name = f.slice(0, -'.yaml'.length)
      if (f.endsWith('.yaml') && !apps.has(name) && !found.has(name)) found.set(name, join(dir, f))
    }
  }
  return found
}

function reportDryRun(report: DryRunReport, io: DeployIo): void {
  for (const f of report.functions) {
    io.log(
      `zip: ${f.logicalId} — ${f.files.length} files, ${f.zipBytes} bytes; ${f.handler} loaded from the zip like Lambda (ESM import)`,
    )
    io.log(
      `  health check → ${f.health}; GET ${f.request.path} → ${f.request.status}${f.request.contentType ? ` (${f.request.contentType})` : ''}`,
    )
  }
  io.log(`cfn-lint: ${report.templateFile} clean`)
}

function sharedParameters(s: DeploySettings): string[] {
  return [
    ...(s.vpcId === undefined ? [] : [`VpcId=${s.vpcId}`]),
    ...(s.subnetIds === undefined ? [] : [`SubnetIds=${s.subnetIds}`]),
    ...(s.certificateArn === undefined ? [] : [`CertificateArn=${s.certificateArn}`]),
  ]
}

function hasLocalCode(template: string): boolean {
  const resources = parseTemplate(readFileSync(template, 'utf8')).Resources ?? {}
  return Object.values(resources).some((r) => r.Type === 'AWS::Serverless::Function')
}

function samSteps(
  stack: StackDeploy,
  s: DeploySettings,
  io: DeployIo,
  scratch: string,
  dryRun: boolean,
): CommandLine[] {
  const sam = io.run({ program: 'sam', args: ['--version'], cwd: stack.cwd })
  if (sam.status === 0) return [samDeployCommand(stack, s)]
  io.log('sam: not installed — using the AWS CLI (aws cloudformation package + deploy)')
  if (!hasLocalCode(stack.template)) return [awsDeployCommand(stack, s)]
  const missing =
    'the AWS CLI uploads code to a bucket you own: set ALBKIT_ARTIFACT_BUCKET (or "artifactBucket" in albkit.config.json), e.g. after `aws s3 mb s3://<name>`; or install the SAM CLI, which makes one'
  if (s.artifactBucket === undefined && !dryRun) throw new Error(missing)
  if (s.artifactBucket === undefined) io.log(`before a real deploy: ${missing}`)
  const packaged = join(scratch, 'packaged.yaml')
  return [
    awsPackageCommand(stack, s, s.artifactBucket ?? '<ALBKIT_ARTIFACT_BUCKET>', packaged),
    awsDeployCommand({ ...stack, template: packaged }, s),
  ]
}

async function listenerFor(s: DeploySettings, dryRun: boolean, io: DeployIo): Promise<string> {
  if (s.listenerArn !== undefined) return s.listenerArn
  const lookup = listenerLookupCommand(s)
  io.log(`listener: ${dryRun ? 'would be read with' : 'reading with'}: ${showCommand(lookup)}`)
  if (dryRun) return `<${s.sharedStackName}-ListenerArn>`
  const r = io.run(lookup)
  if (notInstalled(r))
    throw new Error(
      'the AWS CLI (aws) is not installed: install it, or set ALBKIT_LISTENER_ARN / "listenerArn" in albkit.config.json',
    )
  const listener = r.stdout.trim()
  if (r.status !== 0 || !listener.startsWith('arn:'))
    throw new Error(
      `no export ${s.sharedStackName}-ListenerArn in ${s.region}: deploy the shared stack first (pnpm deploy:sam alb)`,
    )
  return listener
}

/**
 * `deploy <app>` / `deploy alb`: build the app, print the resolved settings and the exact
 * commands, then run them — or with `dryRun` check the artifact without an AWS call (build, zip,
 * load the handler from the zip and invoke it, cfn-lint the final template).
 *
 * @example
 * await deploy({ root, tool: 'sam', target: 'whats-my-ip', dryRun: true })
 */
export async function deploy(opts: DeployOptions): Promise<number> {
  const io = opts.io ?? defaultIo
  const env = opts.env ?? process.env
  const settings = readSettings(opts.root, env)
  const extra = opts.parameters ?? []
  const stacks = stackTargets(opts.root)
  const scratch = mkdtempSync(join(tmpdir(), 'albkit-deploy-'))
  try {
    let steps: CommandLine[]
    const template = opts.target === undefined ? undefined : stacks.get(opts.target)
    if (opts.target !== undefined && template !== undefined) {
      if (opts.tool !== 'sam')
        throw new Error(`${opts.target} is a CloudFormation stack: deploy it with --with sam`)
      const stack: StackDeploy = {
        template,
        stackName: opts.target === 'alb' ? settings.sharedStackName : appStackName(opts.target),
        parameters: [...(opts.target === 'alb' ? sharedParameters(settings) : []), ...extra],
        cwd: opts.root,
      }
      io.log(
        `stack: ${stack.stackName}  template: ${relative(opts.root, template)}  region: ${settings.region}`,
      )
      // a pattern that deploys an app's bundle (blue-green) needs the apps built
      if (hasLocalCode(template)) {
        const built = io.run({ program: 'pnpm', args: ['build'], cwd: opts.root })
        if (built.status !== 0) throw new Error('pnpm build failed')
      }
      if (opts.dryRun) {
        const linted = await cfnLint([{ file: template, label: relative(opts.root, template) }], {
          cwd: opts.root,
        })
        if (!linted.available) throw new Error('cfn-lint is not installed (pip install cfn-lint)')
        if (linted.findings.length > 0)
          throw new Error(`cfn-lint: ${linted.findings.map(formatFinding).join('\n  ')}`)
        io.log(`cfn-lint: ${relative(opts.root, template)} clean`)
      }
      steps = samSteps(stack, settings, io, scratch, opts.dryRun)
    } else {
      const app = requireTarget(opts.root, opts.target, stacks)
      const template = opts.tool === 'sam' ? app.sam : app.serverless
      if (!existsSync(template)) throw new Error(`${relative(opts.root, template)} does not exist`)
      io.log(`app: ${app.name}  template: ${relative(opts.root, template)}`)
      io.log(
        `profile: ${settings.profile ?? '(default credentials)'}  region: ${settings.region}  shared stack: ${settings.sharedStackName}  stack: ${opts.tool === 'sam' ? appStackName(app.name) : `albkit-${app.name}-${settings.stage}`}`,
      )
      build(opts.root, app.name, io)
      if (opts.dryRun)
        reportDryRun(
          opts.tool === 'sam'
            ? await samDryRun({ root: opts.root, template, region: settings.region })
            : await slsDryRun({
                root: opts.root,
                serverlessYml: template,
                region: settings.region,
              }),
          io,
        )
      steps =
        opts.tool === 'sam'
          ? samSteps(
              {
                template,
                stackName: appStackName(app.name),
                parameters: [`SharedStackName=${settings.sharedStackName}`, ...extra],
                cwd: app.dir,
              },
              settings,
              io,
              scratch,
              opts.dryRun,
            )
          : [
              slsDeployCommand(
                app,
                settings,
                oslsBin(),
                await listenerFor(settings, opts.dryRun, io),
                extra,
              ),
            ]
    }
    for (const step of steps)
      io.log(
        `${opts.dryRun ? 'would run' : 'running'}: (cd ${relative(opts.root, step.cwd) || '.'} && ${showCommand(step)})`,
      )
    if (opts.dryRun) {
      io.log('dry run: nothing deployed, no AWS call made')
      return 0
    }
    for (const step of steps) {
      const r = io.run(step, opts.tool === 'sls' ? oslsEnv() : env)
      if (notInstalled(r))
        throw new Error(
          `${step.program} is not installed: the AWS CLI (pip install awscli) or the SAM CLI (https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/install-sam-cli.html)`,
        )
      if (r.status !== 0) return r.status ?? 1
    }
    return 0
  } finally {
    rmSync(scratch, { recursive: true, force: true })
  }
}

function requireTarget(root: string, target: string | undefined, stacks: Map<string, string>) {
  try {
    return requireApp(root, target)
  } catch (err) {
    throw new Error(
      `${err instanceof Error ? err.message : String(err)}, or a stack: ${[...stacks.keys()].join(', ')}`,
    )
  }
}
