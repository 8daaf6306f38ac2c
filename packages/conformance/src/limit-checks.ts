/**
 * The §4 errors that need more than one route or a slow function: timeout, throttling, an empty
 * target group, oversized or non-string response headers. Routes: echo-service.ts.
 */

import { send } from '@albkit/core/testing'
import { type ConformanceCheck, expect, NotExpressible } from './checks.js'
import { CONFORMANCE_ROUTES, ECHO_TIMEOUT_SECONDS } from './echo-service.js'
import { respond } from './respond.js'
import { ELB_LAMBDA, ELB_LOGS, ELB_QUOTAS, ELB_TROUBLE } from './sources.js'

const ok = { statusCode: 200, statusDescription: '200 OK', isBase64Encoded: false }

export const limitChecks: ConformanceCheck[] = [
  {
    id: 'function-timeout',
    section: '§4',
    rule: `the function ran past its timeout (${ECHO_TIMEOUT_SECONDS} s) → 502`,
    source: ELB_TROUBLE,
    async run(t) {
      const res = await send(`${t.baseUrl}${t.singlePath}`, {
        headers: { 'x-conformance-sleep': String((ECHO_TIMEOUT_SECONDS + 3) * 1000) },
        timeoutMs: (ECHO_TIMEOUT_SECONDS + 12) * 1000,
      })
      expect(res.status === 502, `expected 502, got ${res.status}`)
    },
  },
  {
    id: 'function-throttled',
    section: '§4',
    rule: 'reserved concurrency 1, two concurrent requests → one 200, one 502 (LambdaThrottling)',
    source: ELB_LOGS,
    async run(t) {
      const url = `${t.baseUrl}${CONFORMANCE_ROUTES.throttledPath}`
      const warm = await send(url)
      expect(warm.status === 200, `warm-up request → ${warm.status}`)
      const slow = { headers: { 'x-conformance-sleep': '1500' } }
      const both = await Promise.all([send(url, slow), send(url, slow)])
      const statuses = both.map((r) => r.status).sort()
      expect(statuses.join() === '200,502', `statuses ${statuses.join(', ')}`)
    },
  },
  {
    id: 'empty-target-group',
    section: '§4',
    rule: 'a rule forwarding to a target group with no registered target → 503',
    source: ELB_TROUBLE,
    async run(t) {
      if (t.templateRoutes !== true)
        throw new NotExpressible(
          'not expressible in serverless.yml (alb events always register the function)',
        )
      const res = await send(`${t.baseUrl}${CONFORMANCE_ROUTES.rules}/empty`)
      expect(res.status === 503, `expected 503, got ${res.status}`)
    },
  },
  {
    id: 'response-headers-too-large',
    section: '§4',
    rule: 'response headers over 32 KB in all → 502',
    source: ELB_QUOTAS,
    async run(t) {
      // five 7,000-character headers, filled in by the echo function (headerRepeat)
      const headerRepeat = Object.fromEntries([0, 1, 2, 3, 4].map((i) => [`X-Big-${i}`, 7000]))
      const res = await respond(`${t.baseUrl}${t.singlePath}`, {
        ...ok,
        headers: { 'Content-Type': 'text/plain' },
        headerRepeat,
        body: 'x',
      })
      expect(res.status === 502, `expected 502, got ${res.status}`)
    },
  },
  {
    id: 'response-header-not-string',
    section: '§4',
    rule: 'a response header value that is a number, boolean or null → 502',
    source: ELB_LAMBDA,
    async run(t) {
      for (const value of [5, true, null]) {
        const res = await respond(`${t.baseUrl}${t.singlePath}`, {
          ...ok,
          headers: { 'Content-Type': 'text/plain', 'X-Value': value },
          body: 'x',
        })
        expect(
          res.status === 502,
          `X-Value ${JSON.stringify(value)}: expected 502, got ${res.status}`,
        )
      }
    },
  },
]
