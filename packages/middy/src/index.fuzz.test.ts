import assert from 'node:assert/strict'
import { test } from 'node:test'
import { type AlbEvent, type AlbResult, binary, json, text, validateResult } from '@albkit/core'
import middy from '@middy/core'
import fc from 'fast-check'
import { albStack } from './alb-stack.js'
import { albEvent, lambdaContext, modes } from './testing/lambda.js'
import type { AlbContext, AlbHandlerReturn } from './types.js'

const numRuns = Number(process.env.FC_NUM_RUNS ?? 1000)

const headerName = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,20}$/)
const headerValue = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.boolean())
const init = fc.record(
  {
    statusCode: fc.integer({ min: 200, max: 599 }),
    headers: fc.dictionary(headerName, headerValue, { maxKeys: 4 }),
    cookies: fc.array(fc.stringMatching(/^[a-z]{1,8}=[a-z0-9]{0,8}$/), { maxLength: 3 }),
  },
  { requiredKeys: [] },
)

/** Every kind of value a handler may return. */
const handlerReturn: fc.Arbitrary<AlbHandlerReturn> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.uint8Array({ maxLength: 300 }),
  fc.jsonValue().map((v) => (typeof v === 'object' && v !== null ? v : { v })),
  fc.constant(undefined),
  fc.tuple(fc.string(), init).map(([body, i]) => text(body, i)),
  fc.tuple(fc.jsonValue(), init).map(([value, i]) => json(value, i)),
  fc.tuple(fc.uint8Array({ maxLength: 300 }), init).map(([b, i]) => binary(b, 'image/png', i)),
)

for (const mode of modes) {
  test(`any handler return value yields a valid ${mode}-value result (${numRuns} runs)`, async () => {
    const sink = () => {}
    await fc.assert(
      fc.asyncProperty(handlerReturn, async (value) => {
        const handler = middy<AlbEvent, AlbHandlerReturn, Error, AlbContext>()
          .use(albStack({ log: sink }))
          .handler(() => value)
        const r = (await handler(albEvent({ mode }), lambdaContext())) as AlbResult
        assert.deepEqual(validateResult(r, mode), { errors: [], warnings: [] }, JSON.stringify(r))
        assert.equal('multiValueHeaders' in r, mode === 'multi')
      }),
      { numRuns },
    )
  })
}
