// Bundles the handler into dist/index.mjs. @albkit/build splits every import() target into
// dist/chunks/: the AWS SDK (src/s3-sdk.ts) loads on the first S3 call, so health
// checks and the form page never read it. Deploy all of dist/ (the chunks ship with it).
import { bundleApp } from '@albkit/build'

const { outfile, bytes, gzipBytes, chunks, metafile } = await bundleApp({
  entry: 'src/handler.ts',
  outdir: 'dist',
})
console.log(
  `${outfile}: ${bytes} bytes (${gzipBytes} gzip), ${chunks.length} chunk file(s) in dist/chunks`,
)

// Guard: nothing the cold start loads (index.mjs and the chunks it imports statically) may
// contain the AWS SDK — a static import of it anywhere in the handler's graph would undo the split.
const eager = new Set()
const visit = (file) => {
  if (eager.has(file)) return
  eager.add(file)
  for (const i of metafile.outputs[file]?.imports ?? [])
    if (i.kind === 'import-statement' && !i.external) visit(i.path)
}
visit(Object.keys(metafile.outputs).find((f) => f.endsWith('/index.mjs')))
for (const file of eager) {
  const leaked = Object.keys(metafile.outputs[file]?.inputs ?? {}).find((p) =>
    /@aws-sdk|@smithy/.test(p),
  )
  if (leaked) throw new Error(`the AWS SDK leaked into the cold-start code (${file}): ${leaked}`)
}
