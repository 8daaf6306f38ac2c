import { existsSync } from 'node:fs'
import { dirname, resolve as resolvePath } from 'node:path'
import type { Resolver } from './intrinsics.js'
import { configError, type LocalFunction } from './model.js'
import { isRecord, mergedProperties } from './template.js'

const FUNCTION_TYPES = new Set(['AWS::Serverless::Function', 'AWS::Lambda::Function'])

// The Node.js runtime looks for the handler module with these extensions, in this order.
// (Lambda developer guide, "Define Lambda function handler in Node.js" → ES module / CommonJS)
export const HANDLER_EXTENSIONS = ['.mjs', '.js', '.cjs'] as const

/** What reading functions produced: the functions plus harmless things worth a warning. */
export interface FunctionsResult {
  functions: LocalFunction[]
  warnings: string[]
}

/**
 * Read every `AWS::Serverless::Function` (with `Globals.Function` merged) and
 * `AWS::Lambda::Function` of a template into {@link LocalFunction}s.
 *
 * @example
 * readFunctions(resolver, '/repo/templates/sam/ip.yaml').functions[0]?.handlerFile
 */
export function readFunctions(resolver: Resolver, templatePath: string): FunctionsResult {
  const { template, file } = resolver.context
  const out: FunctionsResult = { functions: [], warnings: [] }
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    if (!FUNCTION_TYPES.has(resource.Type)) continue
    if (!resolver.isActive(resource.Condition, `${logicalId}.Condition`)) continue
    const props = mergedProperties(template, resource)
    const where = (p: string) => `${logicalId}.${p}`
    const runtime = resolver.optionalString(props.Runtime, where('Runtime'))
    if (props.PackageType === 'Image' || (runtime !== undefined && !runtime.startsWith('nodejs'))) {
      out.warnings.push(
        `${file}: ${logicalId}: runtime ${runtime ?? 'image'} cannot run locally; skipped`,
      )
      continue
    }
    const isSam = resource.Type === 'AWS::Serverless::Function'
    const codeKey = isSam ? 'CodeUri' : 'Code'
    const code = props[codeKey]
    if (typeof code !== 'string' && !isRecord(code)) {
      throw configError(
        file,
        where(codeKey),
        'missing; give a local directory such as ../../apps/<app>/dist',
      )
    }
    const codePath = resolver.resolve(code, where(codeKey))
    if (typeof codePath !== 'string') {
      throw configError(
        file,
        where(codeKey),
        'only a local path is supported by @albkit/local (not S3 or inline code)',
      )
    }
    const codeDir = resolvePath(dirname(templatePath), codePath)
    const handler = resolver.string(props.Handler, where('Handler'))
    const dot = handler.lastIndexOf('.')
    if (dot <= 0 || dot === handler.length - 1) {
      throw configError(
        file,
        where('Handler'),
        `'${handler}' must look like <file>.<export>, e.g. index.handler`,
      )
    }
    const modulePath = resolvePath(codeDir, handler.slice(0, dot))
    const tried = HANDLER_EXTENSIONS.map((ext) => `${modulePath}${ext}`)
    const handlerFile = tried.find((p) => existsSync(p))
    if (!handlerFile) {
      throw configError(
        file,
        where('Handler'),
        `function ${logicalId}: handler file not found; tried ${tried.join(', ')} (build the app first)`,
      )
    }
    const identity = resolver.identity(logicalId, where('FunctionName'))
    const functionArn = String(identity.attrs.Arn)
    const aliasArn = identity.attrs['.Alias']
    const fn: LocalFunction = {
      logicalId,
      functionName: identity.ref,
      templateFile: templatePath,
      codeDir,
      handlerFile,
      handlerExport: handler.slice(dot + 1),
      // Lambda defaults: 3 s timeout (1–900), 128 MB memory (128–10240). (Lambda API, CreateFunction)
      timeoutSeconds: intIn(resolver, props.Timeout, where('Timeout'), 3, 1, 900),
      memoryMb: intIn(resolver, props.MemorySize, where('MemorySize'), 128, 128, 10240),
      environment: readEnvironment(resolver, props.Environment, where('Environment')),
      functionArn,
    }
    if (typeof aliasArn === 'string') {
      fn.aliasArn = aliasArn
      fn.aliasName = aliasArn.slice(functionArn.length + 1)
    }
    const reserved = props.ReservedConcurrentExecutions
    if (reserved !== undefined) {
      fn.reservedConcurrency = intIn(
        resolver,
        reserved,
        where('ReservedConcurrentExecutions'),
        0,
        0,
        100000,
      )
    }
    out.functions.push(fn)
  }
  return out
}

function readEnvironment(resolver: Resolver, env: unknown, where: string): Record<string, string> {
  if (env === undefined) return {}
  const resolved = resolver.resolve(env, where)
  const vars = isRecord(resolved) ? resolved.Variables : undefined
  if (vars === undefined) return {}
  if (!isRecord(vars))
    throw configError(resolver.context.file, `${where}.Variables`, 'must be a mapping')
  const out: Record<string, string> = {}
  for (const [k, v] of Object.entries(vars)) out[k] = resolver.string(v, `${where}.Variables.${k}`)
  return out
}

/** Resolve an optional integer property and check its range. */
export function intIn(
  resolver: Resolver,
  value: unknown,
  where: string,
  dflt: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return dflt
  const s = resolver.string(value, where)
  const n = Number(s)
  if (!Number.isInteger(n) || n < min || n > max) {
    throw configError(
      resolver.context.file,
      where,
      `${s} is not allowed; use an integer from ${min} to ${max}`,
    )
  }
  return n
}
