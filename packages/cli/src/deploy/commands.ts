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

/** One stack to deploy: its template, name and parameter overrides (`Key=Value`). */
export interface StackDeploy {
  template: string
  stackName: string
  parameters: string[]
  cwd: string
}

function awsCommon(s: DeploySettings): string[] {
  return ['--region', s.region, ...(s.profile === undefined ? [] : ['--profile', s.profile])]
}

// SAM templates are a transform (a macro): CloudFormation wants CAPABILITY_AUTO_EXPAND with it
// (CloudFormation API, CreateChangeSet → Capabilities); the functions' roles need CAPABILITY_IAM.
const CAPABILITIES = ['--capabilities', 'CAPABILITY_IAM', 'CAPABILITY_AUTO_EXPAND']

function overrides(parameters: string[]): string[] {
  return parameters.length === 0 ? [] : ['--parameter-overrides', ...parameters]
}

// What `sam deploy` and `aws cloudformation deploy` both take (the SAM CLI deploys through
// CloudFormation change sets): the template, the stack, region/profile, the capabilities.
function stackArgs(d: StackDeploy, s: DeploySettings): string[] {
  return [
    '--template-file',
    d.template,
    '--stack-name',
    d.stackName,
    ...awsCommon(s),
    ...CAPABILITIES,
  ]
}

/**
 * `sam deploy` of a template (no `sam build`: CodeUri is the prebuilt bundle).
 *
 * @example
 * samDeployCommand(stack, settings).args[0] // 'deploy'
 */
export function samDeployCommand(d: StackDeploy, s: DeploySettings): CommandLine {
  return {
    program: 'sam',
    args: [
      'deploy',
      ...stackArgs(d, s),
      '--resolve-s3',
      '--no-fail-on-empty-changeset',
      ...overrides(d.parameters),
    ],
    cwd: d.cwd,
  }
}

/**
 * `aws cloudformation package`: zip each local CodeUri, upload it to the artifact bucket and
 * write the template that points at it (AWS CLI without the SAM CLI).
 *
 * @example
 * awsPackageCommand(stack, settings, 'my-artifacts', '/tmp/packaged.yaml').program // 'aws'
 */
export function awsPackageCommand(
  d: StackDeploy,
  s: DeploySettings,
  bucket: string,
  output: string,
): CommandLine {
  return {
    program: 'aws',
    args: [
      'cloudformation',
      'package',
      '--template-file',
      d.template,
      '--s3-bucket',
      bucket,
      '--s3-prefix',
      d.stackName,
      '--output-template-file',
      output,
      ...awsCommon(s),
    ],
    cwd: d.cwd,
  }
}

/**
 * `aws cloudformation deploy` of a template (packaged first when it has local code).
 *
 * @example
 * awsDeployCommand({ ...stack, template: '/tmp/packaged.yaml' }, settings).args[1] // 'deploy'
 */
export function awsDeployCommand(d: StackDeploy, s: DeploySettings): CommandLine {
  return {
    program: 'aws',
    args: [
      'cloudformation',
      'deploy',
      ...stackArgs(d, s),
      '--no-fail-on-empty-changeset',
      ...overrides(d.parameters),
    ],
    cwd: d.cwd,
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
      ...awsCommon(s),
      '--query',
      `Exports[?Name=='${s.sharedStackName}-ListenerArn'].Value`,
      '--output',
      'text',
    ],
    cwd: '.',
  }
}

/**
 * `osls deploy` of an app's serverless.yml with the shared listener (and `params`, `key=value`)
 * passed as osls params.
 *
 * @example
 * slsDeployCommand(paths, settings, oslsBin(), arn).args
 */
export function slsDeployCommand(
  app: AppPaths,
  s: DeploySettings,
  osls: string,
  listenerArn: string,
  params: string[] = [],
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
      ...params.map((p) => `--param=${p}`),
    ],
    cwd: app.serverless.replace(/\/serverless\.yml$/, ''),
  }
}

/** A command line as a shell would show it (arguments quoted when needed). */
export function showCommand(c: CommandLine): string {
  const quote = (a: string) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`)
  return [c.program, ...c.args].map(quote).join(' ')
}
