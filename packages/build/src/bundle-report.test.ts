import assert from 'node:assert/strict'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'
import { type BundleAppResult, bundleApp } from './bundle-app.js'
import { type BundleReport, bundleReport, formatBundleReport } from './bundle-report.js'

const lazyEntry = fileURLToPath(new URL('./fixtures/lazy-entry.mjs', import.meta.url))

describe('formatBundleReport: one line, the same for every app', () => {
  const report: BundleReport = {
    entry: 'dist/index.mjs',
    total: { files: 27, bytes: 712_345, gzipBytes: 201_234 },
    chunks: 26,
    coldStart: { files: 2, bytes: 68_655, gzipBytes: 22_239 },
  }
  test('name, entry, total (raw, gzip), chunk count, cold-start part', () => {
    assert.equal(
      formatBundleReport('upload-to-s3', report),
      'upload-to-s3: dist/index.mjs · 695.6 KB (196.5 KB gzip), 26 chunks · cold start 67.0 KB (21.7 KB gzip) in 2 files',
    )
  })
  test('one chunk, one file, sizes under 1 KB in bytes', () => {
    const small: BundleReport = {
      entry: 'out/index.mjs',
      total: { files: 2, bytes: 2048, gzipBytes: 1000 },
      chunks: 1,
      coldStart: { files: 1, bytes: 1023, gzipBytes: 512 },
    }
    assert.equal(
      formatBundleReport('tiny', small),
      'tiny: out/index.mjs · 2.0 KB (1000 B gzip), 1 chunk · cold start 1023 B (512 B gzip) in 1 file',
    )
  })
})

describe('bundleReport: measured from what the build wrote', () => {
  let dir: string
  let result: BundleAppResult
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'albkit-report-'))
    result = await bundleApp({ entry: lazyEntry, outdir: join(dir, 'dist') })
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  test('total = every .mjs on disk; cold start = index.mjs + its static imports, not the import() chunk', async () => {
    const chunkDir = join(dir, 'dist', 'chunks')
    const chunkFiles = (await readdir(chunkDir))
      .filter((f) => f.endsWith('.mjs'))
      .map((f) => join(chunkDir, f))
    const all = [result.outfile, ...chunkFiles]
    const size = async (files: string[]) => {
      const codes = await Promise.all(files.map((f) => readFile(f)))
      return {
        files: files.length,
        bytes: codes.reduce((n, c) => n + c.byteLength, 0),
        gzipBytes: codes.reduce((n, c) => n + gzipSync(c).byteLength, 0),
      }
    }
    const lazyChunk: string[] = []
    for (const f of chunkFiles)
      if ((await readFile(f, 'utf8')).includes('posix.join')) lazyChunk.push(f)
    assert.equal(lazyChunk.length, 1)
    const report = result.report
    assert.equal(report.entry, relative(process.cwd(), result.outfile))
    assert.equal(report.chunks, chunkFiles.length)
    assert.deepEqual(report.total, await size(all))
    assert.deepEqual(report.coldStart, await size(all.filter((f) => !lazyChunk.includes(f))))
    assert.ok(report.coldStart.bytes < report.total.bytes)
    assert.deepEqual(await bundleReport(result.metafile, result.outfile), report)
  })

  test('an outfile that is not an output of the build is an error', async () => {
    await assert.rejects(
      bundleReport(result.metafile, join(dir, 'elsewhere.mjs')),
      /elsewhere\.mjs is not an output/,
    )
  })
})
