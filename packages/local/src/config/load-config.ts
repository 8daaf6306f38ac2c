import { readFile, stat } from 'node:fs/promises'
import { basename, resolve as resolvePath } from 'node:path'
import { readBuckets } from './buckets.js'
import { ExportTable, IMPLICIT_LISTENER_ARN } from './exports.js'
import { readFunctions } from './functions.js'
import { Resolver } from './intrinsics.js'
import { precompileRules } from './match-rule.js'
import {
  ConfigError,
  configError,
  type LoadConfigOptions,
  type LocalConfig,
  type LocalFunction,
  type LocalRule,
  type LocalTargetGroup,
} from './model.js'
import { checkPriorities, checkRuleCount, type PendingRule, readRules } from './rules.js'
import { serverlessToTemplate } from './serverless-yml.js'
import { readTargetGroups } from './target-groups.js'
import { asTemplate, defaultStackName } from './template.js'
import { parseCfnTemplate } from './yaml-cfn.js'

const SERVERLESS_FILES = new Set(['serverless.yml', 'serverless.yaml'])
/** The largest template file read (CloudFormation's own limit for a template body). */
export const MAX_TEMPLATE_BYTES = 1_000_000

interface Loaded {
  path: string
  resolver: Resolver
}

async function loadOne(
  file: string,
  options: LoadConfigOptions,
  exports: ExportTable,
  warnings: string[],
): Promise<Loaded> {
  const path = resolvePath(file)
  let doc: unknown
  try {
    // CloudFormation takes template bodies up to 1 MB (CloudFormation user guide, "quotas")
    const { size } = await stat(path)
    if (size > MAX_TEMPLATE_BYTES)
      throw new Error(`${size} bytes; CloudFormation takes templates up to ${MAX_TEMPLATE_BYTES}`)
    doc = parseCfnTemplate(await readFile(path, 'utf8'))
  } catch (err) {
    throw configError(file, 'template', `cannot be read or parsed: ${(err as Error).message}`)
  }
  const isServerless = SERVERLESS_FILES.has(basename(path))
  const sls = isServerless
    ? serverlessToTemplate(doc, file, options, process.env, warnings)
    : undefined
  let template: ReturnType<typeof asTemplate>
  try {
    template = sls ? sls.template : asTemplate(doc)
  } catch (err) {
    throw configError(file, 'Resources', (err as Error).message)
  }
  const stackName =
    options.stackNames?.[file] ??
    options.stackNames?.[path] ??
    sls?.stackName ??
    defaultStackName(path)
  const resolver = new Resolver({
    file,
    template,
    stackName,
    region: options.region ?? 'us-east-1',
    accountId: options.accountId ?? '123456789012',
    parameterOverrides: options.parameterOverrides ?? {},
    importValue: (name, where) => exports.lookup(name, where, file),
  })
  exports.add(resolver)
  return { path, resolver }
}

/**
 * Read SAM / CloudFormation templates and serverless.yml files into one local listener.
 * Throws {@link ConfigError} (`<file>: <LogicalId>.<Property>: …`) for invalid templates.
 *
 * @example
 * const config = await loadConfig(['templates/sam/alb.yaml', 'templates/sam/whats-my-ip.yaml'])
 * config.rules.at(-1)?.priority // 'default'
 */
export async function loadConfig(
  files: string[],
  options: LoadConfigOptions = {},
): Promise<LocalConfig> {
  const warnings: string[] = []
  const exports = new ExportTable()
  const loaded: Loaded[] = []
  for (const file of files) loaded.push(await loadOne(file, options, exports, warnings))
  const config: LocalConfig = { functions: [], targetGroups: [], rules: [], buckets: [], warnings }
  const rules: PendingRule[] = []
  const defaults: PendingRule[] = []
  const targets: PendingTarget[] = []
  for (const { path, resolver } of loaded) {
    const fns = readFunctions(resolver, path)
    warnings.push(...fns.warnings)
    config.functions.push(...fns.functions)
    for (const p of readTargetGroups(resolver, path, warnings)) {
      config.targetGroups.push(p.targetGroup)
      if (p.targetId !== undefined)
        targets.push({ file: resolver.context.file, tg: p.targetGroup, id: p.targetId })
    }
    const r = readRules(resolver, path, warnings)
    rules.push(...r.rules)
    defaults.push(...r.defaults)
    config.buckets.push(...readBuckets(resolver, path))
  }
  const display = (path: string) =>
    loaded.find((l) => l.path === path)?.resolver.context.file ?? path
  checkUniqueFunctions(config.functions, display)
  linkTargets(config, targets)
  checkForwards(rules.concat(defaults), config, display)
  checkPriorities(rules, display)
  checkRuleCount(rules)
  applyEnvOverrides(config.functions, options.envOverrides ?? {})
  config.rules = [...rules.map((p) => p.rule).sort(byPriority), defaultRule(defaults, warnings)]
  precompileRules(config.rules)
  return config
}

