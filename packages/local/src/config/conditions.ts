import { isIP } from 'node:net'
import { describe, type Resolver } from './intrinsics.js'
import { configError, type RuleCondition } from './model.js'
import { isRecord } from './template.js'

const CONFIG_KEYS: Record<string, string> = {
  'path-pattern': 'PathPatternConfig',
  'host-header': 'HostHeaderConfig',
  'http-header': 'HttpHeaderConfig',
  'http-request-method': 'HttpRequestMethodConfig',
  'query-string': 'QueryStringConfig',
  'source-ip': 'SourceIpConfig',
}
// At most one each of these per rule (ELB user guide, "Listener rules" → condition types).
const SINGLE_FIELDS = new Set(['host-header', 'http-request-method', 'path-pattern', 'source-ip'])
// Up to three match evaluations per condition, five per rule, five wildcards per rule
// (ELB user guide, "Listener rules" → condition types; "Quotas for your Application Load Balancers").
export const MAX_VALUES_PER_CONDITION = 3
export const MAX_VALUES_PER_RULE = 5
export const MAX_WILDCARDS_PER_RULE = 5
export const MAX_VALUE_LENGTH = 128
export const MAX_HEADER_NAME = 40

/**
 * Parse and validate a rule's `Conditions` (legacy `Field`+`Values` or the `…Config` forms).
 *
 * @example
 * parseConditions(r, 'Rule', [{ Field: 'path-pattern', Values: ['/ip'] }])
 * // [{ field: 'path-pattern', values: ['/ip'] }]
 */
export function parseConditions(resolver: Resolver, where: string, raw: unknown): RuleCondition[] {
  const file = resolver.context.file
  const list = resolver.resolve(raw ?? [], `${where}.Conditions`)
  if (!Array.isArray(list)) throw configError(file, `${where}.Conditions`, 'must be a list')
  const seen = new Set<string>()
  const out: RuleCondition[] = []
  list.forEach((item, i) => {
    const at = `${where}.Conditions[${i}]`
    const c = parseCondition(file, at, item)
    if (SINGLE_FIELDS.has(c.field) && seen.has(c.field)) {
      throw configError(
        file,
        at,
        `a second ${c.field} condition; a rule takes at most one each of ${[...SINGLE_FIELDS].join(', ')}`,
      )
    }
    seen.add(c.field)
    if (c.values.length === 0) throw configError(file, at, `${c.field} needs at least one value`)
    if (c.values.length > MAX_VALUES_PER_CONDITION) {
      throw configError(
        file,
        at,
        `${c.values.length} values; a condition takes at most ${MAX_VALUES_PER_CONDITION}`,
      )
    }
    out.push(c)
  })
  const total = out.reduce((n, c) => n + c.values.length, 0)
  if (total > MAX_VALUES_PER_RULE) {
    throw configError(
      file,
      `${where}.Conditions`,
      `${total} condition values; a rule takes at most ${MAX_VALUES_PER_RULE}`,
    )
  }
  const wildcards = out.reduce((n, c) => n + countWildcards(c), 0)
  if (wildcards > MAX_WILDCARDS_PER_RULE) {
    throw configError(
      file,
      `${where}.Conditions`,
      `${wildcards} wildcards; a rule takes at most ${MAX_WILDCARDS_PER_RULE}`,
    )
  }
  return out
}

function countWildcards(c: RuleCondition): number {
  const count = (s: string) => (s.replace(/\\[*?]/g, '').match(/[*?]/g) ?? []).length
  if (c.field === 'query-string')
    return c.values.reduce((n, v) => n + count(v.value) + count(v.key ?? ''), 0)
  if (c.field === 'source-ip' || c.field === 'http-request-method') return 0
  return c.values.reduce((n, v) => n + count(v), 0)
}

function strings(file: string, at: string, value: unknown): string[] {
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
    throw configError(file, at, `must be a list of strings, got ${describe(value)}`)
  }
  return value as string[]
}

