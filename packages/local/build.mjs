// Bundles @albkit/local: the API, the instance entry (plain JS for worker threads) and the S3
// process, the console's page (dist/console/: one script, one style sheet, the page), then emits
// type declarations with tsc.
import { execFileSync } from 'node:child_process'
import { copyFileSync } from 'node:fs'
import { build } from 'esbuild'

// dist is overwritten in place, never removed first: other packages' tests may be using it
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: 'linked',
  logLevel: 'warning',
}
await Promise.all([
  build({
    ...common,
    entryPoints: {
      index: 'src/index.ts',
      worker: 'src/runtime/worker.ts',
      's3-process': 'src/runtime/s3-process.ts',
    },
    outdir: 'dist',
    outExtension: { '.js': '.mjs' },
  }),
  build({
    entryPoints: { console: 'src/console-ui/main.ts' },
    bundle: true,
    platform: 'browser',
    target: 'es2022',
    format: 'esm',
    minify: true,
    outdir: 'dist/console',
    logLevel: 'warning',
    metafile: true,
  }).then((result) => {
    copyFileSync('src/console-ui/console.css', 'dist/console/console.css')
    copyFileSync('src/console-ui/index.html', 'dist/console/index.html')
    const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0)
    console.log(`console: dist/console/console.js ${bytes} B`)
  }),
])
execFileSync(
  process.execPath,
  [
    new URL('../../node_modules/typescript/bin/tsc', import.meta.url).pathname,
    '-p',
    'tsconfig.json',
    '--emitDeclarationOnly',
    '--declaration',
    '--outDir',
    'dist/types',
  ],
  { stdio: 'inherit' },
)
