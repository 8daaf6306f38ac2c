// Bundles the handler into dist/index.mjs, and the AWS SDK presigner — used only for the
// oversized asset — into its own dist/presign/index.mjs, imported lazily by the handler.
// @albkit/build emits one file per call (no code splitting), so the lazy module is a second
// bundle and its specifier is marked external in the first.
import { bundleApp } from '@albkit/build'

const PRESIGN = './presign/index.mjs'

const main = await bundleApp({ entry: 'src/handler.ts', outdir: 'dist', external: [PRESIGN] })
const presign = await bundleApp({ entry: 'src/presign/index.mts', outdir: 'dist/presign' })
for (const [name, r] of [
  ['handler', main],
  ['presign (lazy)', presign],
]) {
  console.log(`${name}: ${r.outfile} ${r.bytes} B (${r.gzipBytes} B gzip)`)
}
const inputs = Object.keys(main.metafile.inputs)
const leaked = inputs.filter((p) => p.includes('@aws-sdk') || p.includes('@smithy'))
if (leaked.length > 0) throw new Error(`the AWS SDK leaked into the handler bundle: ${leaked[0]}`)
if (inputs.some((p) => p.includes('assets/'))) throw new Error('raw assets must not be bundled')
