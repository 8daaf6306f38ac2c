import type { AppPaths } from '../workspace.js'
import type { DeploySettings } from './settings.js'

/** One command line: program, arguments, working directory. */
export interface CommandLine {
  program: string
  args: string[]
  cwd: string
}

/** The stack an app deploys to: `albkit-<app>`. */
export function appStackName(app: string): string {
  return `albkit-${app}`
}

/**
 * `sam deploy` of an app's template (no `sam build`: CodeUri is the prebuilt bundle).
 *
 * @example
 * samDeployCommand(appPaths(root, 'whats-my-ip'), settings).args[0] // 'deploy'
 */
export function samDeployCommand(app: AppPaths, s: DeploySettings): CommandLine {
  return {
    program: 'sam',
    args: [
      'deploy',
      '--template-file',
      app.sam,
      '--stack-name',
      appStackName(app.name),
      '--region',
      s.region,
      ...(s.profile === undefined ? [] : ['--profile', s.profile]),
      '--capabilities',
      'CAPABILITY_IAM',
      '--resolve-s3',
      '--no-fail-on-empty-changeset',
      '--parameter-overrides',
      `SharedStackName=${s.sharedStackName}`,
    ],
    cwd: app.dir,
  }
}

/**
 * The `aws cloudformation list-exports` query that finds the shared listener for osls.
 *
 * @example
 * listenerLookupCommand(settings).program // 'aws'
 */
export function listenerLookupCommand(s: DeploySettings): CommandLine {
  return {
    program: 'aws',
    args: [
      'cloudformation',
      'list-exports',
      '--region',
      s.region,
      ...(s.profile === undefined ? [] : ['--profile', s.profile]),
      '--query',
      `Exports[?Name=='${s.sharedStackName}-ListenerArn'].Value`,
      '--output',
      'text',
    ],
    cwd: '.',
  }
}

/**
 * `osls deploy` of an app's serverless.yml with the shared listener passed as a param.
 *
 * @example
 * slsDeployCommand(paths, settings, oslsBin(), arn).args
 */
export function slsDeployCommand(
  app: AppPaths,
  s: DeploySettings,
  osls: string,
  listenerArn: string,
): CommandLine {
  return {
    program: process.execPath,
    args: [
      osls,
      'deploy',
      '--stage',
      s.stage,
      '--region',
      s.region,
      ...(s.profile === undefined ? [] : ['--aws-profile', s.profile]),
      `--param=listenerArn=${listenerArn}`,
    ],
    cwd: app.serverless.replace(/\/serverless\.yml$/, ''),
  }
}

/** A command line as a shell would show it (arguments quoted when needed). */
export function showCommand(c: CommandLine): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)
  return [c.program, ...c.args].map(quote).join(' ')
}
