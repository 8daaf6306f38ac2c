import { posix } from 'node:path'
import { configError } from './model.js'
import { albConditions, albTargetGroup, asList } from './serverless-alb-event.js'
import { resolveValue, resolveVariables, type VariableSources } from './serverless-vars.js'
import { type CfnResource, type CfnTemplate, isRecord } from './template.js'

/** A serverless.yml rewritten as the CloudFormation it stands for (only what runs locally). */
export interface ServerlessTemplate {
  template: CfnTemplate
  stackName: string
}

// osls defaults (Serverless Framework v3 docs, "AWS provider" → function defaults): 6 s, 1024 MB.
const DEFAULT_TIMEOUT = 6
const DEFAULT_MEMORY = 1024

/** osls logical-id naming: first letter upper-cased, `-` → `Dash`, `_` → `Underscore`. */
export function normalizeName(name: string): string {
  const s = name.replace(/-/g, 'Dash').replace(/_/g, 'Underscore')
  return s.charAt(0).toUpperCase() + s.slice(1)
}

/**
 * Turn a parsed serverless.yml into a CloudFormation template: functions, their `alb` events
 * (target group + listener rule each) and `resources.Resources`.
 *
 * @example
 * serverlessToTemplate(doc, 'serverless.yml', { stage: 'dev' }, env, warnings).stackName // 'my-svc-dev'
 */
export function serverlessToTemplate(
  raw: unknown,
  file: string,
  options: {
    stage?: string
    region?: string
    accountId?: string
    parameterOverrides?: Record<string, string>
  },
  env: Record<string, string | undefined>,
  warnings: string[],
): ServerlessTemplate {
  if (!isRecord(raw))
    throw configError(file, 'service', 'not a serverless.yml: the document is not a mapping')
  const sources = {
    options: { stage: options.stage, region: options.region },
    env,
    warnings,
    file,
    aws: { region: options.region ?? 'us-east-1', accountId: options.accountId ?? '123456789012' },
    paramOverrides: options.parameterOverrides ?? {},
  }
  const stage = options.stage ?? deployStage(raw, sources)
  const doc = resolveVariables(raw, { ...sources, stage })
  const provider = isRecord(doc.provider) ? doc.provider : {}
  const service = isRecord(doc.service) ? String(doc.service.name) : String(doc.service ?? '')
  if (!service) throw configError(file, 'service', 'is required')
  const resourcesSection = isRecord(doc.resources) ? doc.resources : {}
  const resources: Record<string, CfnResource> = {
    ...(isRecord(resourcesSection.Resources)
      ? (resourcesSection.Resources as Record<string, CfnResource>)
      : {}),
  }
  const providerEnv = isRecord(provider.environment) ? provider.environment : {}
  const functions = isRecord(doc.functions) ? doc.functions : {}
  for (const [fname, fdef] of Object.entries(functions)) {
    if (!isRecord(fdef)) throw configError(file, `functions.${fname}`, 'must be a mapping')
    const base = normalizeName(fname)
    const fnId = `${base}LambdaFunction`
    const fnEnv = isRecord(fdef.environment) ? fdef.environment : {}
    const props: Record<string, unknown> = {
      FunctionName: String(fdef.name ?? `${service}-${stage}-${fname}`),
      ...codeAndHandler(file, `functions.${fname}.handler`, codeRoot(doc), fdef.handler),
      Runtime: fdef.runtime ?? provider.runtime ?? 'nodejs22.x',
      Timeout: fdef.timeout ?? provider.timeout ?? DEFAULT_TIMEOUT,
      MemorySize: fdef.memorySize ?? provider.memorySize ?? DEFAULT_MEMORY,
      Environment: { Variables: { ...providerEnv, ...fnEnv } },
    }
    if (fdef.reservedConcurrency !== undefined)
      props.ReservedConcurrentExecutions = fdef.reservedConcurrency
    resources[fnId] = { Type: 'AWS::Lambda::Function', Properties: props }
    const albEvents = asList(fdef.events).filter(
      (e): e is { alb: unknown } => isRecord(e) && 'alb' in e,
    )
    albEvents.forEach((e, i) => {
      const at = `functions.${fname}.events[alb ${i}]`
      if (!isRecord(e.alb))
        throw configError(file, at, 'must be a mapping with listenerArn, priority and conditions')
      const alb = e.alb
      const tgId = `${base}AlbTargetGroup`
      if (!resources[tgId]) resources[tgId] = albTargetGroup(fnId, fname, stage, alb)
      else if (
        JSON.stringify(albTargetGroup(fnId, fname, stage, alb)) !== JSON.stringify(resources[tgId])
      ) {
        warnings.push(
          `${file}: ${at}: multiValueHeaders/healthCheck differ from the function's first alb event; the first wins`,
        )
      }
      resources[`${base}AlbListenerRule${String(alb.priority)}`] = {
        Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
        Properties: {
          ListenerArn: alb.listenerArn,
          Priority: alb.priority,
          Conditions: albConditions(file, at, alb.conditions),
          Actions: [{ Type: 'forward', TargetGroupArn: { Ref: tgId } }],
        },
      }
    })
  }
  const template: CfnTemplate = { Resources: resources }
  if (isRecord(resourcesSection.Outputs))
    template.Outputs = resourcesSection.Outputs as CfnTemplate['Outputs']
  if (isRecord(resourcesSection.Conditions)) template.Conditions = resourcesSection.Conditions
  if (isRecord(resourcesSection.Parameters))
    template.Parameters = resourcesSection.Parameters as CfnTemplate['Parameters']
  return { template, stackName: `${service}-${stage}` }
}

/** `provider.stage` with its own variables resolved (`${opt:stage, 'dev'}` → 'dev'), else 'dev'. */
function deployStage(raw: Record<string, unknown>, sources: VariableSources): string {
  const provider = isRecord(raw.provider) ? raw.provider : {}
  if (provider.stage === undefined) return 'dev'
  const resolved = resolveValue(provider.stage, raw, { ...sources, warnings: [] })
  return typeof resolved === 'string' && !resolved.includes('${') ? resolved : 'dev'
}

/**
 * Where handler paths start: serverless-offline's `custom.serverless-offline.location`
 * (relative to the serverless.yml), else the serverless.yml's own directory.
 */
function codeRoot(doc: Record<string, unknown>): string {
  const custom = isRecord(doc.custom) ? doc.custom : {}
  const offline = custom['serverless-offline']
  const location = isRecord(offline) ? offline.location : undefined
  return typeof location === 'string' && location !== '' ? location : '.'
}

/**
 * `apps/x/dist/index.handler` under root `../../..` → Code `../../../apps/x/dist`, Handler
 * `index.handler`: the function's code directory is the handler module's own directory, as with
 * a SAM CodeUri (it is what watch mode watches and LAMBDA_TASK_ROOT points at locally).
 */
function codeAndHandler(
  file: string,
  at: string,
  root: string,
  handler: unknown,
): { Code: string; Handler: unknown } {
  if (typeof handler !== 'string') return { Code: root, Handler: handler }
  const slash = handler.lastIndexOf('/')
  if (slash < 0) return { Code: root, Handler: handler }
  if (handler.startsWith('/'))
    throw configError(file, at, `'${handler}' must be relative to the service (or its location)`)
  return { Code: posix.join(root, handler.slice(0, slash)), Handler: handler.slice(slash + 1) }
}
