import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { build, type Metafile } from 'esbuild'

/** Options for {@link bundleApp}. */
export interface BundleAppOptions {
  /** The handler module, e.g. `src/handler.ts`. */
  entry: string
  /** Output directory, e.g. `dist`; receives `index.mjs`, `index.mjs.map` and `meta.json`. */
  outdir: string
  /** Packages to leave out of the bundle. Default: none (node built-ins are always external). */
  external?: string[]
}

/** What {@link bundleApp} produced. */
export interface BundleAppResult {
  /** Absolute path of the bundle (`<outdir>/index.mjs`). */
  outfile: string
  /** Size of the bundle in bytes. */
  bytes: number
  /** Size of the bundle after gzip (what the deployment zip roughly costs). */
  gzipBytes: number
  /** esbuild's metafile, also written to `<outdir>/meta.json` (open it in esbuild's analyzer). */
  metafile: Metafile
}

/**
 * An ESM bundle that contains CommonJS code (the AWS SDK, busboy, …) calls `require()` for node
 * built-ins; ESM has no `require`, so esbuild's shim throws "Dynamic require of … is not supported".
 * This banner gives the bundle a real `require` bound to its own URL.
 */
export const CREATE_REQUIRE_BANNER =
  "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"

/**
 * Bundles one Lambda handler into `<outdir>/index.mjs` (handler string `index.handler`):
 * ESM, platform node, target node22, minified, linked source map, metafile in `meta.json`.
 *
 * Everything is bundled, `@aws-sdk/*` included: the AWS SDK team advises bundling your own copy
 * because the copy in the Lambda runtime is updated by AWS at any time and can change under you
 * ("Best practices for working with AWS Lambda functions" / AWS SDK for JavaScript v3 docs).
 *
 * @example
 * ```ts
 * const { outfile, bytes, gzipBytes } = await bundleApp({ entry: 'src/handler.ts', outdir: 'dist' })
 * console.log(`${outfile}: ${bytes} B (${gzipBytes} B gzip)`)
 * ```
 */
export async function bundleApp(options: BundleAppOptions): Promise<BundleAppResult> {
  const outdir = resolve(options.outdir)
  const outfile = join(outdir, 'index.mjs')
  await mkdir(outdir, { recursive: true })
  const result = await build({
    entryPoints: [resolve(options.entry)],
    outfile,
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
    banner: { js: CREATE_REQUIRE_BANNER },
    logLevel: 'warning',
  })
  await writeFile(join(outdir, 'meta.json'), JSON.stringify(result.metafile))
  const code = await readFile(outfile)
  return {
    outfile,
    bytes: code.byteLength,
    gzipBytes: gzipSync(code).byteLength,
    metafile: result.metafile,
  }
}
