/**
 * Test helpers for apps built on @albkit/middy (`@albkit/middy/testing`): typed Lambda context,
 * result readers, a log sink, multipart bodies, and core's event factories.
 */
export {
  albEvent,
  bodyBytes,
  fixtures,
  headersOf,
  healthCheckEvent,
  lambdaContext,
  memoryLog,
  modes,
  type TestContext,
} from './lambda.js'
export { multipartBody, type Part } from './multipart-body.js'
