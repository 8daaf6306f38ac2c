import { cidrMatcher } from './cidr.js'
import type { LocalRule, RuleCondition } from './model.js'
import { compileWildcard } from './wildcard.js'

/** What a rule sees of a request. */
export interface MatchInput {
  method: string
  path: string
  /** the Host header as sent (a `:port` is ignored) */
  host: string
  /** lower-case names */
  headers: Record<string, string[]>
  /** raw, not decoded */
  rawQuery: Array<[string, string]>
  /** the TCP peer address */
  sourceIp: string
}

type Test = (input: MatchInput) => boolean

const compiled = new WeakMap<RuleCondition, Test>()
const CI = { caseInsensitive: true, backslashEscapes: false }

/** Host without its port: `Example.com:8080` → `Example.com`, `[::1]:80` → `[::1]`. */
export function hostWithoutPort(host: string): string {
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1) || host
  const colon = host.indexOf(':')
  return colon >= 0 && colon === host.lastIndexOf(':') ? host.slice(0, colon) : host
}

function compile(c: RuleCondition): Test {
  switch (c.field) {
    case 'path-pattern': {
      // Case-sensitive, path only, never the query.
      const res = c.values.map((v) =>
        compileWildcard(v, { caseInsensitive: false, backslashEscapes: false }),
      )
      return (i) => res.some((re) => re.test(i.path))
    }
    case 'host-header': {
      // Case-insensitive; `*.example.com` needs a label before `.example.com`.
      const res = c.values.map((v) => compileWildcard(v, CI))
      return (i) => res.some((re) => re.test(hostWithoutPort(i.host)))
    }
    case 'http-request-method':
      // Case-sensitive exact match.
      return (i) => c.values.includes(i.method)
    case 'source-ip': {
      // Matched against the TCP peer, not X-Forwarded-For.
      const tests = c.values.map(cidrMatcher)
      return (i) => tests.some((t) => t(i.sourceIp))
    }
    case 'http-header': {
      // Name case-insensitive; values case-insensitive with wildcards; any of the header's values.
      const name = c.headerName.toLowerCase()
      const res = c.values.map((v) => compileWildcard(v, CI))
      return (i) => (i.headers[name] ?? []).some((value) => res.some((re) => re.test(value)))
    }
    case 'query-string': {
      // Raw (not decoded) pairs, case-insensitive, `\` escapes * and ?; no key = any key.
      const q = { caseInsensitive: true, backslashEscapes: true }
      const pairs = c.values.map((v) => ({
        key: v.key === undefined ? undefined : compileWildcard(v.key, q),
        value: compileWildcard(v.value, q),
      }))
      return (i) =>
        pairs.some((p) =>
          i.rawQuery.some(([k, v]) => (p.key ? p.key.test(k) : true) && p.value.test(v)),
        )
    }
  }
}

function testFor(c: RuleCondition): Test {
  let t = compiled.get(c)
  if (!t) {
    t = compile(c)
    compiled.set(c, t)
  }
  return t
}

/**
 * Whether one condition holds for a request (the local console's "why not this rule").
 * @example
 * conditionHolds(rule.conditions[0], input) // false
 */
export function conditionHolds(c: RuleCondition, input: MatchInput): boolean {
  return testFor(c)(input)
}

/** Compile every condition's wildcards once (loadConfig does this at load time). */
export function precompileRules(rules: readonly LocalRule[]): void {
  for (const rule of rules) for (const c of rule.conditions) testFor(c)
}

/**
 * The first rule, by priority, whose conditions all hold (values within a condition are ORed);
 * the default rule otherwise. Expects `rules` sorted as loadConfig returns them.
 *
 * @example
 * matchRule(config.rules, { method: 'GET', path: '/ip', host: 'localhost', headers: {}, rawQuery: [], sourceIp: '127.0.0.1' })
 */
export function matchRule(rules: readonly LocalRule[], input: MatchInput): LocalRule {
  let fallback: LocalRule | undefined
  for (const rule of rules) {
    if (rule.priority === 'default') {
      fallback ??= rule
      continue
    }
    if (rule.conditions.every((c) => testFor(c)(input))) return rule
  }
  if (!fallback) throw new Error('matchRule: no rule matched and the rule list has no default rule')
  return fallback
}
