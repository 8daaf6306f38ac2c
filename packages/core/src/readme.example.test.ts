// The code blocks of README.md: each must be, character for character, a block of this file
// between `// README: <name>` and `// README: end` — code the type-checker sees and this test runs.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
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

function testingExample(pngBytes: Uint8Array): AlbEvent {
  // README: testing
  const event = albEvent({
    mode: 'multi',
    method: 'POST',
    path: '/upload',
    query: 'tag=a&tag=b',
    headers: { 'content-type': 'image/png' },
    body: pngBytes,
    sourceIp: '198.51.100.4',
  })
  // README: end
  return event
}

const own = readFileSync(new URL(import.meta.url), 'utf8')
const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

/** The ```ts blocks of README.md, without their import lines. */
function readmeBlocks(): string[] {
  const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1] as string)
  return blocks.map((b) =>
    b.replace(/^import[\s\S]*?from '@albkit\/core(\/testing)?'\n/gm, '').trim(),
  )
}

/** The code of this file between `// README: <name>` and `// README: end`, de-indented. */
function ownBlock(name: string): string {
  const start = own.indexOf(`// README: ${name}\n`)
  assert.ok(start !== -1, `no block ${name}`)
  const body = own.slice(
    start + `// README: ${name}\n`.length,
    own.indexOf('// README: end', start),
  )
  const indent = /^ */.exec(body)?.[0].length ?? 0
  return body
    .split('\n')
    .map((l) => l.slice(indent))
    .join('\n')
    .trim()
}

test('every ts block of README.md is code of this file', () => {
  assert.deepEqual(readmeBlocks(), [ownBlock('handler'), ownBlock('testing')])
})

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

test('README testing example builds a multi-value upload event with base64 bytes', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47])
  const event = testingExample(png)
  assert.ok('multiValueHeaders' in event)
  assert.deepEqual(event.multiValueQueryStringParameters, { tag: ['a', 'b'] })
  assert.equal(event.isBase64Encoded, true)
  assert.equal(event.body, Buffer.from(png).toString('base64'))
})
