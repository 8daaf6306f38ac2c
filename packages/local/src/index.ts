/**
 * @albkit/local — a local Application Load Balancer for Lambda targets, read from the same
 * templates you deploy, with an embedded S3.
 */

export { LAMBDA_HEALTH_CHECK_DEFAULTS } from './config/health-check.js'
export { ConfigError, type LocalConfig, loadConfig } from './config/index.js'
export { type CfnResource, type CfnTemplate, parseTemplate } from './config/parse-template.js'
export type { CapturedExchange } from './console/captured-exchange.js'
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
export { type LocalS3Control, localS3Control } from './runtime/local-s3.js'
export { forwardedTraceId } from './runtime/trace-id.js'
export { type LocalAlb, type StartOptions, start } from './start.js'
export { startScratch } from './start-scratch.js'
