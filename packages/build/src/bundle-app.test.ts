import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, test } from 'node:test'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { promisify } from 'node:util'
import { build } from 'esbuild'
import { type BundleAppResult, bundleApp } from './bundle-app.js'

const run = promisify(execFile)
const entry = fileURLToPath(new URL('./fixtures/entry.mjs', import.meta.url))

/** Loads the bundle the way the Lambda runtime does: an ES module import, not `node -e` CJS. */
async function invokeLikeLambda(bundle: string, event: unknown): Promise<unknown> {
  const script = [
    `const m = await import(${JSON.stringify(pathToFileURL(bundle).href)});`,
    `const r = await m.handler(${JSON.stringify(event)}, {});`,
    'process.stdout.write(JSON.stringify(r));',
  ].join('\n')
  const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script])
  return JSON.parse(stdout)
}

describe('bundleApp', () => {
  let dir: string
  let result: BundleAppResult

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'albkit-build-'))
    result = await bundleApp({ entry, outdir: join(dir, 'dist') })
  })
  after(async () => {
    await rm(dir, { recursive: true, force: true })
  })

  test('writes dist/index.mjs, its linked source map and meta.json', async () => {
    assert.equal(result.outfile, join(dir, 'dist', 'index.mjs'))
    const code = await readFile(result.outfile, 'utf8')
    assert.ok(code.startsWith("import { createRequire } from 'node:module';"), code.slice(0, 80))
    assert.match(code, /\/\/# sourceMappingURL=index\.mjs\.map\s*$/)
    const map = JSON.parse(await readFile(join(dir, 'dist', 'index.mjs.map'), 'utf8'))
    assert.ok(Array.isArray(map.sources) && map.sources.length > 0)
    const meta = JSON.parse(await readFile(join(dir, 'dist', 'meta.json'), 'utf8'))
    assert.deepEqual(meta, result.metafile)
    const inputs = Object.keys(result.metafile.inputs)
    assert.ok(
      inputs.some((i) => i.endsWith('cjs-dep.cjs')),
      `the CJS dependency is bundled: ${inputs}`,
    )
  })

  test('reports raw and gzip sizes', async () => {
    assert.equal(result.bytes, (await stat(result.outfile)).size)
    assert.ok(result.gzipBytes > 0)
    assert.ok(result.gzipBytes < result.bytes + 64)
  })

  test('the bundle runs as an ES module, CommonJS require() included', async () => {
    const out = await invokeLikeLambda(result.outfile, { path: 'x/y' })
    assert.deepEqual(out, { statusCode: 200, body: '/base/x/y' })
  })

  test('without the createRequire banner the same bundle fails (the bug this guards)', async () => {
    const outfile = join(dir, 'no-banner', 'index.mjs')
    await build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      format: 'esm',
      platform: 'node',
      target: 'node22',
      logLevel: 'silent',
    })
    await assert.rejects(invokeLikeLambda(outfile, { path: 'x' }), /Dynamic require of "node:path"/)
  })

  test('a missing entry rejects with esbuild’s message', async () => {
    await assert.rejects(
      bundleApp({ entry: join(dir, 'nope.ts'), outdir: join(dir, 'dist2') }),
      /nope\.ts/,
    )
  })
})
