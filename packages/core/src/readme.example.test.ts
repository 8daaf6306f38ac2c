// The code shown in README.md, type-checked and run as a test.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import {
  AlbError,
  type AlbEvent,
  type AlbResult,
  errorResponse,
  eventMode,
  json,
  parseRequest,
  toAlbResult,
} from './index.js'
import { albEvent } from './testing/index.js'

// README: handler
export async function handler(event: AlbEvent): Promise<AlbResult> {
  const mode = eventMode(event)
  const req = parseRequest(event)
  try {
    if (req.method !== 'POST') throw new AlbError(405, 'Use POST', { headers: { Allow: 'POST' } })
    const { name } = req.json<{ name: string }>()
    return toAlbResult(json({ hello: name, ip: req.clientIp }), {
      mode,
      acceptEncoding: req.acceptEncoding,
      compress: true,
    })
  } catch (error) {
    return toAlbResult(errorResponse(error, { traceId: req.trace.root }), { mode })
  }
}
// README: end

test('README handler works in both modes', async () => {
  for (const mode of ['single', 'multi'] as const) {
    const ok = await handler(
      albEvent({
        mode,
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"name":"Ada"}',
        sourceIp: '198.51.100.4',
      }),
    )
    assert.equal(ok.statusCode, 200)
    assert.deepEqual(JSON.parse(ok.body), { hello: 'Ada', ip: '198.51.100.4' })
    const bad = await handler(albEvent({ mode, method: 'GET' }))
    assert.equal(bad.statusDescription, '405 Method Not Allowed')
    assert.equal(JSON.parse(bad.body).error, 'Use POST')
  }
})
