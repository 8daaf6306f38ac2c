/**
 * The ALB ⇄ Lambda contract as HTTP checks against an echo function (one that answers with the
 * event it received as JSON, either the event itself or `{ event }`). Each check names the AWS
 * page the rule comes from. Used against albkit and, for comparison, against other emulators.
 */
import { randomBytes } from 'node:crypto'
import { type RawResponse, send } from '@albkit/core/testing'
import { ELB_HEADERS, ELB_LAMBDA, ELB_QUOTAS, ELB_TROUBLE, LAMBDA_GUIDE } from './sources.js'

export interface ConformanceTarget {
  /** base URL of the load balancer, e.g. http://127.0.0.1:3000 */
  baseUrl: string
  /** path of an echo function in a single-value target group */
  singlePath: string
  /** path of an echo function in a multi-value target group */
  multiPath: string
  /**
   * the server also loaded the CloudFormation rules serverless.yml cannot express
   * (echo-service.ts: fixed-response, redirect, empty target group); without it those checks
   * report "not expressible"
   */
  templateRoutes?: boolean
  /** albkit's admin server (GET /targets), for the target-health check */
  adminUrl?: string
}

export interface ConformanceCheck {
  /** stable identifier */
  id: string
  /** contract section: §2 request event, §3 response, §4 limits, §5 rules, §6 health checks */
  section: '§2' | '§3' | '§4' | '§5' | '§6'
  /** one line: what must hold */
  rule: string
  source: string
  run(target: ConformanceTarget): Promise<void>
}

export type EchoEvent = {
  httpMethod?: string
  path?: string
  headers?: Record<string, string>
  multiValueHeaders?: Record<string, string[]>
  queryStringParameters?: Record<string, string>
  multiValueQueryStringParameters?: Record<string, string[]>
  body?: string | null
  isBase64Encoded?: boolean
  requestContext?: { elb?: { targetGroupArn?: string } }
}

/** Thrown by a check that does not hold. */
export class CheckFailed extends Error {
  override name = 'CheckFailed'
}

/** Thrown by a check the server under test cannot be configured for (e.g. no such template). */
export class NotExpressible extends Error {
  override name = 'NotExpressible'
}

/** Fail the check with `message` unless `ok`. */
export function expect(ok: boolean, message: string): asserts ok {
  if (!ok) throw new CheckFailed(message)
}

export async function echo(url: string, init?: Parameters<typeof send>[1]): Promise<EchoEvent> {
  const res = await send(url, init)
  expect(res.status === 200, `the echo function answered ${res.status}`)
  const parsed = JSON.parse(res.body.toString('utf8')) as { event?: EchoEvent } & EchoEvent
  return parsed.event ?? parsed
}

function status(expected: number) {
  return (res: RawResponse) =>
    expect(res.status === expected, `expected ${expected}, got ${res.status}`)
}

