// Bundles src/handler.ts into dist/index.mjs (Lambda handler string: index.handler) and holds
// the app to its cold-start budget: at most 30 KB gzip loaded at init, and no AWS code in it.
// Each probe type is an import() target, split into dist/chunks/ and loaded on its first use:
// the S3 probe's signer (@smithy/signature-v4) loads with the first S3 probe, never at init
// (deploy all of dist/).
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleApp, formatBundleReport } from '@albkit/build'

const MAX_COLD_START_GZIP_BYTES = 30 * 1024
const here = dirname(fileURLToPath(import.meta.url))
const { report, metafile } = await bundleApp({
  entry: join(here, 'src/handler.ts'),
  outdir: join(here, 'dist'),
  lazyOnly: ['@aws-sdk', '@smithy'],
})
console.log(formatBundleReport('health-checker', report))
const leaked = Object.keys(metafile.inputs).find((p) => /@aws-sdk|s3rver/.test(p))
if (leaked) throw new Error(`must not be bundled: ${leaked}`)
if (report.coldStart.gzipBytes > MAX_COLD_START_GZIP_BYTES) {
  throw new Error(
    `cold start loads ${report.coldStart.gzipBytes} B gzip, over the ${MAX_COLD_START_GZIP_BYTES} B budget`,
  )
}
