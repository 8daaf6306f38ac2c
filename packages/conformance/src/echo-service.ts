/**
 * The service the conformance suite runs against: one serverless.yml (osls `alb` events) that
 * albkit and serverless-offline both read, plus a CloudFormation template with the listener
 * rules an `alb` event cannot express (fixed-response, redirect, a target group without a
 * target), which only albkit loads. Every function runs echo-handler.mjs.
 */
import { copyFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** Paths and names the checks use; the templates below route them. */
export const CONFORMANCE_ROUTES = {
  singlePath: '/echo',
  multiPath: '/multi/echo',
  throttledPath: '/throttled',
  healthPath: '/health-echo',
  healthCheckPath: '/conformance-health',
  healthTargetGroup: 'conformance-health',
  rules: '/rules',
  prio: '/prio',
} as const

/** The echo functions' timeout (seconds); the timeout check sleeps past it. */
export const ECHO_TIMEOUT_SECONDS = 3

/** Health checks of the health-echo target group (the smallest interval AWS allows is 5 s). */
export const HEALTH_CHECK = { intervalSeconds: 10, timeoutSeconds: 5, healthyThreshold: 2 }

/** The listener every rule attaches to (a literal ARN: no listener template is loaded). */
export const CONFORMANCE_LISTENER =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/conformance/0000000000000000/0000000000000000'

const R = CONFORMANCE_ROUTES

function fn(name: string, route: string, events: string[], extra = ''): string {
  const alb = events
    .map((e) => `      - alb:\n          listenerArn: ${CONFORMANCE_LISTENER}\n${e}`)
    .join('\n')
  return `  ${name}:\n    handler: handler.echo\n${extra}    environment:\n      CONFORMANCE_ROUTE: ${route}\n    events:\n${alb}\n`
}

const rule = (priority: number, conditions: string, more = '') =>
  `          priority: ${priority}\n          conditions:\n${conditions}${more}`

/**
 * The serverless.yml both servers read.
 *
 * @example
 * await writeFile('serverless.yml', conformanceServerlessYml())
 */
export function conformanceServerlessYml(): string {
  return `service: albkit-conformance
frameworkVersion: "3"
plugins:
  - serverless-offline
custom:
  serverless-offline:
    noPrependStageInUrl: true
provider:
  name: aws
  runtime: nodejs22.x
  timeout: ${ECHO_TIMEOUT_SECONDS}
functions:
${fn('echoSingle', 'single', [rule(10, `            path: ["${R.singlePath}", "${R.singlePath}/*"]\n`)])}${fn(
  'echoMulti',
  'multi',
  [rule(20, `            path: ["/multi/*"]\n`, '          multiValueHeaders: true\n')],
)}${fn(
  'echoThrottled',
  'throttled',
  [rule(30, `            path: ["${R.throttledPath}"]\n`)],
  '    reservedConcurrency: 1\n',
)}${fn('echoHealth', 'health', [
  rule(
    40,
    `            path: ["${R.healthPath}"]\n`,
    `          targetGroupName: ${R.healthTargetGroup}
          healthCheck:
            path: ${R.healthCheckPath}
            intervalSeconds: ${HEALTH_CHECK.intervalSeconds}
            timeoutSeconds: ${HEALTH_CHECK.timeoutSeconds}
            healthyThresholdCount: ${HEALTH_CHECK.healthyThreshold}
            unhealthyThresholdCount: 2
`,
  ),
])}${
  // declared before the broader rule on purpose: priority, not file order, must decide
  fn('prioNarrow', 'prio-narrow', [rule(51, `            path: ["${R.prio}/narrow"]\n`)])
}${fn('prioBroad', 'prio-broad', [rule(50, `            path: ["${R.prio}/*"]\n`)])}${fn(
  'rules',
  'rules',
  [
    rule(60, `            path: ["${R.rules}/host"]\n            host: ["*.conformance.test"]\n`),
    rule(
      61,
      `            path: ["${R.rules}/header"]\n            header:\n              name: X-Conformance-Flag\n              values: ["on-*"]\n`,
    ),
    rule(62, `            path: ["${R.rules}/method"]\n            method: ["POST"]\n`),
    rule(
      63,
      `            path: ["${R.rules}/query"]\n            query:\n              mode: 'a\\*b'\n              enc: 'x%20y'\n`,
    ),
    rule(64, `            path: ["${R.rules}/ip"]\n            ip: ["127.0.0.1/32"]\n`),
    rule(65, `            path: ["${R.rules}/ip-other"]\n            ip: ["192.0.2.0/24"]\n`),
  ],
)}`
}

/**
 * Listener rules serverless.yml's `alb` events cannot express (only albkit loads this file).
 *
 * @example
 * await writeFile('extras.yaml', conformanceExtrasTemplate())
 */
export function conformanceExtrasTemplate(): string {
  const listener = `      ListenerArn: ${CONFORMANCE_LISTENER}`
  const path = (p: string) =>
    `      Conditions:\n        - Field: path-pattern\n          PathPatternConfig: { Values: ["${R.rules}/${p}"] }`
  return `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  FixedRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
${listener}
      Priority: 70
${path('fixed')}
      Actions:
        - Type: fixed-response
          FixedResponseConfig: { StatusCode: "418", ContentType: text/plain, MessageBody: fixed by the listener rule }
  RedirectRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
${listener}
      Priority: 71
${path('redirect')}
      Actions:
        - Type: redirect
          RedirectConfig: { Protocol: HTTPS, Host: moved.conformance.test, Port: "443", Path: "/moved/#{path}", Query: "#{query}&via=redirect", StatusCode: HTTP_301 }
  EmptyTargetGroup:
    Type: AWS::ElasticLoadBalancingV2::TargetGroup
    Properties: { TargetType: lambda, Name: conformance-empty }
  EmptyRule:
    Type: AWS::ElasticLoadBalancingV2::ListenerRule
    Properties:
${listener}
      Priority: 72
${path('empty')}
      Actions:
        - Type: forward
          TargetGroupArn: { Ref: EmptyTargetGroup }
`
}

const HANDLER_FILE = fileURLToPath(new URL('./echo-handler.mjs', import.meta.url))

/**
 * Write handler.mjs, serverless.yml, extras.yaml and package.json into `dir`.
 *
 * @example
 * const files = await writeConformanceService(dir)
 * await start({ templates: [files.serverlessYml, files.extrasTemplate] })
 */
export async function writeConformanceService(
  dir: string,
): Promise<{ serverlessYml: string; extrasTemplate: string }> {
  await copyFile(HANDLER_FILE, join(dir, 'handler.mjs'))
  const serverlessYml = join(dir, 'serverless.yml')
  const extrasTemplate = join(dir, 'extras.yaml')
  await writeFile(serverlessYml, conformanceServerlessYml())
  await writeFile(extrasTemplate, conformanceExtrasTemplate())
  await writeFile(join(dir, 'package.json'), '{"type":"module","private":true}\n')
  return { serverlessYml, extrasTemplate }
}
