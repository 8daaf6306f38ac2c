import { readFile } from 'node:fs/promises'
import { relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Metafile } from 'esbuild'
import { eagerOutputs } from './check-lazy-only.js'

/** Bytes of a set of output files, raw and gzipped one by one (as each is read at run time). */
export interface OutputSize {
  files: number
  bytes: number
  gzipBytes: number
}

/** What one build wrote: everything deployed, and the part every cold start loads. */
export interface BundleReport {
  /** `index.mjs` relative to the working directory, e.g. `dist/index.mjs`. */
  entry: string
  /** Every `.mjs` the build wrote (`index.mjs` and `chunks/*.mjs`): what the deployment ships. */
  total: OutputSize
  /** Files under `chunks/` (split `import()` targets and the chunks they share). */
  chunks: number
  /** `index.mjs` and the chunks it imports statically: what Node reads and compiles at init. */
  coldStart: OutputSize
}

/**
 * Measures a build from its metafile: total and cold-start sizes, raw and gzip, and the chunk
 * count. The cold-start set is {@link eagerOutputs}: `import()` targets are left out.
 *
 * @example
 * const report = await bundleReport(metafile, '/abs/dist/index.mjs')
 * report.coldStart.bytes <= report.total.bytes // true
 */
export async function bundleReport(metafile: Metafile, outfile: string): Promise<BundleReport> {
  const outputs = Object.keys(metafile.outputs).filter((file) => file.endsWith('.mjs'))
  const entryOutput = outputs.find((file) => resolve(file) === resolve(outfile))
  if (entryOutput === undefined)
    throw new Error(`@albkit/build: ${outfile} is not an output of this build`)
  const eager = new Set(eagerOutputs(metafile, entryOutput))
  const sizes = new Map(
    await Promise.all(
      outputs.map(async (file) => {
        const code = await readFile(file)
        return [file, { bytes: code.byteLength, gzipBytes: gzipSync(code).byteLength }] as const
      }),
    ),
  )
  const sum = (files: string[]): OutputSize => ({
    files: files.length,
    bytes: files.reduce((n, f) => n + (sizes.get(f)?.bytes ?? 0), 0),
    gzipBytes: files.reduce((n, f) => n + (sizes.get(f)?.gzipBytes ?? 0), 0),
  })
  return {
    entry: relative(process.cwd(), resolve(entryOutput)),
    total: sum(outputs),
    chunks: outputs.length - 1,
    coldStart: sum(outputs.filter((file) => eager.has(file))),
  }
}

/** `12345` → `12.1 KB` (1 KB = 1024 B), below 1 KB in bytes: `512 B`. */
function kb(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`

/**
 * The one line every app's build prints, the same way for all of them:
 * name, entry, total size (raw and gzip) with the chunk count, then the cold-start part.
 *
 * @example
 * formatBundleReport('whats-my-ip', report)
 * // 'whats-my-ip: dist/index.mjs · 34.1 KB (12.7 KB gzip), 0 chunks · cold start 34.1 KB (12.7 KB gzip) in 1 file'
 */
export function formatBundleReport(name: string, report: BundleReport): string {
  const { total, coldStart } = report
  return (
    `${name}: ${report.entry} · ${kb(total.bytes)} (${kb(total.gzipBytes)} gzip), ` +
    `${plural(report.chunks, 'chunk')} · cold start ${kb(coldStart.bytes)} ` +
    `(${kb(coldStart.gzipBytes)} gzip) in ${plural(coldStart.files, 'file')}`
  )
}
