/**
 * Listener-rule checks beyond path-pattern (contract §5): priority, the other condition types,
 * the default action, and the fixed-response and redirect actions. The routes are those of
 * echo-service.ts; every echo function answers with the name of its route.
 */

import { type RawResponse, send } from '@albkit/core/testing'
import { type ConformanceCheck, expect, NotExpressible } from './checks.js'
import { CONFORMANCE_ROUTES } from './echo-service.js'
import { ELB_ACTIONS, ELB_RULES } from './sources.js'

const R = CONFORMANCE_ROUTES

/** Which echo route answered (from its `route` field), or the status when none did. */
function routed(res: RawResponse): string {
  if (res.status !== 200) return `status ${res.status}`
  try {
    const parsed = JSON.parse(res.body.toString('utf8')) as { route?: unknown }
    return typeof parsed.route === 'string' ? parsed.route : 'status 200 without a route'
  } catch {
    return 'status 200, not JSON'
  }
}

/** Send each request; each must reach the route (a name) or get the status (a number). */
async function expectRoutes(
  baseUrl: string,
  cases: Array<[string, Parameters<typeof send>[1], string | number]>,
): Promise<void> {
  for (const [path, init, want] of cases) {
    const res = await send(`${baseUrl}${path}`, init)
    const got = routed(res)
    const ok = typeof want === 'number' ? res.status === want : got === want
    const what = `${init?.method ?? 'GET'} ${path}${init?.headers ? ` ${JSON.stringify(init.headers)}` : ''}`
    expect(ok, `${what} → ${got}, expected ${typeof want === 'number' ? `status ${want}` : want}`)
  }
}

const templateOnly = (t: { templateRoutes?: boolean }) => {
  if (t.templateRoutes !== true)
    throw new NotExpressible('not expressible in serverless.yml (alb events only forward)')
}

export const ruleChecks: ConformanceCheck[] = [
  {
    id: 'rule-priority',
    section: '§5',
    rule: 'the lowest priority number wins, even over a more specific rule (/prio/* at 50 beats /prio/narrow at 51)',
    source: ELB_RULES,
    run: (t) => expectRoutes(t.baseUrl, [[`${R.prio}/narrow`, {}, 'prio-broad']]),
  },
  {
    id: 'rule-host-header',
    section: '§5',
    rule: 'host-header: case-insensitive with wildcards; *.conformance.test does not match conformance.test',
    source: ELB_RULES,
    run: (t) =>
      expectRoutes(t.baseUrl, [
        [`${R.rules}/host`, { headers: { host: 'API.Conformance.TEST' } }, 'rules'],
        [`${R.rules}/host`, { headers: { host: 'conformance.test' } }, 404],
      ]),
  },
  {
    id: 'rule-http-header',
    section: '§5',
    rule: 'http-header: name and value case-insensitive, value wildcards; no match without the header',
    source: ELB_RULES,
    run: (t) =>
      expectRoutes(t.baseUrl, [
        [`${R.rules}/header`, { headers: { 'x-conformance-flag': 'ON-yes' } }, 'rules'],
        [`${R.rules}/header`, { headers: { 'x-conformance-flag': 'off' } }, 404],
        [`${R.rules}/header`, {}, 404],
      ]),
  },
  {
    id: 'rule-http-request-method',
    section: '§5',
    rule: 'http-request-method: POST matches a POST rule, GET does not',
    source: ELB_RULES,
    run: (t) =>
      expectRoutes(t.baseUrl, [
        [`${R.rules}/method`, { method: 'POST' }, 'rules'],
        [`${R.rules}/method`, {}, 404],
      ]),
  },
  {
    id: 'rule-query-string',
    section: '§5',
    rule: 'query-string: raw (not decoded) values; \\* in a value is a literal *',
    source: ELB_RULES,
    run: (t) =>
      expectRoutes(t.baseUrl, [
        [`${R.rules}/query?mode=a*b`, {}, 'rules'],
        [`${R.rules}/query?mode=aXb`, {}, 404],
        [`${R.rules}/query?enc=x%20y`, {}, 'rules'],
        [`${R.rules}/query?other=1`, {}, 404],
      ]),
  },
  {
    id: 'rule-source-ip',
    section: '§5',
    rule: 'source-ip: 127.0.0.1/32 matches a loopback client, 192.0.2.0/24 does not',
    source: ELB_RULES,
    run: (t) =>
      expectRoutes(t.baseUrl, [
        [`${R.rules}/ip`, {}, 'rules'],
        [`${R.rules}/ip-other`, {}, 404],
      ]),
  },
  {
    id: 'rule-default-last',
    section: '§5',
    rule: 'the default action answers only when no rule matches (404, no function invoked)',
    source: ELB_RULES,
    async run(t) {
      const res = await send(`${t.baseUrl}${R.rules}/unmatched`)
      expect(res.status === 404, `expected 404, got ${res.status}`)
      expect(!res.body.toString().includes('"event"'), 'a function answered the unmatched path')
    },
  },
  {
    id: 'rule-fixed-response',
    section: '§5',
    rule: 'fixed-response action: its status, content type and body',
    source: ELB_ACTIONS,
    async run(t) {
      templateOnly(t)
      const res = await send(`${t.baseUrl}${R.rules}/fixed`)
      expect(
        res.status === 418 &&
          String(res.headers['content-type']).startsWith('text/plain') &&
          res.body.toString() === 'fixed by the listener rule',
        `${res.status} ${res.headers['content-type']} ${JSON.stringify(res.body.toString())}`,
      )
    },
  },
  {
    id: 'rule-redirect',
    section: '§5',
    rule: 'redirect action: 301 to the configured protocol/host/path, #{path} and #{query} filled in',
    source: ELB_ACTIONS,
    async run(t) {
      templateOnly(t)
      const res = await send(`${t.baseUrl}${R.rules}/redirect?x=1`)
      const location = String(res.headers.location)
      expect(res.status === 301, `expected 301, got ${res.status}`)
      const url = URL.canParse(location) ? new URL(location) : undefined
      expect(
        url?.protocol === 'https:' &&
          url.hostname === 'moved.conformance.test' &&
          (url.port === '' || url.port === '443') &&
          url.pathname === '/moved/rules/redirect' &&
          url.search === '?x=1&via=redirect',
        `Location ${location}`,
      )
    },
  },
]
