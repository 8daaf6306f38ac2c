/**
 * The Lambda context test handlers need, shaped like `Context` from @types/aws-lambda (core has no
 * runtime dependency, so the shape is written out here).
 * @example
 * const ctx: TestLambdaContext = lambdaContext({ functionName: 'whats-my-ip', remainingMs: 60_000 })
 */
export interface TestLambdaContext {
  callbackWaitsForEmptyEventLoop: boolean
  functionName: string
  functionVersion: string
  invokedFunctionArn: string
  memoryLimitInMB: string
  awsRequestId: string
  logGroupName: string
  logStreamName: string
  getRemainingTimeInMillis?: () => number
  done?: () => void
  fail?: () => void
  succeed?: () => void
}

/**
 * A Lambda context for tests. Without `remainingMs` it has no `getRemainingTimeInMillis`, so
 * middy sets no timeout timer (no race in tests); with it, it is a complete `Context` (the
 * legacy `done`/`fail`/`succeed` are no-ops) whose remaining time is always `remainingMs`.
 * @example
 * await handler(albEvent(), lambdaContext() as Context)
 * await handler(albEvent(), lambdaContext({ functionName: 'whats-my-ip', remainingMs: 60_000 }) as Context)
 */
export function lambdaContext(
  init: { functionName?: string; requestId?: string; remainingMs?: number } = {},
): TestLambdaContext {
  const functionName = init.functionName ?? 'albkit-test'
  const context: TestLambdaContext = {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:us-east-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '128',
    awsRequestId: init.requestId ?? 'req-0001',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'test',
  }
  const remainingMs = init.remainingMs
  if (remainingMs === undefined) return context
  return {
    ...context,
    getRemainingTimeInMillis: () => remainingMs,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  }
}
