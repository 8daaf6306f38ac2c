import assert from 'node:assert/strict'
import { test } from 'node:test'
import { lambdaContext } from './lambda-context.js'

test('lambdaContext: names derived from the function, no timer method unless asked', () => {
  const ctx = lambdaContext({ functionName: 'f', requestId: 'r-1' })
  assert.deepEqual(ctx, {
    callbackWaitsForEmptyEventLoop: false,
    functionName: 'f',
    functionVersion: '$LATEST',
    invokedFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:f',
    memoryLimitInMB: '128',
    awsRequestId: 'r-1',
    logGroupName: '/aws/lambda/f',
    logStreamName: 'test',
  })
  assert.equal(lambdaContext().functionName, 'albkit-test')
  assert.equal(lambdaContext().awsRequestId, 'req-0001')
})

test('lambdaContext with remainingMs: a complete context whose remaining time is fixed', () => {
  const ctx = lambdaContext({ remainingMs: 60_000 })
  assert.equal(ctx.getRemainingTimeInMillis?.(), 60_000)
  assert.equal(ctx.done?.(), undefined)
  assert.equal(ctx.fail?.(), undefined)
  assert.equal(ctx.succeed?.(), undefined)
})
