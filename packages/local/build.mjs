// Bundles @albkit/local: the API and the instance entry (plain JS for worker threads),
// then emits type declarations with tsc.
import { execFileSync } from 'node:child_process'
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
await build({
  ...common,
  entryPoints: {
    index: 'src/index.ts',
    worker: 'src/runtime/worker.ts',
    's3-process': 'src/runtime/s3-process.ts',
  },
  outdir: 'dist',
  outExtension: { '.js': '.mjs' },
})
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
