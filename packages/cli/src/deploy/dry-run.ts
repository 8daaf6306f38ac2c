import { createHash } from 'node:crypto'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { type AlbHeaderMode, validateResult } from '@albkit/core'
import { albEvent, healthCheckEvent } from '@albkit/core/testing'
import { type CfnTemplate, loadConfig, parseTemplate } from '@albkit/local'
import { cfnLint } from '../validate/cfn-lint.js'
import { formatFinding } from '../validate/finding.js'
import { asRecord, resourcesOf } from '../validate/resources.js'
import { type RouteSpec, routesOf } from '../validate/routing.js'
import { slsPackage } from '../validate/sls-package.js'
import { albTemplate } from '../workspace.js'
import { type Artifact, extractZip, LAMBDA_ZIP_LIMIT, zipDirectory } from './artifact.js'
import { invokeInTaskRoot } from './lambda-invoke.js'

/** What the dry run saw for one function. */
export interface FunctionDryRun {
  logicalId: string
  handler: string
  files: string[]
  zipBytes: number
  /** status codes the handler answered, loaded from the zip */
  health: number
  request: { path: string; status: number; contentType?: string; body: string }
}

/** The dry run of one app: its functions, and the template cfn-lint passed. */
export interface DryRunReport {
  functions: FunctionDryRun[]
  /** the final template, as it would be deployed (code locations in S3) */
  templateFile: string
}

interface Subject {
  logicalId: string
  handler: string
  memoryMb: string
  artifact: Artifact
}

// `path-pattern=/ip|/ip/*` → `/ip`; `/binary/*` → `/binary/`: a path the app's rule matches.
function mainPath(route: RouteSpec | undefined): string {
  const condition = route?.conditions.find((c) => c.startsWith('path-pattern='))
  const first = condition?.slice('path-pattern='.length).split('|')[0] ?? '/'
  return first.replaceAll('*', '')
}

/** What both dry runs share while checking one app's functions. */
interface CheckContext {
  config: Awaited<ReturnType<typeof loadConfig>>
  /** the SAM template or serverless.yml the functions come from */
  source: string
  route: RouteSpec | undefined
  scratch: string
  region: string
}

/**
 * One function of the final template: its artifact loaded like Lambda and invoked.
 * `defaultMemoryMb` is the tool's default when the template gives no MemorySize (SAM: 128,
 * osls: 1024).
 */
function checkFunction(
  ctx: CheckContext,
  id: string,
  properties: Record<string, unknown>,
  defaultMemoryMb: number,
  artifact: Artifact,
): Promise<FunctionDryRun> {
  return check(
    {
      logicalId: id,
      handler: String(properties.Handler),
      memoryMb: String(properties.MemorySize ?? defaultMemoryMb),
      artifact,
    },
    environmentOf(ctx.config, ctx.source, id),
    ctx.route,
    ctx.scratch,
    ctx.region,
  )
}

async function check(
  subject: Subject,
  env: Record<string, string>,
  route: RouteSpec | undefined,
  scratch: string,
  region: string,
): Promise<FunctionDryRun> {
  if (subject.artifact.zip.length > LAMBDA_ZIP_LIMIT)
    throw new Error(
      `${subject.logicalId}: the zip is ${subject.artifact.zip.length} bytes, over Lambda's ${LAMBDA_ZIP_LIMIT}`,
    )
  const taskRoot = join(scratch, `${subject.logicalId}-task`)
  await extractZip(subject.artifact.zip, taskRoot)
  const mode: AlbHeaderMode = route?.multiValue === true ? 'multi' : 'single'
  const path = mainPath(route)
  const events = [
    healthCheckEvent({ path: route?.health.path ?? '/', mode }),
    albEvent({
      path,
      mode,
      headers: { host: 'dry-run.example', accept: 'text/html', 'user-agent': 'albkit-dry-run' },
    }),
  ]
  const [health, request] = await invokeInTaskRoot({
    taskRoot,
    handler: subject.handler,
    events,
    env: {
      ...env,
      AWS_REGION: region,
      AWS_DEFAULT_REGION: region,
      AWS_LAMBDA_FUNCTION_NAME: subject.logicalId,
      AWS_LAMBDA_FUNCTION_MEMORY_SIZE: subject.memoryMb,
      AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
      // dummy keys: the developer's credentials never reach a dry run
      AWS_ACCESS_KEY_ID: 'ASIADRYRUNDRYRUNDRYR',
      AWS_SECRET_ACCESS_KEY: 'dry-run',
      AWS_SESSION_TOKEN: 'dry-run',
    },
  })
  const answered = (name: string, inv: typeof health) => {
    if (inv?.error !== undefined)
      throw new Error(`${subject.logicalId}: ${name} threw: ${inv.error}`)
    const { errors, warnings } = validateResult(inv?.result, mode)
    if (errors.length > 0)
      throw new Error(
        `${subject.logicalId}: ${name}: the result breaks the ALB contract (the ALB would answer 502): ${errors.map((e) => e.message).join('; ')}`,
      )
    for (const w of warnings)
      console.warn(
        `${subject.logicalId}: ${name}: tolerated by the ALB, but incomplete: ${w.message}`,
      )
    return inv?.result as {
      statusCode: number
      body?: string
      isBase64Encoded?: boolean
      headers?: Record<string, string>
      multiValueHeaders?: Record<string, string[]>
    }
  }
  const h = answered('the health check', health)
  const r = answered(`GET ${path}`, request)
  const headers = Object.entries(r.headers ?? r.multiValueHeaders ?? {})
  const typeHeader = headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1]
  const contentType = Array.isArray(typeHeader) ? typeHeader[0] : typeHeader
  return {
    logicalId: subject.logicalId,
    handler: subject.handler,
    files: subject.artifact.files,
    zipBytes: subject.artifact.zip.length,
    health: h.statusCode,
    request: {
      path,
      status: r.statusCode,
      ...(contentType === undefined ? {} : { contentType }),
      body:
        r.isBase64Encoded === true
          ? Buffer.from(r.body ?? '', 'base64').toString('latin1')
          : (r.body ?? ''),
    },
  }
}

