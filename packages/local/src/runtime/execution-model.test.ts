// The Lambda execution model: warm reuse, one request per instance, cold starts for concurrency,
// timeouts and crashes replace the instance, reserved concurrency throttles, the balancer survives;
// in both isolation modes (a thread per instance, or instances sharing a few threads).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { send } from '@albkit/core/testing'
import type { LocalAlb } from '../start.js'
import type { Isolation } from './function-pool.js'
import { accessLogLines, startFixture } from './test-support.js'

for (const isolation of ['thread', 'shared'] satisfies Isolation[]) {
  describe(`isolation: ${isolation}`, () => {
    let alb: LocalAlb
    before(async () => {
      alb = await startFixture(
        [
          { paths: ['/echo'], handler: 'echo', env: { GREETING: 'hello' } },
          { paths: ['/slow'], handler: 'slow' },
          { paths: ['/hang'], handler: 'hang', timeoutSeconds: 1 },
          { paths: ['/spin'], handler: 'spin', timeoutSeconds: 1 },
          { paths: ['/exit'], handler: 'exit' },
          { paths: ['/crash-later'], handler: 'crashLater' },
          { paths: ['/reserved'], handler: 'slow', reservedConcurrency: 1 },
          { paths: ['/off'], handler: 'echo', reservedConcurrency: 0 },
        ],
        { env: { EXTRA: 'from-options' }, isolation },
      )
    })
    after(() => alb.close())

    async function echo(): Promise<{
      instance: string
      invocations: number
      context: Record<string, unknown>
      env: Record<string, string>
    }> {
      const res = await send(`${alb.url}/echo`)
      assert.equal(res.status, 200)
      return JSON.parse(res.body.toString())
    }

    test('sequential requests reuse one warm instance; its module state persists', async () => {
      const a = await echo()
      const b = await echo()
      assert.equal(a.instance, b.instance)
      assert.equal(b.invocations, a.invocations + 1)
    })

    test('the handler gets a Lambda-like context and the configured environment', async () => {
      const { context, env } = await echo()
      assert.equal(context.functionName, 'fx-0-echo')
      assert.equal(context.functionVersion, 'live')
      assert.equal(
        context.invokedFunctionArn,
        'arn:aws:lambda:us-east-1:123456789012:function:fx-0-echo:live',
      )
      assert.equal(context.memoryLimitInMB, '128')
      assert.equal(context.logGroupName, '/aws/lambda/fx-0-echo')
      assert.equal(context.callbackWaitsForEmptyEventLoop, true)
      assert.match(String(context.awsRequestId), /^[0-9a-f-]{36}$/)
      assert.ok(Number(context.remaining) > 0 && Number(context.remaining) <= 3000)
      assert.equal(env.GREETING, 'hello')
      assert.equal(env.EXTRA, 'from-options')
      assert.equal(env.AWS_LAMBDA_FUNCTION_NAME, 'fx-0-echo')
      assert.equal(env.AWS_ENDPOINT_URL_S3, undefined)
    })

    test('concurrent requests get separate instances (cold starts), each with its own state', async () => {
      const answers = await Promise.all([1, 2, 3].map(() => send(`${alb.url}/slow?ms=300`)))
      const instances = new Set(answers.map((r) => JSON.parse(r.body.toString()).instance))
      assert.equal(instances.size, 3)
      assert.equal(alb.instances()['fx-1-slow'], 3)
      const again = await send(`${alb.url}/slow?ms=1`)
      assert.ok(
        instances.has(JSON.parse(again.body.toString()).instance),
        'a warm instance is reused',
      )
    })

    test('a handler past its timeout → 502; the instance is killed and replaced', async () => {
      const res = await send(`${alb.url}/hang`)
      assert.equal(res.status, 502)
      assert.equal(alb.instances()['fx-2-hang'], 0)
    })

    test('a handler that blocks its thread forever does not block the load balancer', async () => {
      const spinning = send(`${alb.url}/spin`)
      await new Promise((r) => setTimeout(r, 100))
      const meanwhile = await echo()
      assert.ok(meanwhile.instance)
      assert.equal((await spinning).status, 502)
    })

    test('process.exit in a handler → 502 LambdaUnhandled, and the next request gets a fresh instance', async () => {
      const res = await send(`${alb.url}/exit`)
      assert.equal(res.status, 502)
      assert.match((await accessLogLines(alb)).at(-1) ?? '', /"LambdaUnhandled"/)
      assert.equal((await send(`${alb.url}/exit`)).status, 502)
      assert.equal((await echo()).env.GREETING, 'hello')
    })

    test('an instance that crashes after answering is replaced; the next request works', async () => {
      assert.equal((await send(`${alb.url}/crash-later`)).status, 200)
      await new Promise((r) => setTimeout(r, 100))
      assert.equal((await send(`${alb.url}/crash-later`)).status, 200)
    })

    test('reserved concurrency: the request over the limit is throttled → 502 LambdaThrottling', async () => {
      const [a, b] = await Promise.all([
        send(`${alb.url}/reserved?ms=300`),
        send(`${alb.url}/reserved?ms=300`),
      ])
      assert.deepEqual([a?.status, b?.status].sort(), [200, 502])
      assert.ok((await accessLogLines(alb)).some((l) => l.includes('"LambdaThrottling"')))
      assert.equal((await send(`${alb.url}/off`)).status, 502)
    })
  })
}
