export {
  type BundleAppOptions,
  type BundleAppResult,
  bundleApp,
  CREATE_REQUIRE_BANNER,
} from './bundle-app.js'
