import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { cidrMatcher } from './cidr.js'
import { hostWithoutPort, type MatchInput, matchRule, precompileRules } from './match-rule.js'
import type { LocalRule, RuleCondition } from './model.js'

const base: MatchInput = {
  method: 'GET',
  path: '/',
  host: 'example.com',
  headers: {},
  rawQuery: [],
  sourceIp: '203.0.113.9',
}

function matches(condition: RuleCondition, input: Partial<MatchInput>): boolean {
  const rule: LocalRule = {
    priority: 1,
    conditions: [condition],
    action: { type: 'fixed-response', statusCode: 200 },
    logicalId: 'R',
    templateFile: 't',
  }
  const fallback: LocalRule = { ...rule, priority: 'default', conditions: [], logicalId: 'D' }
  return matchRule([rule, fallback], { ...base, ...input }).logicalId === 'R'
}

type Case = [string, Partial<MatchInput>, boolean]

function table(name: string, condition: RuleCondition, cases: Case[]): void {
  describe(name, () => {
    for (const [label, input, expected] of cases) {
      test(`${label} → ${expected ? 'match' : 'no match'}`, () =>
        assert.equal(matches(condition, input), expected))
    }
  })
}

table(
  'path-pattern (case-sensitive, path only, * spans /, ? one char)',
  { field: 'path-pattern', values: ['/ip', '/ip/*', '/f?o'] },
  [
    ['exact', { path: '/ip' }, true],
    ['* spans slashes', { path: '/ip/a/b/c' }, true],
    ['* matches empty', { path: '/ip/' }, true],
    ['case differs', { path: '/IP' }, false],
    ['prefix only', { path: '/ipx' }, false],
    ['? one char', { path: '/foo' }, true],
    ['? not zero chars', { path: '/fo' }, false],
    ['? not two chars', { path: '/fooo' }, false],
  ],
)

table('path-pattern: regex specials are literal', { field: 'path-pattern', values: ['/a.b+(c)'] }, [
  ['literal', { path: '/a.b+(c)' }, true],
  ['dot is not any char', { path: '/aXb+(c)' }, false],
])

table(
  'host-header (case-insensitive, port ignored, *.x needs a label)',
  { field: 'host-header', values: ['*.example.com', 'api.test'] },
  [
    ['subdomain', { host: 'www.example.com' }, true],
    ['upper case', { host: 'WWW.EXAMPLE.COM' }, true],
    ['with port', { host: 'www.example.com:8080' }, true],
    ['bare apex does not match *.', { host: 'example.com' }, false],
    ['exact second value', { host: 'API.test:80' }, true],
    ['other', { host: 'evil.test' }, false],
  ],
)

table(
  'http-header (name and values case-insensitive, wildcards, any value)',
  { field: 'http-header', headerName: 'X-Client', values: ['beta*', 'alpha'] },
  [
    ['wildcard value', { headers: { 'x-client': ['BETA-2'] } }, true],
    ['second of several values', { headers: { 'x-client': ['gamma', 'Alpha'] } }, true],
    ['no value matches', { headers: { 'x-client': ['gamma'] } }, false],
    ['header absent', { headers: {} }, false],
  ],
)

table(
  'http-request-method (case-sensitive exact)',
  { field: 'http-request-method', values: ['GET', 'HEAD'] },
  [
    ['GET', { method: 'GET' }, true],
    ['HEAD', { method: 'HEAD' }, true],
    ['lower-case get', { method: 'get' }, false],
    ['POST', { method: 'POST' }, false],
  ],
)

table(
  'query-string key/value (raw, case-insensitive, wildcards)',
  {
    field: 'query-string',
    values: [
      { key: 'debug', value: 'tr?e' },
      { key: 'v*', value: '1' },
    ],
  },
  [
    ['exact', { rawQuery: [['debug', 'true']] }, true],
    ['case-insensitive', { rawQuery: [['DEBUG', 'TRUE']] }, true],
    ['key wildcard', { rawQuery: [['version', '1']] }, true],
    ['wrong value', { rawQuery: [['debug', 'false']] }, false],
    ['no query', { rawQuery: [] }, false],
  ],
)

table(
  'query-string value-only, raw (not decoded), \\ escapes',
  { field: 'query-string', values: [{ value: 'a%20b' }, { value: 'x\\*' }] },
  [
    ['raw encoded value under any key', { rawQuery: [['q', 'a%20b']] }, true],
    ['decoded value does not match', { rawQuery: [['q', 'a b']] }, false],
    ['escaped * is literal', { rawQuery: [['k', 'x*']] }, true],
    ['escaped * is not a wildcard', { rawQuery: [['k', 'xyz']] }, false],
  ],
)

table(
  'source-ip (CIDR v4/v6 against the peer, ::ffff: mapped)',
  { field: 'source-ip', values: ['10.0.0.0/8', '2001:db8::/32'] },
  [
    ['v4 inside', { sourceIp: '10.1.2.3' }, true],
    ['v4 outside', { sourceIp: '11.0.0.1' }, false],
    ['mapped v4 peer', { sourceIp: '::ffff:10.9.9.9' }, true],
    ['v6 inside', { sourceIp: '2001:db8:1::5' }, true],
    ['v6 outside', { sourceIp: '2001:db9::1' }, false],
    ['garbage', { sourceIp: 'not-an-ip' }, false],
  ],
)

describe('cidr and host helpers', () => {
  test('prefix edges', () => {
    assert.equal(cidrMatcher('0.0.0.0/0')('8.8.8.8'), true)
    assert.equal(cidrMatcher('192.168.1.1/32')('192.168.1.1'), true)
    assert.equal(cidrMatcher('192.168.1.1/32')('192.168.1.2'), false)
    assert.equal(cidrMatcher('::1/128')('::1'), true)
    assert.equal(cidrMatcher('::/0')('10.0.0.1'), false)
  })
  test('hostWithoutPort', () => {
    assert.equal(hostWithoutPort('a.test:8080'), 'a.test')
    assert.equal(hostWithoutPort('[::1]:8080'), '[::1]')
    assert.equal(hostWithoutPort('a.test'), 'a.test')
  })
})

describe('matchRule', () => {
  const rule = (
    priority: number | 'default',
    conditions: RuleCondition[],
    id: string,
  ): LocalRule => ({
    priority,
    conditions,
    action: { type: 'fixed-response', statusCode: 200 },
    logicalId: id,
    templateFile: 't',
  })
  const rules = [
    rule(
      5,
      [
        { field: 'path-pattern', values: ['/a*'] },
        { field: 'http-request-method', values: ['POST'] },
      ],
      'PostA',
    ),
    rule(10, [{ field: 'path-pattern', values: ['/a*'] }], 'AnyA'),
    rule('default', [], 'Default'),
  ]
  precompileRules(rules)
  test('conditions are ANDed, lowest priority wins, default last', () => {
    assert.equal(matchRule(rules, { ...base, method: 'POST', path: '/ab' }).logicalId, 'PostA')
    assert.equal(matchRule(rules, { ...base, method: 'GET', path: '/ab' }).logicalId, 'AnyA')
    assert.equal(matchRule(rules, { ...base, path: '/b' }).logicalId, 'Default')
  })
  test('no default rule is a programming error', () => {
    assert.throws(() => matchRule([], base), /no default rule/)
  })
})
