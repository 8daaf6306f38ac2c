/**
 * @albkit/conformance — the ALB ⇄ Lambda contract as a black-box suite: real HTTP against any
 * ALB emulator that serves the suite's echo service, and the albkit / serverless-offline table.
 */

export type { ConformanceCheck, ConformanceTarget } from './checks.js'
export { runConformanceCli } from './cli.js'
export {
  type ConformanceReport,
  type PeerResult,
  renderPage,
  runAlbkitHalf,
  runComparison,
  runOfflineHalf,
} from './comparison.js'
export { ECHO_PATHS, type EchoApp, writeEchoApp } from './echo-app.js'
export {
  CONFORMANCE_ROUTES,
  conformanceExtrasTemplate,
  conformanceServerlessYml,
  writeConformanceService,
} from './echo-service.js'
export { freePort } from './free-port.js'
export { type OfflineServer, startOffline } from './offline-server.js'
export {
  allChecks,
  type ConformanceOptions,
  type ConformanceResult,
  runConformance,
} from './run-conformance.js'
export { type ComparisonRow, compare, renderTable } from './table.js'
