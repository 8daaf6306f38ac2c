// Routing and actions: forward (weighted), fixed-response, redirect, no target → 503, the admin server.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { send } from '@albkit/core/testing'
import type { LocalAlb } from '../start.js'
import { accessLogLines, startFixture } from './test-support.js'

let alb: LocalAlb
let draws: number[] = []
before(async () => {
  alb = await startFixture(
    [
      { paths: ['/echo'], handler: 'echo' },
      { paths: ['/empty'] },
      { paths: ['/preserve'], handler: 'echo', xff: 'preserve' },
      { paths: ['/remove'], handler: 'echo', xff: 'remove' },
    ],
    {
      random: () => draws.shift() ?? 0,
      extraRules: [
        {
          priority: 5,
          conditions: [{ field: 'path-pattern', values: ['/fixed'] }],
          action: {
            type: 'fixed-response',
            statusCode: 418,
            contentType: 'text/plain',
            messageBody: 'short and stout',
          },
          logicalId: 'Fixed',
          templateFile: 'test',
        },
        {
          priority: 6,
          conditions: [{ field: 'path-pattern', values: ['/old/*'] }],
          action: {
            type: 'redirect',
            statusCode: 301,
            protocol: 'HTTPS',
            host: 'example.com',
            port: '443',
            path: '/new/#{path}',
            query: '#{query}&r=1',
          },
          logicalId: 'Redirect',
          templateFile: 'test',
        },
        {
          priority: 7,
          conditions: [{ field: 'path-pattern', values: ['/split'] }],
          action: {
            type: 'forward',
            targetGroups: [
              {
                arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/fx-0-echo/0000000000000000',
                weight: 1,
              },
              {
                arn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/fx-1-none/0000000000000001',
                weight: 3,
              },
            ],
          },
          logicalId: 'Split',
          templateFile: 'test',
        },
      ],
    },
  )
})
after(() => alb.close())

test('fixed-response: status, content type, body, Server: awselb/2.0, logged as fixed-response', async () => {
  const res = await send(`${alb.url}/fixed`)
  assert.equal(res.status, 418)
  assert.equal(res.headers['content-type'], 'text/plain')
  assert.equal(res.headers.server, 'awselb/2.0')
  assert.equal(res.body.toString(), 'short and stout')
  const line = (await accessLogLines(alb)).at(-1) ?? ''
  assert.match(line, / 5 \S+ "fixed-response" /)
})

test('redirect: #{...} placeholders filled from the request', async () => {
  const res = await send(`${alb.url}/old/a/b?x=1`)
  assert.equal(res.status, 301)
  assert.equal(res.headers.location, 'https://example.com:443/new/old/a/b?x=1&r=1')
  assert.match(
    (await accessLogLines(alb)).at(-1) ?? '',
    /"redirect" "https:\/\/example.com:443\/new\/old\/a\/b\?x=1&r=1"/,
  )
})

test('the default rule answers what no rule matches', async () => {
  const res = await send(`${alb.url}/nothing-here`)
  assert.equal(res.status, 404)
  assert.equal(res.body.toString(), '{"message":"Not Found"}')
  assert.match((await accessLogLines(alb)).at(-1) ?? '', / 0 \S+ "fixed-response" /)
})

test('a target group without a registered function → 503', async () => {
  const res = await send(`${alb.url}/empty`)
  assert.equal(res.status, 503)
  assert.match(res.body.toString(), /503 Service (Temporarily )?Unavailable/)
})

test('weighted forward follows the random source (1:3)', async () => {
  draws = [0.1, 0.5, 0.99]
  const statuses = []
  for (let i = 0; i < 3; i++) statuses.push((await send(`${alb.url}/split`)).status)
  assert.deepEqual(statuses, [200, 503, 503])
})

test('X-Forwarded-For processing modes: preserve and remove', async () => {
  const preserved = JSON.parse(
    (
      await send(`${alb.url}/preserve`, { headers: { 'x-forwarded-for': '198.51.100.1' } })
    ).body.toString(),
  )
  assert.equal(preserved.event.headers['x-forwarded-for'], '198.51.100.1')
  const removed = JSON.parse(
    (
      await send(`${alb.url}/remove`, { headers: { 'x-forwarded-for': '198.51.100.1' } })
    ).body.toString(),
  )
  assert.equal(removed.event.headers['x-forwarded-for'], undefined)
})

test('admin: GET /targets and GET /routes as JSON; anything else 404', async () => {
  const targets = JSON.parse((await send(`${alb.adminUrl}/targets`)).body.toString())
  const echo = targets.find((t: { function?: string }) => t.function === 'fx-0-echo')
  assert.equal(echo.state, 'unavailable')
  assert.equal(echo.reason, 'Target.HealthCheckDisabled')
  assert.equal(
    targets.find((t: { targetGroup: string }) => t.targetGroup === 'fx-1-none').state,
    'unused',
  )
  const routes = JSON.parse((await send(`${alb.adminUrl}/routes`)).body.toString())
  assert.deepEqual(
    routes.map((r: { priority: number | string }) => r.priority),
    [5, 6, 7, 10, 20, 30, 40, 'default'],
  )
  assert.equal((await send(`${alb.adminUrl}/nope`)).status, 404)
})

test('access-log line: fields in the ALB order', async () => {
  await send(`${alb.url}/echo?q=1`, { headers: { 'user-agent': 'probe/1' } })
  const line = (await accessLogLines(alb)).at(-1) ?? ''
  const m =
    /^http (\S+) app\/albkit-local\/\S+ 127\.0\.0\.1:\d+ - ([\d.]+) ([\d.]+) ([\d.]+) 200 200 (\d+) (\d+) "GET http:\/\/127\.0\.0\.1:\d+\/echo\?q=1 HTTP\/1\.1" "probe\/1" - - (arn:\S+) "(Root=1-[0-9a-f]{8}-[0-9a-f]{24})" "127\.0\.0\.1" "-" 10 (\S+) "forward" "-" "-" "-" "-" "-" "-" -$/.exec(
      line,
    )
  assert.ok(m, line)
  assert.match(m[1] ?? '', /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/)
  assert.match(m[7] ?? '', /targetgroup\/fx-0-echo\//)
})