async function lintFinal(root: string, file: string, label: string): Promise<void> {
  const linted = await cfnLint([{ file, label }], { cwd: root })
  if (!linted.available)
    throw new Error(
      'cfn-lint is not installed: the dry run lints the final template (pip install cfn-lint)',
    )
  if (linted.findings.length > 0)
    throw new Error(`cfn-lint: ${linted.findings.map(formatFinding).join('\n  ')}`)
}

function environmentOf(
  config: Awaited<ReturnType<typeof loadConfig>>,
  templateFile: string,
  logicalId: string,
): Record<string, string> {
  const fns = config.functions.filter((f) => f.templateFile === templateFile)
  return (
    (fns.find((f) => f.logicalId === logicalId) ?? (fns.length === 1 ? fns[0] : undefined))
      ?.environment ?? {}
  )
}

/**
 * `deploy <app> --dry-run` with SAM: zip each function's `CodeUri` as `sam deploy` /
 * `aws cloudformation package` would, load its handler from that zip like Lambda and invoke it
 * with a health check and a request, then cfn-lint the template with the code in S3.
 *
 * @example
 * const report = await samDryRun({ root, template: '/repo/templates/sam/whats-my-ip.yaml', region: 'us-east-1' })
 */
export async function samDryRun(options: {
  root: string
  template: string
  region: string
}): Promise<DryRunReport> {
  const template = parseTemplate(await readFile(options.template, 'utf8'))
  const config = await loadConfig([albTemplate(options.root), options.template])
  const route = routesOf(template)[0]
  const scratch = await mkdtemp(join(tmpdir(), 'albkit-dry-run-'))
  try {
    const ctx = { config, source: options.template, route, scratch, region: options.region }
    const functions: FunctionDryRun[] = []
    const final = structuredClone(template) as CfnTemplate
    for (const { id, properties } of resourcesOf(template, 'AWS::Serverless::Function')) {
      const codeUri = properties.CodeUri
      if (typeof codeUri !== 'string') throw new Error(`${id}.CodeUri: expected a local directory`)
      const artifact = await zipDirectory(resolve(dirname(options.template), codeUri))
      await writeFile(join(scratch, `${id}.zip`), artifact.zip)
      const key = createHash('sha256').update(artifact.zip).digest('hex').slice(0, 32)
      const finalFn = final.Resources?.[id]
      if (finalFn?.Properties) finalFn.Properties.CodeUri = `s3://albkit-dry-run-artifacts/${key}`
      functions.push(await checkFunction(ctx, id, properties, 128, artifact))
    }
    const templateFile = join(scratch, 'packaged.json')
    await writeFile(templateFile, JSON.stringify(final, null, 2))
    await lintFinal(
      options.root,
      templateFile,
      `${relative(options.root, options.template)} (packaged)`,
    )
    return { functions, templateFile: `${basename(options.template)} (packaged)` }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}

/**
 * `deploy <app> --with sls --dry-run`: `osls package` (the zip and the CloudFormation osls would
 * upload), load each function's handler from that zip like Lambda and invoke it, cfn-lint the
 * template.
 *
 * @example
 * await slsDryRun({ root, serverlessYml: '/repo/templates/serverless/whats-my-ip/serverless.yml', region: 'us-east-1' })
 */
export async function slsDryRun(options: {
  root: string
  serverlessYml: string
  region: string
}): Promise<DryRunReport> {
  const scratch = await mkdtemp(join(tmpdir(), 'albkit-dry-run-sls-'))
  try {
    const packaged = await slsPackage(options.serverlessYml, join(scratch, 'package'))
    const config = await loadConfig([albTemplate(options.root), options.serverlessYml])
    const route = routesOf(packaged.template)[0]
    const ctx = { config, source: options.serverlessYml, route, scratch, region: options.region }
    const functions: FunctionDryRun[] = []
    for (const { id, properties } of resourcesOf(packaged.template, 'AWS::Lambda::Function')) {
      const key = asRecord(properties.Code)?.S3Key
      if (typeof key !== 'string') throw new Error(`${id}.Code.S3Key: osls named no artifact`)
      const zip = await readFile(join(packaged.dir, basename(key)))
      const artifact = await extractZip(zip, join(scratch, `${id}-listing`))
      functions.push(await checkFunction(ctx, id, properties, 1024, artifact))
    }
    await lintFinal(
      options.root,
      packaged.templateFile,
      `${relative(options.root, options.serverlessYml)} (osls package)`,
    )
    return { functions, templateFile: `${basename(packaged.templateFile)}` }
  } finally {
    await rm(scratch, { recursive: true, force: true })
  }
}
