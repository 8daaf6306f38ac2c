/**
 * @albkit/local — a local Application Load Balancer for Lambda targets, read from the same
 * templates you deploy, with an embedded S3.
 */

export { ConfigError, type LocalConfig, loadConfig } from './config/index.js'
export {
  type ConformanceResult,
  type ConformanceTarget,
  runConformance,
} from './conformance/index.js'
export type {
  CapturedExchange,
  ResultCheck,
  ResultIssue,
} from './console/captured-exchange.js'
export type { ExchangeStore } from './console/exchange-store.js'
export type { ExchangeDetail, ExchangeSummary } from './console/exchange-views.js'
export {
  LOCAL_S3_CREDENTIALS,
  LOCAL_S3_REGION,
  type LocalS3ClientConfig,
  localS3ClientConfig,
  localS3Environment,
} from './local-s3-client-config.js'
export type { TargetReport } from './runtime/health-checker.js'
export { type LocalAlb, type StartOptions, start } from './start.js'
