// Transpiles @albkit/cli file by file (no bundling): dist/ mirrors src/, so every path a module
// computes from import.meta.url (docs/, node_modules/) points where it does in src/.
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { build } from 'esbuild'

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : sources(path)
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : []
  })
}

// dist is overwritten in place, never removed first: a running `albkit dev` may be using it
await build({
  entryPoints: sources('src'),
  outdir: 'dist',
  outbase: 'src',
  bundle: false,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  sourcemap: 'linked',
  logLevel: 'warning',
})
