import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'
import { type BundleReport, bundleReport } from './bundle-report.js'
import { checkLazyOnly } from './check-lazy-only.js'

/** Options for {@link bundleApp}. */
export interface BundleAppOptions {
  /** The handler module, e.g. `src/handler.ts`. */
  entry: string
  /** Output directory, e.g. `dist`; receives `index.mjs`, `index.mjs.map` and `meta.json`. */
  outdir: string
  /** Packages to leave out of the bundle. Default: none (node built-ins are always external). */
  external?: string[]
  /**
   * Code splitting (default `true`): every `import()` target becomes its own file under
   * `<outdir>/chunks/`, read and compiled only when that `import()` runs. This is how an app keeps
   * a heavy dependency (the AWS SDK) off its cold start: import it with `await import(…)` where
   * it is needed. `false` inlines everything into `index.mjs` (an `import()` is then only deferred
   * evaluation: its code is still parsed at load).
   */
  splitting?: boolean
  /**
   * Modules the cold start must not load: the build throws when an input whose path contains
   * one of these strings is in `index.mjs` or in a chunk it imports statically (a static import
   * anywhere in the handler's graph undoes the split), naming the module and the file.
   * Example: `['@aws-sdk', '@smithy']`. Default: none.
   */
  lazyOnly?: string[]
}

/** What {@link bundleApp} produced. */
export interface BundleAppResult {
  /** Absolute path of the bundle (`<outdir>/index.mjs`). */
  outfile: string
  /** Size of the bundle in bytes (`index.mjs` alone: what every cold start loads). */
  bytes: number
  /** Size of the bundle after gzip (what the deployment zip roughly costs). */
  gzipBytes: number
  /** Absolute paths of the lazily loaded chunks (`<outdir>/chunks/*.mjs`); empty without `import()`. */
  chunks: string[]
  /** esbuild's metafile, also written to `<outdir>/meta.json` (open it in esbuild's analyzer). */
  metafile: Metafile
  /** Total and cold-start sizes and the chunk count: print it with `formatBundleReport`. */
  report: BundleReport
}

/**
 * An ESM bundle that contains CommonJS code (the AWS SDK, busboy, …) calls `require()` for node
 * built-ins; ESM has no `require`, so esbuild's shim throws "Dynamic require of … is not supported".
 * This banner gives the bundle a real `require` bound to its own URL.
 */
export const CREATE_REQUIRE_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"

/** Where split chunks go, relative to the outdir; emptied before each build (no stale chunks ship). */
const CHUNK_DIR = 'chunks'

/**
 * Bundles one Lambda handler into `<outdir>/index.mjs` (handler string `index.handler`):
 * ESM, platform node, target node22, minified, linked source map, metafile in `meta.json`, and
 * each `import()` target split into `<outdir>/chunks/` (see {@link BundleAppOptions.splitting}).
 * Deploy the whole outdir (SAM `CodeUri`, serverless `package.patterns`): chunks are loaded from it.
 *
 * Everything is bundled, `@aws-sdk/*` included: the AWS SDK team advises bundling your own copy
 * because the copy in the Lambda runtime is updated by AWS at any time and can change under you
 * ("Best practices for working with AWS Lambda functions" / AWS SDK for JavaScript v3 docs).
 *
 * @example
 * ```ts
 * const { report } = await bundleApp({ entry: 'src/handler.ts', outdir: 'dist' })
 * console.log(formatBundleReport('my-app', report))
 * await bundleApp({ entry: 'src/handler.ts', outdir: 'dist', lazyOnly: ['@aws-sdk', '@smithy'] })
 * ```
 */
export async function bundleApp(options: BundleAppOptions): Promise<BundleAppResult> {
  const outdir = resolve(options.outdir)
  const outfile = join(outdir, 'index.mjs')
  await rm(join(outdir, CHUNK_DIR), { recursive: true, force: true })
  await mkdir(outdir, { recursive: true })
  const result = await build({
    entryPoints: [{ in: resolve(options.entry), out: 'index' }],
    outdir,
    outExtension: { '.js': '.mjs' },
    splitting: options.splitting ?? true,
    chunkNames: `${CHUNK_DIR}/[name]-[hash]`,
    bundle: true,
    format: 'esm',
    platform: 'node',
    target: 'node22',
    minify: true,
    sourcemap: 'linked',
    metafile: true,
    // ESM entry points of dependencies first: they tree-shake better (the AWS SDK ships both).
    mainFields: ['module', 'main'],
    external: options.external ?? [],
    // Every output file is its own ES module, so each chunk gets its own `require`.
    banner: { js: CREATE_REQUIRE_BANNER },
    logLevel: 'warning',
  })
  await writeFile(join(outdir, 'meta.json'), JSON.stringify(result.metafile))
  const entryOutput = Object.keys(result.metafile.outputs).find((f) => resolve(f) === outfile)
  checkLazyOnly(result.metafile, entryOutput ?? outfile, options.lazyOnly ?? [])
  const code = await readFile(outfile)
  const chunks = Object.keys(result.metafile.outputs)
    .map((file) => resolve(file))
    .filter((file) => file.endsWith('.mjs') && file !== outfile)
  return {
    outfile,
    bytes: code.byteLength,
    gzipBytes: gzipSync(code).byteLength,
    chunks,
    metafile: result.metafile,
    report: await bundleReport(result.metafile, outfile),
  }
}
