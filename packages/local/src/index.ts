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
export type { TargetReport } from './runtime/health-checker.js'
export { type LocalAlb, type StartOptions, start } from './start.js'
