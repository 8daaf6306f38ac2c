// Bundles the handler into dist/index.mjs. The AWS SDK presigner — used only for the oversized
// asset — is reached only through `import('./presign/index.mjs')`, and @albkit/build splits every
// import() target into dist/chunks/, so it loads on that path alone. Deploy all of dist/.
import { rm } from 'node:fs/promises'
import { bundleApp, formatBundleReport } from '@albkit/build'

await rm('dist/presign', { recursive: true, force: true }) // the separate bundle of earlier builds
const { report, metafile } = await bundleApp({
  entry: 'src/handler.ts',
  outdir: 'dist',
  // Guards on what the cold start loads (index.mjs and the chunks it imports statically): no AWS
  // SDK code (a static import anywhere in the handler's graph would undo the split), no raw assets.
  lazyOnly: ['@aws-sdk', '@smithy', 'assets/'],
})
console.log(formatBundleReport('binary-response', report))

if (!Object.keys(metafile.inputs).some((p) => p.includes('@aws-sdk/s3-request-presigner')))
  throw new Error('the presigner is missing from the lazy chunks')
