// Bundles src/handler.ts into dist/index.mjs (Lambda handler string: index.handler).
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleApp, formatBundleReport } from '@albkit/build'

const here = dirname(fileURLToPath(import.meta.url))
const { report } = await bundleApp({
  entry: join(here, 'src/handler.ts'),
  outdir: join(here, 'dist'),
})
console.log(formatBundleReport('whats-my-ip', report))
