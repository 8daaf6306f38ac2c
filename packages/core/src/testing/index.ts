export type { AlbEventInit } from './alb-event.js'
export { albEvent, healthCheckEvent, SAMPLE_TARGET_GROUP_ARN, traceId } from './alb-event.js'
export { fixtures } from './fixtures.js'
export { lambdaContext, type TestLambdaContext } from './lambda-context.js'
