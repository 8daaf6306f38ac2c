// Bundles src/handler.ts into dist/index.mjs (Lambda handler string: index.handler) and holds
// the app to its cold-start budget: no AWS SDK inside (S3 HeadBucket is a signed fetch) and
// at most 30 KB gzip. Each probe type is an import() target, split into dist/chunks/ and
// loaded on its first use (deploy all of dist/).
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleApp } from '@albkit/build'

const MAX_GZIP_BYTES = 30 * 1024
const here = dirname(fileURLToPath(import.meta.url))
const { outfile, bytes, gzipBytes, metafile } = await bundleApp({
  entry: join(here, 'src/handler.ts'),
  outdir: join(here, 'dist'),
})
console.log(`${outfile}: ${bytes} bytes (${gzipBytes} gzip)`)
const leaked = Object.keys(metafile.inputs).find((p) => /@aws-sdk|@smithy|s3rver/.test(p))
if (leaked) throw new Error(`must not be bundled: ${leaked}`)
if (gzipBytes > MAX_GZIP_BYTES) {
  throw new Error(`bundle is ${gzipBytes} B gzip, over the ${MAX_GZIP_BYTES} B budget`)
}
