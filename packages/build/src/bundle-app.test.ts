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
import { checkLazyOnly } from './check-lazy-only.js'

const run = promisify(execFile)
const entry = fileURLToPath(new URL('./fixtures/entry.mjs', import.meta.url))
const lazyEntry = fileURLToPath(new URL('./fixtures/lazy-entry.mjs', import.meta.url))

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

  test('splitting: an import() target is its own chunk, read only when the import runs', async () => {
    const out = join(dir, 'lazy')
    const lazy = await bundleApp({ entry: lazyEntry, outdir: out })
    // esbuild may add a shared chunk (its CommonJS helpers) that index.mjs imports statically.
    assert.ok(
      lazy.chunks.every((c) => c.startsWith(join(out, 'chunks'))),
      `${lazy.chunks}`,
    )
    const withDep = []
    for (const c of lazy.chunks)
      if ((await readFile(c, 'utf8')).includes('posix.join')) withDep.push(c)
    assert.equal(withDep.length, 1, `the dependency is in exactly one chunk: ${lazy.chunks}`)
    const chunk = withDep[0] as string
    assert.doesNotMatch(await readFile(lazy.outfile, 'utf8'), /posix\.join/)
    assert.deepEqual(await invokeLikeLambda(lazy.outfile, { path: 'a' }), {
      statusCode: 200,
      body: '/lazy/a',
    })
    // Without the chunk on disk the handler still loads and answers what does not need it.
    await rm(chunk)
    assert.deepEqual(await invokeLikeLambda(lazy.outfile, {}), { statusCode: 204, body: '' })
    await assert.rejects(invokeLikeLambda(lazy.outfile, { path: 'a' }), /Cannot find module/)
    // A rebuild empties chunks/ first, so no stale chunk ships; splitting: false inlines it.
    const inline = await bundleApp({ entry: lazyEntry, outdir: out, splitting: false })
    assert.deepEqual(inline.chunks, [])
    assert.match(await readFile(inline.outfile, 'utf8'), /posix\.join/)
    await assert.rejects(stat(join(out, 'chunks')), /ENOENT/)
  })

  test('lazyOnly: passes when the module is reached only through import(), throws naming it when imported statically', async () => {
    const lazy = await bundleApp({
      entry: lazyEntry,
      outdir: join(dir, 'lazy-only'),
      lazyOnly: ['cjs-dep'],
    })
    assert.ok(lazy.chunks.length > 0)
    await assert.rejects(
      bundleApp({ entry, outdir: join(dir, 'eager-only'), lazyOnly: ['cjs-dep'] }),
      (error: Error) => {
        assert.match(error.message, /fixtures\/cjs-dep\.cjs/)
        assert.match(error.message, /index\.mjs/)
        assert.match(error.message, /lazyOnly 'cjs-dep'/)
        return true
      },
    )
    await assert.rejects(
      bundleApp({
        entry: lazyEntry,
        outdir: join(dir, 'inline-only'),
        splitting: false,
        lazyOnly: ['cjs-dep'],
      }),
      /cjs-dep\.cjs/,
    )
  })

  test('a missing entry rejects with esbuild’s message', async () => {
    await assert.rejects(
      bundleApp({ entry: join(dir, 'nope.ts'), outdir: join(dir, 'dist2') }),
      /nope\.ts/,
    )
  })
})

test('checkLazyOnly: an entry output missing from the metafile is an error, not a pass', () => {
  const metafile = { inputs: {}, outputs: {} }
  assert.throws(
    () => checkLazyOnly(metafile, 'dist/index.mjs', ['@aws-sdk']),
    /dist\/index\.mjs is not an output/,
  )
})
