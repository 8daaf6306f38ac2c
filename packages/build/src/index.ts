export {
  type BundleAppOptions,
  type BundleAppResult,
  bundleApp,
  CREATE_REQUIRE_BANNER,
} from './bundle-app.js'
export {
  type BundleReport,
  bundleReport,
  formatBundleReport,
  type OutputSize,
} from './bundle-report.js'
export { checkLazyOnly, eagerOutputs } from './check-lazy-only.js'