function parseCondition(file: string, at: string, item: unknown): RuleCondition {
  if (!isRecord(item) || typeof item.Field !== 'string' || !(item.Field in CONFIG_KEYS)) {
    const field = isRecord(item) ? describe(item.Field) : describe(item)
    throw configError(
      file,
      `${at}.Field`,
      `${field} is not allowed; use one of ${Object.keys(CONFIG_KEYS).join(', ')}`,
    )
  }
  const field = item.Field
  const configKey = CONFIG_KEYS[field] ?? ''
  const config = item[configKey]
  if (item.Values !== undefined && config !== undefined) {
    throw configError(file, at, `give either Values or ${configKey}, not both`)
  }
  if (item.Values !== undefined) {
    // The legacy Values list exists only for host-header and path-pattern
    // (CloudFormation, AWS::ElasticLoadBalancingV2::ListenerRule RuleCondition → Values).
    if (field !== 'host-header' && field !== 'path-pattern') {
      throw configError(
        file,
        `${at}.Values`,
        `is only for host-header and path-pattern; use ${configKey}`,
      )
    }
    return {
      field,
      values: checkLengths(file, `${at}.Values`, strings(file, `${at}.Values`, item.Values)),
    }
  }
  if (!isRecord(config)) throw configError(file, at, `${field} needs ${configKey} (or Values)`)
  if (config.RegexValues !== undefined) {
    throw configError(
      file,
      `${at}.${configKey}.RegexValues`,
      'regex conditions are not supported by @albkit/local',
    )
  }
  const vat = `${at}.${configKey}.Values`
  switch (field) {
    case 'http-header': {
      const name = config.HttpHeaderName
      if (typeof name !== 'string' || name === '' || /[*?]/.test(name)) {
        throw configError(
          file,
          `${at}.${configKey}.HttpHeaderName`,
          'must be a header name without wildcards',
        )
      }
      // At most 40 characters, RFC 7230 token characters (ELBv2 API, HttpHeaderConditionConfig).
      if (name.length > MAX_HEADER_NAME || !isToken(name)) {
        throw configError(
          file,
          `${at}.${configKey}.HttpHeaderName`,
          `'${name.slice(0, 48)}' must be an HTTP header name (token characters) of at most ${MAX_HEADER_NAME} characters`,
        )
      }
      // Use host-header for Host (ELB user guide, "HTTP header conditions").
      if (name.toLowerCase() === 'host') {
        throw configError(
          file,
          `${at}.${configKey}.HttpHeaderName`,
          'Host is not allowed; use a host-header condition',
        )
      }
      return {
        field,
        headerName: name,
        values: checkLengths(file, vat, strings(file, vat, config.Values)),
      }
    }
    case 'query-string':
      return { field, values: queryValues(file, vat, config.Values) }
    case 'source-ip':
      return {
        field,
        values: strings(file, vat, config.Values).map((v) => checkCidr(file, vat, v)),
      }
    case 'path-pattern':
    case 'host-header':
      return { field, values: checkLengths(file, vat, strings(file, vat, config.Values)) }
    default:
      return {
        field: 'http-request-method',
        values: checkMethods(file, vat, strings(file, vat, config.Values)),
      }
  }
}

// Path, host, header and query-string values: not empty, at most 128 characters (ELBv2 API,
// RuleCondition: "the value for a condition can't be empty"; …ConditionConfig: "maximum length
// of each string is 128 characters").
function checkLengths(file: string, at: string, values: string[]): string[] {
  for (const v of values) {
    if (v === '') throw configError(file, at, 'an empty value is not allowed')
    if (v.length > MAX_VALUE_LENGTH)
      throw configError(
        file,
        at,
        `'${v.slice(0, 40)}…' is longer than ${MAX_VALUE_LENGTH} characters`,
      )
  }
  return values
}

// RFC 7230 tchar: ! # $ % & ' * + - . ^ _ ` | ~ DIGIT ALPHA
const TCHAR = new Set("!#$%&'*+-.^_`|~")
function isToken(name: string): boolean {
  for (const ch of name) if (!TCHAR.has(ch) && !/[0-9A-Za-z]/.test(ch)) return false
  return true
}

// Method names: A-Z, hyphen, underscore; case-sensitive (ELB user guide, "HTTP request method conditions").
function checkMethods(file: string, at: string, values: string[]): string[] {
  for (const v of values)
    if (!/^[A-Z_-]{1,40}$/.test(v))
      throw configError(file, at, `'${v}' must be an upper-case method such as GET`)
  return values
}

function queryValues(
  file: string,
  at: string,
  values: unknown,
): Array<{ key?: string; value: string }> {
  if (!Array.isArray(values)) throw configError(file, at, 'must be a list of {Key?, Value}')
  return values.map((v, i) => {
    if (
      !isRecord(v) ||
      typeof v.Value !== 'string' ||
      (v.Key !== undefined && typeof v.Key !== 'string')
    ) {
      throw configError(file, `${at}[${i}]`, 'must be {Key?: string, Value: string}')
    }
    const key = typeof v.Key === 'string' ? v.Key : undefined
    checkLengths(file, `${at}[${i}]`, key === undefined ? [v.Value] : [key, v.Value])
    return key === undefined ? { value: v.Value } : { key, value: v.Value }
  })
}

function checkCidr(file: string, at: string, v: string): string {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(v)
  const version = isIP(m?.[1] ?? '')
  const prefix = Number(m?.[2])
  if (!m || version === 0 || prefix > (version === 6 ? 128 : 32)) {
    throw configError(
      file,
      at,
      `'${v}' is not a CIDR block such as 203.0.113.0/24 or 2001:db8::/32`,
    )
  }
  return v
}
