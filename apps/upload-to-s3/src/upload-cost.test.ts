// Issue 14's rule, on the whole request: an unauthenticated request never costs more than 10× a
// normal request's CPU. The review's attack — ten files whose names make a trailing-dot regex
// backtrack (`a` + `._`×8000 + `a`: 16,002 characters, what busboy's 16 KB part-header limit
// lets through) — cost ~1 s of CPU per request before object-key.ts bounded and linearised its
// passes; a normal ten-file upload costs ~1.3 ms on the same machine.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { AlbResult } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import type { AlbContext } from '@albkit/middy'
import { multipartBody } from '@albkit/middy/testing'
import { createHandler } from './create-handler.js'
import { FakeStore, SAMPLES, testConfig } from './test-fixtures.js'

const handler = createHandler({
  config: testConfig,
  store: new FakeStore(),
  presignPost: async () => ({ url: '', fields: {} }),
  log: () => {},
})
const context = () => ({ awsRequestId: 'r', functionName: 'upload-to-s3' }) as AlbContext

const upload = (names: string[]) => {
  const parts = names.map((filename, i) => ({
    name: `f${i}`,
    filename,
    contentType: 'image/png',
    bytes: SAMPLES.png,
  }))
  const { body, contentType } = multipartBody(parts)
  return albEvent({
    method: 'POST',
    path: '/upload',
    headers: { 'content-type': contentType, accept: 'application/json' },
    body,
  })
}

/** CPU milliseconds per request (user + system), over `runs` requests after one warm-up. */
async function cpuPerRequest(event: ReturnType<typeof upload>, runs: number): Promise<number> {
  const answer = (await handler(event, context())) as AlbResult
  assert.equal(answer.statusCode, 201, answer.body)
  const start = process.cpuUsage()
  for (let i = 0; i < runs; i++) await handler(event, context())
  const used = process.cpuUsage(start)
  return (used.user + used.system) / 1000 / runs
}

test('ten hostile file names cost at most 10× a normal ten-file upload', async () => {
  const normal = await cpuPerRequest(
    upload(Array.from({ length: 10 }, (_, i) => `photo-${i}.png`)),
    40,
  )
  const hostile = await cpuPerRequest(upload(Array(10).fill(`a${'._'.repeat(8000)}a`)), 3)
  assert.ok(
    hostile <= 10 * Math.max(normal, 0.5),
    `hostile ${hostile.toFixed(2)} ms vs normal ${normal.toFixed(2)} ms per request`,
  )
})
