import { describe, type Resolver } from './intrinsics.js'
import { configError, type RuleAction } from './model.js'
import { isRecord } from './template.js'

// fixed-response content types (ELB user guide, "Listener rules" → fixed-response actions).
export const FIXED_RESPONSE_CONTENT_TYPES = [
  'text/plain',
  'text/css',
  'text/html',
  'application/javascript',
  'application/json',
] as const
// A fixed-response body is at most 1024 characters (ELBv2 API, FixedResponseActionConfig).
const MAX_FIXED_BODY = 1024
const MAX_REDIRECT_PART = 128
// A forward action spreads over at most 5 target groups, weights 0–999 (ELB user guide, forward actions).
const MAX_FORWARD_GROUPS = 5

/**
 * Parse a rule's (or listener's default) `Actions` into its one terminal action.
 * Authentication actions are skipped with a warning (not emulated).
 *
 * @example
 * parseActions(r, 'Rule', 'Actions', [{ Type: 'forward', TargetGroupArn: arn }], [])
 * // { type: 'forward', targetGroups: [{ arn, weight: 1 }] }
 */
export function parseActions(
  resolver: Resolver,
  where: string,
  property: string,
  raw: unknown,
  warnings: string[],
): RuleAction {
  const file = resolver.context.file
  const at = `${where}.${property}`
  const list = resolver.resolve(raw ?? [], at)
  if (!Array.isArray(list)) throw configError(file, at, 'must be a list of actions')
  const terminal: RuleAction[] = []
  list.forEach((item, i) => {
    const iat = `${at}[${i}]`
    if (!isRecord(item)) throw configError(file, iat, 'must be an action mapping')
    const type = item.Type
    if (type === 'authenticate-oidc' || type === 'authenticate-cognito') {
      warnings.push(
        `${file}: ${iat}: ${type} is not emulated locally; requests pass unauthenticated`,
      )
    } else if (type === 'forward') terminal.push(forward(file, iat, item))
    else if (type === 'fixed-response')
      terminal.push(fixedResponse(file, iat, item.FixedResponseConfig))
    else if (type === 'redirect') terminal.push(redirect(file, iat, item.RedirectConfig))
    else {
      throw configError(
        file,
        `${iat}.Type`,
        `${describe(type)} is not allowed; use forward, fixed-response or redirect`,
      )
    }
  })
  const [action] = terminal
  // Exactly one terminal action per rule (ELB user guide, "Listener rules" → rule action types).
  if (!action || terminal.length > 1) {
    throw configError(
      file,
      at,
      `has ${terminal.length} forward/fixed-response/redirect actions; exactly one is required`,
    )
  }
  return action
}

function forward(file: string, at: string, item: Record<string, unknown>): RuleAction {
  const cfg = item.ForwardConfig
  if (typeof item.TargetGroupArn === 'string' && cfg === undefined) {
    return { type: 'forward', targetGroups: [{ arn: item.TargetGroupArn, weight: 1 }] }
  }
  const groups = isRecord(cfg) ? cfg.TargetGroups : undefined
  if (!Array.isArray(groups) || groups.length === 0 || groups.length > MAX_FORWARD_GROUPS) {
    throw configError(
      file,
      at,
      `forward needs TargetGroupArn or ForwardConfig.TargetGroups with 1–${MAX_FORWARD_GROUPS} entries`,
    )
  }
  const targetGroups = groups.map((g, i) => {
    const gat = `${at}.ForwardConfig.TargetGroups[${i}]`
    if (!isRecord(g) || typeof g.TargetGroupArn !== 'string')
      throw configError(file, gat, 'needs a TargetGroupArn')
    const weight = g.Weight === undefined ? 1 : Number(g.Weight)
    if (!Number.isInteger(weight) || weight < 0 || weight > 999) {
      throw configError(
        file,
        `${gat}.Weight`,
        `${describe(g.Weight)} is not allowed; use an integer from 0 to 999`,
      )
    }
    return { arn: g.TargetGroupArn, weight }
  })
  if (
    typeof item.TargetGroupArn === 'string' &&
    !targetGroups.some((g) => g.arn === item.TargetGroupArn)
  ) {
    throw configError(file, at, 'TargetGroupArn and ForwardConfig name different target groups')
  }
  if (targetGroups.every((g) => g.weight === 0))
    throw configError(file, at, 'every target group has weight 0')
  return { type: 'forward', targetGroups }
}

