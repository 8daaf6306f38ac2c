// An instance thread's heap limits: the old generation follows the function's MemorySize, the
// young generation has a fixed small cap so steady traffic does not grow every thread's RSS.
import assert from 'node:assert/strict'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test } from 'node:test'
import { startThread, YOUNG_GENERATION_MB } from './instance-link.js'

test('an instance thread gets the function memory as old-generation cap and a small young generation', async () => {
  const file = join(mkdtempSync(join(tmpdir(), 'albkit-link-')), 'idle.mjs')
  writeFileSync(file, '')
  const worker = startThread({
    workerFile: file,
    workerData: {},
    env: {},
    heapMb: 256,
    onOutput: () => {},
  })
  try {
    assert.equal(worker.resourceLimits?.maxOldGenerationSizeMb, 256)
    assert.equal(worker.resourceLimits?.maxYoungGenerationSizeMb, YOUNG_GENERATION_MB)
  } finally {
    await worker.terminate()
  }
})
