/**
 * What the real ALB tolerates and what it still rejects (contract §3): result shapes the AWS page
 * calls incomplete but real load balancers answer (reported and verified by maintainers), and the
 * `null`s and wrong types that remain 502s. An emulator stricter than the ALB gives false 502s;
 * one looser hides real ones.
 */
import { type ConformanceCheck, echo, expect } from './checks.js'
import { respond } from './respond.js'
import { DOCS_33, GO_408, GO_PROXY_79, LAMBDA_API_117, LAMBDA_GUIDE } from './sources.js'

const rejected = (
  id: string,
  rule: string,
  source: string,
  result: object,
  multi = false,
): ConformanceCheck => ({
  id,
  section: '§3',
  rule,
  source,
  async run(t) {
    const res = await respond(`${t.baseUrl}${multi ? t.multiPath : t.singlePath}`, result)
    expect(res.status === 502, `expected 502, got ${res.status}`)
  },
})

export const toleranceChecks: ConformanceCheck[] = [
  {
    id: 'tolerated-status-code-only',
    section: '§3',
    rule: '`{ "statusCode": 201 }` alone → 201 with the standard reason phrase and an empty body',
    source: DOCS_33,
    async run(t) {
      for (const path of [t.singlePath, t.multiPath]) {
        const res = await respond(`${t.baseUrl}${path}`, { statusCode: 201 })
        expect(
          res.status === 201 && res.statusMessage === 'Created' && res.body.length === 0,
          `${path}: ${res.status} ${res.statusMessage}, ${res.body.length} body bytes`,
        )
      }
    },
  },
  {
    id: 'tolerated-no-description-or-base64-flag',
    section: '§3',
    rule: 'headers and body without statusDescription and isBase64Encoded → answered, body as text',
    source: GO_408,
    async run(t) {
      const res = await respond(`${t.baseUrl}${t.singlePath}`, {
        statusCode: 200,
        headers: { 'Content-Type': 'text/plain', 'X-Tolerated': 'yes' },
        body: 'plain',
      })
      expect(
        res.status === 200 &&
          res.statusMessage === 'OK' &&
          res.headers['x-tolerated'] === 'yes' &&
          res.body.toString() === 'plain',
        `status ${res.status} ${res.statusMessage}, x-tolerated ${res.headers['x-tolerated']}`,
      )
    },
  },
  {
    id: 'tolerated-both-header-fields',
    section: '§3',
    rule: 'a result with both headers and multiValueHeaders → the field of the target group mode is used',
    source: GO_PROXY_79,
    async run(t) {
      const result = {
        statusCode: 200,
        statusDescription: '200 OK',
        isBase64Encoded: false,
        headers: { 'X-Field': 'headers' },
        multiValueHeaders: { 'X-Field': ['multiValueHeaders'] },
        body: 'both',
      }
      const single = await respond(`${t.baseUrl}${t.singlePath}`, result)
      const multi = await respond(`${t.baseUrl}${t.multiPath}`, result)
      expect(
        single.status === 200 && single.headers['x-field'] === 'headers',
        `single-value: ${single.status}, x-field ${single.headers['x-field']}`,
      )
      expect(
        multi.status === 200 && multi.headers['x-field'] === 'multiValueHeaders',
        `multi-value: ${multi.status}, x-field ${multi.headers['x-field']}`,
      )
    },
  },
  {
    id: 'tolerated-other-mode-headers-ignored',
    section: '§3',
    rule: 'only the header field of the other mode → answered without those headers (not a 502)',
    source: GO_PROXY_79,
    async run(t) {
      const toMulti = await respond(`${t.baseUrl}${t.multiPath}`, {
        statusCode: 200,
        statusDescription: '200 OK',
        isBase64Encoded: false,
        headers: { 'X-Vanishes': 'yes' },
        body: 'single-field',
      })
      expect(
        toMulti.status === 200 &&
          toMulti.headers['x-vanishes'] === undefined &&
          toMulti.body.toString() === 'single-field',
        `headers → multi-value group: ${toMulti.status}, x-vanishes ${toMulti.headers['x-vanishes']}`,
      )
      const toSingle = await respond(`${t.baseUrl}${t.singlePath}`, {
        statusCode: 200,
        statusDescription: '200 OK',
        isBase64Encoded: false,
        multiValueHeaders: { 'X-Vanishes': ['yes'] },
        body: 'multi-field',
      })
      expect(
        toSingle.status === 200 && toSingle.headers['x-vanishes'] === undefined,
        `multiValueHeaders → single-value group: ${toSingle.status}, x-vanishes ${toSingle.headers['x-vanishes']}`,
      )
    },
  },
  rejected('rejected-body-null', '`"body": null` → 502', GO_408, { statusCode: 200, body: null }),
  rejected('rejected-headers-null', '`"headers": null` (single-value mode) → 502', DOCS_33, {
    statusCode: 200,
    headers: null,
    body: 'x',
  }),
  rejected(
    'rejected-multi-value-headers-null',
    '`"multiValueHeaders": null` (multi-value mode) → 502',
    DOCS_33,
    { statusCode: 200, multiValueHeaders: null, body: 'x' },
    true,
  ),
  rejected('rejected-status-description-null', '`"statusDescription": null` → 502', DOCS_33, {
    statusCode: 200,
    statusDescription: null,
    body: 'x',
  }),
  rejected('rejected-header-value-not-string', 'a boolean header value → 502', LAMBDA_API_117, {
    statusCode: 200,
    headers: { 'Access-Control-Allow-Credentials': true },
    body: 'x',
  }),
  rejected('rejected-status-code-not-integer', 'statusCode 200.5 → 502', LAMBDA_GUIDE, {
    statusCode: 200.5,
    body: 'x',
  }),
  {
    id: 'event-connection-header',
    section: '§2',
    rule: "the event carries the client's `connection` header (AWS's example: keep-alive)",
    source: LAMBDA_GUIDE,
    async run(t) {
      const e = await echo(`${t.baseUrl}${t.singlePath}`, { headers: { connection: 'keep-alive' } })
      const value = e.headers?.connection
      expect(value === 'keep-alive', `connection ${JSON.stringify(value)}`)
    },
  },
]
