export {
  type BundleAppOptions,
  type BundleAppResult,
  bundleApp,
  CREATE_REQUIRE_BANNER,
} from './bundle-app.js'
export { checkLazyOnly, eagerOutputs } from './check-lazy-only.js'
