// Bundles the handler into dist/index.mjs. @albkit/build splits every import() target into
// dist/chunks/: the AWS SDK (src/s3-sdk.ts) loads on the first S3 call, so health
// checks and the form page never read it. Deploy all of dist/ (the chunks ship with it).
import { bundleApp, formatBundleReport } from '@albkit/build'

const { report } = await bundleApp({
  entry: 'src/handler.ts',
  outdir: 'dist',
  // Guard: nothing the cold start loads (index.mjs and the chunks it imports statically) may
  // contain the AWS SDK — a static import of it anywhere in the handler's graph would undo the split.
  lazyOnly: ['@aws-sdk', '@smithy'],
})
console.log(formatBundleReport('upload-to-s3', report))