export const checks: ConformanceCheck[] = [
  {
    id: 'event-shape-single',
    section: '§2',
    rule: 'single-value mode: headers + queryStringParameters, no multiValue* fields, targetGroupArn set',
    source: LAMBDA_GUIDE,
    async run(t) {
      const e = await echo(`${t.baseUrl}${t.singlePath}?a=1`)
      expect(
        typeof e.headers === 'object' && typeof e.queryStringParameters === 'object',
        'headers/queryStringParameters missing',
      )
      expect(
        e.multiValueHeaders === undefined && e.multiValueQueryStringParameters === undefined,
        'multiValue* fields present in single-value mode',
      )
      expect(
        typeof e.requestContext?.elb?.targetGroupArn === 'string',
        'requestContext.elb.targetGroupArn missing',
      )
      expect(e.httpMethod === 'GET' && e.path === t.singlePath, 'httpMethod/path wrong')
    },
  },
  {
    id: 'event-shape-multi',
    section: '§2',
    rule: 'multi-value mode: multiValueHeaders + multiValueQueryStringParameters instead of headers + queryStringParameters',
    source: ELB_LAMBDA,
    async run(t) {
      const e = await echo(`${t.baseUrl}${t.multiPath}?a=1&a=2`, {
        headers: { 'x-dup': ['one', 'two'] },
      })
      expect(
        e.headers === undefined && e.queryStringParameters === undefined,
        'single-value fields present in multi-value mode',
      )
      expect(
        JSON.stringify(e.multiValueQueryStringParameters?.a) === '["1","2"]',
        `query a = ${JSON.stringify(e.multiValueQueryStringParameters?.a)}`,
      )
      expect(
        JSON.stringify(e.multiValueHeaders?.['x-dup']) === '["one","two"]',
        `x-dup = ${JSON.stringify(e.multiValueHeaders?.['x-dup'])}`,
      )
    },
  },
  {
    id: 'last-value-wins',
    section: '§2',
    rule: 'single-value mode: a repeated query key or header → the last value',
    source: ELB_LAMBDA,
    async run(t) {
      const e = await echo(`${t.baseUrl}${t.singlePath}?a=1&a=2`, {
        headers: { 'x-dup': ['one', 'two'] },
      })
      expect(e.queryStringParameters?.a === '2', `query a = ${e.queryStringParameters?.a}`)
      expect(e.headers?.['x-dup'] === 'two', `x-dup = ${e.headers?.['x-dup']}`)
    },
  },
  {
    id: 'query-not-decoded',
    section: '§2',
    rule: 'query strings are passed raw, not URL-decoded',
    source: ELB_LAMBDA,
    async run(t) {
      const e = await echo(`${t.baseUrl}${t.singlePath}?q=a%20b&p=c+d`)
      expect(
        e.queryStringParameters?.q === 'a%20b' && e.queryStringParameters?.p === 'c+d',
        `got ${JSON.stringify(e.queryStringParameters)}`,
      )
    },
  },
  {
    id: 'lower-case-headers',
    section: '§2',
    rule: 'header names arrive lower-case',
    source: LAMBDA_GUIDE,
    async run(t) {
      const e = await echo(`${t.baseUrl}${t.singlePath}`, { headers: { 'X-Mixed-Case': 'v' } })
      const names = Object.keys(e.headers ?? {})
      expect(
        names.every((n) => n === n.toLowerCase()) && e.headers?.['x-mixed-case'] === 'v',
        `names: ${names.join(', ')}`,
      )
    },
  },
  {
    id: 'empty-body',
    section: '§2',
    rule: 'an empty body arrives as "" with isBase64Encoded false',
    source: LAMBDA_GUIDE,
    async run(t) {
      const e = await echo(`${t.baseUrl}${t.singlePath}`)
      expect(
        e.body === '' && e.isBase64Encoded === false,
        `body ${JSON.stringify(e.body)}, isBase64Encoded ${e.isBase64Encoded}`,
      )
    },
  },
  {
    id: 'forwarded-headers',
    section: '§2',
    rule: 'X-Forwarded-For (client value + peer appended), X-Forwarded-Port, X-Forwarded-Proto and X-Amzn-Trace-Id are added',
    source: ELB_HEADERS,
    async run(t) {
      const e = await echo(`${t.baseUrl}${t.singlePath}`, {
        headers: { 'x-forwarded-for': '203.0.113.9' },
      })
      const h = e.headers ?? {}
      const xff = (h['x-forwarded-for'] ?? '').split(',').map((s) => s.trim())
      expect(
        xff.length === 2 && xff[0] === '203.0.113.9',
        `x-forwarded-for = ${h['x-forwarded-for']}`,
      )
      expect(
        h['x-forwarded-port'] === new URL(t.baseUrl).port && h['x-forwarded-proto'] === 'http',
        `port/proto = ${h['x-forwarded-port']}/${h['x-forwarded-proto']}`,
      )
      expect(
        /^Root=1-[0-9a-f]{8}-[0-9a-f]{24}/.test(h['x-amzn-trace-id'] ?? ''),
        `x-amzn-trace-id = ${h['x-amzn-trace-id']}`,
      )
    },
  },
  {
    id: 'trace-root-kept',
    section: '§2',
    rule: 'a client Root= in X-Amzn-Trace-Id is kept and Self= is added',
    source: 'ELB user guide, "Request tracing for your Application Load Balancer"',
    async run(t) {
      const root = 'Root=1-5c536348-3d683b8b04734faae651f476'
      const e = await echo(`${t.baseUrl}${t.singlePath}`, { headers: { 'x-amzn-trace-id': root } })
      const v = e.headers?.['x-amzn-trace-id'] ?? ''
      expect(
        v.split(';').includes(root) && /(^|;)Self=1-[0-9a-f]{8}-[0-9a-f]{24}(;|$)/.test(v),
        `x-amzn-trace-id = ${v}`,
      )
    },
  },
  {
    id: 'text-body-as-is',
    section: '§2',
    rule: 'application/json and text/* bodies arrive as-is (isBase64Encoded false)',
    source: LAMBDA_GUIDE,
    async run(t) {
      const e = await echo(`${t.baseUrl}${t.singlePath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"é":1}',
      })
      expect(e.body === '{"é":1}' && e.isBase64Encoded === false, `body ${JSON.stringify(e.body)}`)
    },
  },
  {
    id: 'binary-body-base64',
    section: '§2',
    rule: 'other content types (octet-stream, form-urlencoded, multipart) arrive base64, byte-exact',
    source: LAMBDA_GUIDE,
    async run(t) {
      const bytes = randomBytes(4096)
      for (const type of [
        'application/octet-stream',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
      ]) {
        const e = await echo(`${t.baseUrl}${t.singlePath}`, {
          method: 'POST',
          headers: { 'content-type': type },
          body: bytes,
        })
        expect(
          e.isBase64Encoded === true && Buffer.from(e.body ?? '', 'base64').equals(bytes),
          `${type}: not base64 or bytes changed`,
        )
      }
    },
  },
  {
    id: 'content-encoding-base64',
    section: '§2',
    rule: 'a Content-Encoding makes even a JSON body base64',
    source: LAMBDA_GUIDE,
    async run(t) {
      const e = await echo(`${t.baseUrl}${t.singlePath}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: 'abc',
      })
      expect(
        e.isBase64Encoded === true && e.body === Buffer.from('abc').toString('base64'),
        `body ${JSON.stringify(e.body)}`,
      )
    },
  },
  {
    id: 'body-too-large',
    section: '§4',
    rule: 'a request body over 1 MB → 413',
    source: ELB_LAMBDA,
    run: (t) =>
      send(`${t.baseUrl}${t.singlePath}`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain' },
        body: Buffer.alloc(1_000_001, 97),
      }).then(status(413)),
  },
  {
    id: 'trace-method',
    section: '§4',
    rule: 'TRACE → 405',
    source: ELB_TROUBLE,
    run: (t) => send(`${t.baseUrl}${t.singlePath}`, { method: 'TRACE' }).then(status(405)),
  },
  {
    id: 'websocket',
    section: '§4',
    rule: 'a WebSocket upgrade → 400',
    source: ELB_LAMBDA,
    run: (t) =>
      send(`${t.baseUrl}${t.singlePath}`, {
        headers: {
          connection: 'Upgrade',
          upgrade: 'websocket',
          'sec-websocket-version': '13',
          'sec-websocket-key': 'dGhlIHNhbXBsZSBub25jZQ==',
        },
      }).then(status(400)),
  },
  {
    id: 'xff-too-many',
    section: '§4',
    rule: 'more than 30 X-Forwarded-For addresses → 463',
    source: ELB_TROUBLE,
    run: (t) =>
      send(`${t.baseUrl}${t.singlePath}`, {
        headers: {
          'x-forwarded-for': Array.from({ length: 31 }, (_, i) => `10.0.0.${i}`).join(', '),
        },
      }).then(status(463)),
  },
  {
    id: 'header-too-large',
    section: '§4',
    rule: 'one request header over 16 KB → 400',
    source: ELB_QUOTAS,
    run: (t) =>
      send(`${t.baseUrl}${t.singlePath}`, { headers: { 'x-big': 'a'.repeat(17 * 1024) } }).then(
        status(400),
      ),
  },
]