function byPriority(a: LocalRule, b: LocalRule): number {
  return Number(a.priority) - Number(b.priority)
}

function checkUniqueFunctions(functions: LocalFunction[], display: (p: string) => string): void {
  const seen = new Map<string, LocalFunction>()
  for (const fn of functions) {
    const other = seen.get(fn.logicalId)
    if (other) {
      throw configError(
        display(fn.templateFile),
        fn.logicalId,
        `the logical id is also a function in ${display(other.templateFile)}; use distinct function logical ids across templates`,
      )
    }
    seen.set(fn.logicalId, fn)
  }
}

interface PendingTarget {
  file: string
  tg: LocalTargetGroup
  id: string
}

function linkTargets(config: LocalConfig, targets: PendingTarget[]): void {
  const byId = new Map<string, LocalFunction>()
  for (const fn of config.functions) {
    byId.set(fn.functionName, fn).set(fn.functionArn, fn)
    if (fn.aliasArn) byId.set(fn.aliasArn, fn)
  }
  for (const t of targets) {
    const fn = byId.get(t.id)
    if (!fn) {
      throw configError(
        t.file,
        `${t.tg.logicalId}.Targets[0].Id`,
        `'${t.id}' is not a function of the loaded templates; use !Ref <Function>.Alias or !GetAtt <Function>.Arn`,
      )
    }
    t.tg.functionLogicalId = fn.logicalId
  }
}

function checkForwards(
  rules: PendingRule[],
  config: LocalConfig,
  display: (p: string) => string,
): void {
  const arns = new Set(config.targetGroups.map((g) => g.arn))
  for (const { rule } of rules) {
    if (rule.action.type !== 'forward') continue
    for (const g of rule.action.targetGroups) {
      if (!arns.has(g.arn)) {
        const prop = rule.priority === 'default' ? 'DefaultActions' : 'Actions'
        throw configError(
          display(rule.templateFile),
          `${rule.logicalId}.${prop}`,
          `forwards to '${g.arn}', which is not a lambda target group of the loaded templates`,
        )
      }
    }
  }
}

function applyEnvOverrides(
  functions: LocalFunction[],
  overrides: Record<string, Record<string, string>>,
): void {
  for (const fn of functions) {
    Object.assign(fn.environment, overrides[fn.logicalId] ?? {}, overrides[fn.functionName] ?? {})
  }
}

function defaultRule(defaults: PendingRule[], warnings: string[]): LocalRule {
  const [first, ...rest] = defaults
  if (!first) {
    warnings.push(
      `no listener in the loaded templates; the default action is a local 404 (${IMPLICIT_LISTENER_ARN})`,
    )
    return {
      priority: 'default',
      conditions: [],
      action: {
        type: 'fixed-response',
        statusCode: 404,
        contentType: 'application/json',
        messageBody: '{"message":"No route matches this request"}',
      },
      logicalId: 'ImplicitListener',
      templateFile: '',
    }
  }
  for (const other of rest) {
    if (JSON.stringify(other.rule.action) !== JSON.stringify(first.rule.action)) {
      warnings.push(
        `${other.rule.logicalId}: its DefaultActions differ from ${first.rule.logicalId}'s; locally all listeners are one and ${first.rule.logicalId}'s default wins`,
      )
    }
  }
  return first.rule
}

export { ConfigError }
