import type { AlbEventMulti, AlbEventSingle, AlbResultSingle } from '../types.js'

// The example events and response from AWS's Lambda developer guide, page
// "Process Application Load Balancer requests with Lambda" (docs.aws.amazon.com/lambda/latest/dg/services-alb.html).

const lambdaGuideSingle: AlbEventSingle = {
  requestContext: {
    elb: {
      targetGroupArn:
        'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/lambda-279XGJDqGZ5rsrHC2Fjr/49e9d65c45c6791a',
    },
  },
  httpMethod: 'GET',
  path: '/lambda',
  queryStringParameters: { query: '1234ABCD' },
  headers: {
    accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,image/webp,image/apng,*/*;q=0.8',
    'accept-encoding': 'gzip',
    'accept-language': 'en-US,en;q=0.9',
    connection: 'keep-alive',
    host: 'lambda-alb-123578498.us-east-1.elb.amazonaws.com',
    'upgrade-insecure-requests': '1',
    'user-agent':
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/71.0.3578.98 Safari/537.36',
    'x-amzn-trace-id': 'Root=1-5c536348-3d683b8b04734faae651f476',
    'x-forwarded-for': '72.12.164.125',
    'x-forwarded-port': '80',
    'x-forwarded-proto': 'http',
    'x-imforwards': '20',
  },
  body: '',
  isBase64Encoded: false,
}

const lambdaGuideMulti: AlbEventMulti = {
  requestContext: { elb: { targetGroupArn: lambdaGuideSingle.requestContext.elb.targetGroupArn } },
  httpMethod: 'GET',
  path: '/lambda',
  multiValueQueryStringParameters: { query: ['1234ABCD'] },
  multiValueHeaders: Object.fromEntries(
    Object.entries(lambdaGuideSingle.headers ?? {}).map(([k, v]) => [k, [v ?? '']]),
  ),
  body: '',
  isBase64Encoded: false,
}

const healthCheck: AlbEventSingle = {
  requestContext: { elb: { targetGroupArn: lambdaGuideSingle.requestContext.elb.targetGroupArn } },
  httpMethod: 'GET',
  path: '/',
  queryStringParameters: {},
  headers: { 'user-agent': 'ELB-HealthChecker/2.0' },
  body: '',
  isBase64Encoded: false,
}

const exampleResult: AlbResultSingle = {
  statusCode: 200,
  statusDescription: '200 OK',
  isBase64Encoded: false,
  headers: { 'Content-Type': 'text/html' },
  body: '<h1>Hello from Lambda!</h1>',
}

/**
 * Real events and the example response from AWS's Lambda developer guide, plus a health-check
 * event. Deep-frozen: copy with `structuredClone` before changing.
 * @example
 * const req = parseRequest(fixtures.lambdaGuideMulti)
 * req.query.get('query') // '1234ABCD'
 */
export const fixtures: {
  readonly lambdaGuideSingle: AlbEventSingle
  readonly lambdaGuideMulti: AlbEventMulti
  readonly healthCheck: AlbEventSingle
  readonly exampleResult: AlbResultSingle
} = deepFreeze({ lambdaGuideSingle, lambdaGuideMulti, healthCheck, exampleResult })

function deepFreeze<T>(o: T): T {
  if (o !== null && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v)
    Object.freeze(o)
  }
  return o
}
