export { LAMBDA_HEALTH_CHECK_DEFAULTS } from './health-check.js'
export { loadConfig } from './load-config.js'
export {
  conditionHolds,
  hostWithoutPort,
  type MatchInput,
  matchRule,
  precompileRules,
} from './match-rule.js'
export {
  ConfigError,
  type HealthCheckSettings,
  type LoadConfigOptions,
  type LocalBucket,
  type LocalConfig,
  type LocalFunction,
  type LocalRule,
  type LocalTargetGroup,
  type RuleAction,
  type RuleCondition,
} from './model.js'
