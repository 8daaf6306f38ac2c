/**
 * The local load balancer's view of a set of deploy templates. `config/` builds it,
 * `runtime/` serves it. Kept exactly as docs/architecture.md describes.
 */

/** Health-check settings of one target group (contract §6 defaults applied). */
export interface HealthCheckSettings {
  enabled: boolean
  path: string
  intervalSeconds: number
  timeoutSeconds: number
  healthyThreshold: number
  unhealthyThreshold: number
  /** `"200"`, `"200-299"` or `"200,204"` */
  matcher: string
}

/** One Lambda function found in a template, resolved to a file on disk. */
export interface LocalFunction {
  logicalId: string
  functionName: string
  templateFile: string
  /** absolute */
  codeDir: string
  /** absolute; `.mjs`, `.js`, `.cjs` resolved in that order like Lambda */
  handlerFile: string
  handlerExport: string
  /** default 3 */
  timeoutSeconds: number
  /** default 128 */
  memoryMb: number
  environment: Record<string, string>
  aliasName?: string
  functionArn: string
  aliasArn?: string
  reservedConcurrency?: number
}

/** One `lambda` target group. */
export interface LocalTargetGroup {
  logicalId: string
  name: string
  arn: string
  templateFile: string
  /** the registered target; undefined = no target → 503 */
  functionLogicalId?: string
  multiValueHeaders: boolean
  healthCheck: HealthCheckSettings
}

/** One listener-rule condition; values inside a condition are ORed. */
export type RuleCondition =
  | {
      field: 'path-pattern' | 'host-header' | 'http-request-method' | 'source-ip'
      values: string[]
    }
  | { field: 'http-header'; headerName: string; values: string[] }
  | { field: 'query-string'; values: Array<{ key?: string; value: string }> }

/** The one terminal action of a rule. */
export type RuleAction =
  | { type: 'forward'; targetGroups: Array<{ arn: string; weight: number }> }
  | { type: 'fixed-response'; statusCode: number; contentType?: string; messageBody?: string }
  | {
      type: 'redirect'
      statusCode: 301 | 302
      protocol: string
      host: string
      port: string
      path: string
      query: string
    }

/** A listener rule; `priority: 'default'` is the listener's default action (no conditions). */
export interface LocalRule {
  priority: number | 'default'
  conditions: RuleCondition[]
  action: RuleAction
  logicalId: string
  templateFile: string
}

/** An S3 bucket the embedded S3 server should create. */
export interface LocalBucket {
  logicalId: string
  bucketName: string
  templateFile: string
}

/** Everything the local load balancer needs. */
export interface LocalConfig {
  functions: LocalFunction[]
  targetGroups: LocalTargetGroup[]
  /** sorted by priority, default rule last */
  rules: LocalRule[]
  buckets: LocalBucket[]
  warnings: string[]
}

/** Options of {@link loadConfig}. */
export interface LoadConfigOptions {
  /** default `us-east-1` */
  region?: string
  /** default `123456789012` */
  accountId?: string
  /** CloudFormation parameter values, by parameter name (all templates) */
  parameterOverrides?: Record<string, string>
  /** extra environment variables by function logical id or function name */
  envOverrides?: Record<string, Record<string, string>>
  /** stack name by template path (as given or absolute); default: file basename without extension */
  stackNames?: Record<string, string>
  /** serverless.yml `${opt:stage}`; default: the file's own default, else `dev` */
  stage?: string
}

/**
 * A template problem found at load time. Message format:
 * `<file>: <LogicalId>.<Property>: what is wrong and what is allowed`.
 *
 * @example
 * throw new ConfigError('alb.yaml: Rule.Priority: 0 is out of range (1–50000)')
 */
export class ConfigError extends Error {
  override name = 'ConfigError'
}

/** Build the standard `<file>: <LogicalId>.<Property>: message` error. */
export function configError(file: string, where: string, message: string): ConfigError {
  return new ConfigError(`${file}: ${where}: ${message}`)
}
