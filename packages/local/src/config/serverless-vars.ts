import { randomUUID } from 'node:crypto'
import { configError } from './model.js'
import { isRecord } from './template.js'

/** Where `${opt:…}`, `${env:…}`, `${sls:stage}`, `${aws:…}` and `${param:…}` come from. */
export interface VariableSources {
  /** CLI options: `${opt:stage}`, `${opt:region}` */
  options: Record<string, string | undefined>
  env: Record<string, string | undefined>
  warnings: string[]
  file: string
  /** the stage the service is deployed to (`${sls:stage}`, picks `params.<stage>`); default `options.stage` */
  stage?: string
  /** `${aws:region}` / `${aws:accountId}`: the local load balancer's region and account */
  aws?: { region: string; accountId: string }
  /** `--param="name=value"` equivalents: win over the `params` block */
  paramOverrides?: Record<string, string>
}

/** One id per process for `${sls:instanceId}`: a fresh id per deploy in osls, per start here. */
const LOCAL_INSTANCE_ID = randomUUID()

// osls only treats `${` followed by a lower-case source type (or a quoted literal) as its own
// variable; `${AWS::Region}`, `${MyBucket}` or `${MyBucket.Arn}` (CloudFormation Fn::Sub syntax)
// are left for CloudFormation untouched (osls 3.x, lib/configuration/variables/parse.js).
const VARIABLE = /\$\{([a-z'"][^{}$]*)\}/
const MAX_PASSES = 20

/**
 * Resolve the basic Serverless Framework variables in a parsed serverless.yml:
 * `${self:a.b}`, `${opt:stage, 'dev'}`, `${env:NAME, 'default'}`, `${sls:stage}`,
 * `${param:name, 'default'}`, `${aws:region}`, `${aws:accountId}`.
 * `${cf:…}` (a deployed stack's output) without a default and a `${param:…}` that is defined
 * nowhere are a ConfigError; other sources (`${ssm:…}`, `${s3:…}`…) are left as written, with a
 * warning.
 *
 * @example
 * resolveVariables({ s: "${opt:stage, 'dev'}" }, sources) // { s: 'dev' }
 */
export function resolveVariables(
  doc: Record<string, unknown>,
  sources: VariableSources,
): Record<string, unknown> {
  return resolveValue(doc, doc, sources) as Record<string, unknown>
}

/**
 * Resolve the variables of one value of a serverless.yml (`${self:…}` reads `doc`).
 *
 * @example
 * resolveValue("${opt:stage, 'dev'}", doc, sources) // 'dev'
 */
export function resolveValue(
  value: unknown,
  doc: Record<string, unknown>,
  sources: VariableSources,
): unknown {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return resolveString(v, doc, sources, 0)
    if (Array.isArray(v)) return v.map(walk)
    if (isRecord(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]))
    return v
  }
  return walk(value)
}

function resolveString(
  text: string,
  doc: Record<string, unknown>,
  src: VariableSources,
  depth: number,
): unknown {
  let current: unknown = text
  for (let pass = 0; pass < MAX_PASSES && typeof current === 'string'; pass++) {
    const m = VARIABLE.exec(current)
    if (!m) break
    const value = lookup(m[1] ?? '', doc, src, depth)
    if (value === undefined) {
      src.warnings.push(`${src.file}: variable ${m[0]} is not resolved locally; left as written`)
      // Mark it so it is not tried again, then restore it at the end.
      current = current.replace(m[0], `\u0000${m[1]}\u0001`)
      continue
    }
    // A variable that is the whole string keeps its type (a mapping, a number).
    current = m[0] === current ? value : current.replace(m[0], String(value))
  }
  return typeof current === 'string'
    ? current.split('\u0000').join('${').split('\u0001').join('}')
    : current
}

function lookup(
  expr: string,
  doc: Record<string, unknown>,
  src: VariableSources,
  depth: number,
): unknown {
  const [head = '', ...rest] = splitTopLevel(expr)
  const fallback = rest.length > 0 ? literal(rest.join(',').trim()) : undefined
  const colon = head.indexOf(':')
  const source = head.slice(0, colon).trim()
  const address = head.slice(colon + 1).trim()
  let value: unknown
  if (source === 'self') value = selfPath(doc, address, src, depth)
  else if (source === 'opt') value = src.options[address]
  else if (source === 'env') value = src.env[address]
  else if (source === 'sls' && address === 'stage') value = src.stage ?? src.options.stage
  // osls gives every deploy a fresh instance id (docs: "Serverless Core Variables"); locally one per process
  else if (source === 'sls' && address === 'instanceId') value = LOCAL_INSTANCE_ID
  else if (source === 'aws' && src.aws && (address === 'region' || address === 'accountId'))
    value = src.aws[address]
  else if (source === 'param') value = param(address, doc, src, depth)
  else if (colon < 0) return literal(head.trim())
  value ??= fallback
  if (value === undefined && source === 'param') {
    throw configError(
      src.file,
      `\${${expr}}`,
      `'${address}' is not in params.${src.stage ?? 'dev'} or params.default and the variable has no default; add it to params or pass it in parameterOverrides`,
    )
  }
  if (value === undefined && source === 'cf') {
    throw configError(
      src.file,
      `\${${expr}}`,
      "reads an output of a deployed stack, which does not exist locally; give the variable a default (cf:stack.Output, 'value') or use a param",
    )
  }
  return value
}

// osls "params": `--param` on the command line, then params.<stage>, then params.default
// (Serverless Framework v3 docs, "Parameters").
function param(
  name: string,
  doc: Record<string, unknown>,
  src: VariableSources,
  depth: number,
): unknown {
  const override = src.paramOverrides?.[name]
  if (override !== undefined) return override
  const params = isRecord(doc.params) ? doc.params : {}
  for (const section of [src.stage ?? 'dev', 'default']) {
    const block = params[section]
    const raw = isRecord(block) ? block[name] : undefined
    if (raw === undefined || raw === null) continue
    return typeof raw === 'string' && depth < 5 ? resolveString(raw, doc, src, depth + 1) : raw
  }
  return undefined
}

function selfPath(
  doc: Record<string, unknown>,
  address: string,
  src: VariableSources,
  depth: number,
): unknown {
  let node: unknown = doc
  for (const key of address.split('.').filter(Boolean))
    node = isRecord(node) ? node[key] : undefined
  if (typeof node === 'string' && depth < 5) return resolveString(node, doc, src, depth + 1)
  return node
}

function splitTopLevel(expr: string): string[] {
  const parts: string[] = []
  let quote = ''
  let start = 0
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i]
    if (quote) {
      if (ch === quote) quote = ''
    } else if (ch === "'" || ch === '"') quote = ch
    else if (ch === ',') {
      parts.push(expr.slice(start, i))
      start = i + 1
    }
  }
  parts.push(expr.slice(start))
  return parts
}

function literal(text: string): unknown {
  const q = /^(['"])(.*)\1$/.exec(text)
  if (q) return q[2]
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  if (text === 'true' || text === 'false') return text === 'true'
  return undefined
}