function fixedResponse(file: string, at: string, cfg: unknown): RuleAction {
  const cat = `${at}.FixedResponseConfig`
  if (!isRecord(cfg)) throw configError(file, at, 'fixed-response needs FixedResponseConfig')
  const code = String(cfg.StatusCode)
  // Status codes 2XX, 4XX or 5XX only.
  if (!/^[245]\d\d$/.test(code)) {
    throw configError(
      file,
      `${cat}.StatusCode`,
      `${describe(cfg.StatusCode)} is not allowed; use a 2XX, 4XX or 5XX code`,
    )
  }
  const action: RuleAction = { type: 'fixed-response', statusCode: Number(code) }
  if (cfg.ContentType !== undefined) {
    const ct = String(cfg.ContentType)
    if (!(FIXED_RESPONSE_CONTENT_TYPES as readonly string[]).includes(ct)) {
      throw configError(
        file,
        `${cat}.ContentType`,
        `'${ct}' is not allowed; use one of ${FIXED_RESPONSE_CONTENT_TYPES.join(', ')}`,
      )
    }
    action.contentType = ct
  }
  if (cfg.MessageBody !== undefined) {
    const body = String(cfg.MessageBody)
    if (body.length > MAX_FIXED_BODY) {
      throw configError(
        file,
        `${cat}.MessageBody`,
        `${body.length} characters; at most ${MAX_FIXED_BODY} are allowed`,
      )
    }
    action.messageBody = body
  }
  return action
}

function redirect(file: string, at: string, cfg: unknown): RuleAction {
  const rat = `${at}.RedirectConfig`
  if (!isRecord(cfg)) throw configError(file, at, 'redirect needs RedirectConfig')
  const status = cfg.StatusCode
  if (status !== 'HTTP_301' && status !== 'HTTP_302') {
    throw configError(
      file,
      `${rat}.StatusCode`,
      `${describe(status)} is not allowed; use HTTP_301 or HTTP_302`,
    )
  }
  // Omitted components keep the request's own (ELB user guide, "Listener rules" → redirect actions).
  const protocol = cfg.Protocol === undefined ? '#{protocol}' : String(cfg.Protocol)
  if (!['HTTP', 'HTTPS', '#{protocol}'].includes(protocol)) {
    throw configError(
      file,
      `${rat}.Protocol`,
      `'${protocol}' is not allowed; use HTTP, HTTPS or #{protocol}`,
    )
  }
  const path = cfg.Path === undefined ? '/#{path}' : String(cfg.Path)
  if (!path.startsWith('/')) throw configError(file, `${rat}.Path`, `'${path}' must start with /`)
  const query = cfg.Query === undefined ? '#{query}' : String(cfg.Query)
  if (query.startsWith('?'))
    throw configError(file, `${rat}.Query`, `'${query}' must not start with ?`)
  const host = cfg.Host === undefined ? '#{host}' : String(cfg.Host)
  // Host and Path 1–128 characters, Query 0–128, Port 1–65535 or #{port} (ELBv2 API, RedirectActionConfig).
  for (const [name, value, min] of [
    ['Host', host, 1],
    ['Path', path, 1],
    ['Query', query, 0],
  ] as const) {
    if (value.length < min || value.length > MAX_REDIRECT_PART)
      throw configError(
        file,
        `${rat}.${name}`,
        `${value.length} characters; ${min}–${MAX_REDIRECT_PART} are allowed`,
      )
  }
  const port = cfg.Port === undefined ? '#{port}' : String(cfg.Port)
  const portNumber = Number(port)
  if (port !== '#{port}' && !(/^\d{1,5}$/.test(port) && portNumber >= 1 && portNumber <= 65535))
    throw configError(
      file,
      `${rat}.Port`,
      `'${port.slice(0, 20)}' is not allowed; use 1–65535 or #{port}`,
    )
  return {
    type: 'redirect',
    statusCode: status === 'HTTP_301' ? 301 : 302,
    protocol,
    host,
    port,
    path,
    query,
  }
}
