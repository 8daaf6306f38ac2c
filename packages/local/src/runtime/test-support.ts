/**
 * Builds small LocalConfig objects over the handler fixtures (fixtures/handlers.mjs) for tests
 * and benchmarks, without templates.
 */
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import {
  type HealthCheckSettings,
  LAMBDA_HEALTH_CHECK_DEFAULTS,
  type LocalConfig,
  type LocalRule,
} from '../config/index.js'
import type { LocalAlb, StartOptions } from '../start.js'
import { startScratch } from '../start-scratch.js'
import { FLUSH_INTERVAL_MS } from './log-sink.js'

export const FIXTURE_FILE = fileURLToPath(new URL('./fixtures/handlers.mjs', import.meta.url))
const ACCOUNT = '123456789012'

export interface FixtureRoute {
  /** path-pattern values */
  paths: string[]
  /** export of fixtures/handlers.mjs; undefined = target group without a target */
  handler?: string
  multi?: boolean
  timeoutSeconds?: number
  reservedConcurrency?: number
  env?: Record<string, string>
  health?: Partial<HealthCheckSettings>
  xff?: 'append' | 'preserve' | 'remove'
}

/**
 * @example
 * fixtureConfig([{ paths: ['/echo'], handler: 'echo' }])
 */
export function fixtureConfig(routes: FixtureRoute[], extraRules: LocalRule[] = []): LocalConfig {
  const config: LocalConfig = {
    functions: [],
    targetGroups: [],
    rules: [],
    buckets: [],
    warnings: [],
  }
  routes.forEach((route, i) => {
    const name = `fx-${i}-${route.handler ?? 'none'}`
    const tgArn = `arn:aws:elasticloadbalancing:us-east-1:${ACCOUNT}:targetgroup/${name}/${String(i).padStart(16, '0')}`
    if (route.handler !== undefined) {
      const functionArn = `arn:aws:lambda:us-east-1:${ACCOUNT}:function:${name}`
      config.functions.push({
        logicalId: `Fn${i}`,
        functionName: name,
        templateFile: 'test',
        codeDir: fileURLToPath(new URL('./fixtures', import.meta.url)),
        handlerFile: FIXTURE_FILE,
        handlerExport: route.handler,
        timeoutSeconds: route.timeoutSeconds ?? 3,
        memoryMb: 128,
        environment: route.env ?? {},
        aliasName: 'live',
        functionArn,
        aliasArn: `${functionArn}:live`,
        reservedConcurrency: route.reservedConcurrency,
      })
    }
    const tg = {
      logicalId: `Tg${i}`,
      name,
      arn: tgArn,
      templateFile: 'test',
      functionLogicalId: route.handler === undefined ? undefined : `Fn${i}`,
      multiValueHeaders: route.multi === true,
      healthCheck: { ...LAMBDA_HEALTH_CHECK_DEFAULTS, ...route.health },
      ...(route.xff === undefined ? {} : { xffHeaderProcessingMode: route.xff }),
    }
    config.targetGroups.push(tg)
    config.rules.push({
      priority: (i + 1) * 10,
      conditions: [{ field: 'path-pattern', values: route.paths }],
      action: { type: 'forward', targetGroups: [{ arn: tgArn, weight: 1 }] },
      logicalId: `Rule${i}`,
      templateFile: 'test',
    })
  })
  config.rules.push(...extraRules)
  config.rules.sort((a, b) =>
    a.priority === 'default' ? 1 : b.priority === 'default' ? -1 : a.priority - b.priority,
  )
  config.rules.push({
    priority: 'default',
    conditions: [],
    action: {
      type: 'fixed-response',
      statusCode: 404,
      contentType: 'application/json',
      messageBody: '{"message":"Not Found"}',
    },
    logicalId: 'Listener',
    templateFile: 'test',
  })
  return config
}

/**
 * Start a load balancer over a ready config as {@link startScratch} does, S3 off unless
 * `options.s3` says otherwise.
 * @example
 * const alb = await startConfig(await loadConfig(files), { watch: true })
 */
export async function startConfig(
  config: LocalConfig,
  options: Partial<StartOptions> = {},
): Promise<LocalAlb> {
  return startScratch({ templates: [], config, s3: false, ...options }, 'albkit-test-')
}

/**
 * Start a load balancer over fixture routes, as {@link startConfig} does.
 * @example
 * const alb = await startFixture([{ paths: ['/echo'], handler: 'echo' }])
 */
export async function startFixture(
  routes: FixtureRoute[],
  options: Partial<StartOptions> & { extraRules?: LocalRule[] } = {},
): Promise<LocalAlb> {
  const { extraRules, ...rest } = options
  return startConfig(fixtureConfig(routes, extraRules), rest)
}

/** Read the access log after the batched writer has flushed. */
export async function accessLogLines(alb: LocalAlb): Promise<string[]> {
  await new Promise((r) => setTimeout(r, 3 * FLUSH_INTERVAL_MS))
  return readFileSync(alb.accessLogFile, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
}
