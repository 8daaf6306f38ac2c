// The functions' own output: with quiet, one file (<logDir>/functions.log), each line prefixed
// with the function name and the request id; without quiet, printed.
import assert from 'node:assert/strict'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { test } from 'node:test'
import { send } from '@albkit/core/testing'
import { FLUSH_INTERVAL_MS, LogSink } from './log-sink.js'
import { startFixture } from './test-support.js'
import { prefixLines } from './worker-output.js'

test('quiet: function stdout/stderr lines go to functions.log with function name and request id', async () => {
  const alb = await startFixture([{ paths: ['/log'], handler: 'logs' }])
  try {
    const res = await send(`${alb.url}/log`)
    assert.equal(res.status, 200)
    const { requestId } = JSON.parse(res.body.toString()) as { requestId: string }
    let lines: string[] = []
    for (let i = 0; i < 40 && lines.length < 4; i++) {
      await new Promise((r) => setTimeout(r, 2 * FLUSH_INTERVAL_MS))
      try {
        lines = readFileSync(alb.functionsLogFile, 'utf8').split('\n').filter(Boolean)
      } catch {
        lines = []
      }
    }
    const prefix = `fx-0-logs ${requestId} `
    assert.deepEqual(lines.filter((l) => l.startsWith(prefix)).sort(), [
      `${prefix}an error line`,
      `${prefix}hello from fx-0-logs`,
      `${prefix}lines`,
      `${prefix}two`,
    ])
  } finally {
    await alb.close()
  }
})

test('prefixLines prefixes each line, across partial writes and Buffers', () => {
  const stream = new PassThrough()
  let id = 'r1'
  prefixLines(stream, () => id)
  stream.write('a\nb')
  stream.write('c\n')
  id = 'r2'
  stream.write(Buffer.from('d\n\ne\n'))
  stream.end()
  assert.equal(String(stream.read()), 'r1 a\nr1 bc\nr2 d\nr2 \nr2 e\n')
})

test('without quiet, function lines are printed (stderr lines on stderr)', () => {
  const sink = new LogSink(mkdtempSync(join(tmpdir(), 'albkit-logs-')), false)
  const out: string[] = []
  const err: string[] = []
  const { write: ow } = process.stdout
  const { write: ew } = process.stderr
  process.stdout.write = ((c: string) => out.push(c) > 0) as typeof process.stdout.write
  process.stderr.write = ((c: string) => err.push(c) > 0) as typeof process.stderr.write
  try {
    sink.functionLine('fn r1 to stdout', 'stdout')
    sink.functionLine('fn r1 to stderr', 'stderr')
    sink.flush()
  } finally {
    process.stdout.write = ow
    process.stderr.write = ew
    void sink.close()
  }
  assert.deepEqual(out, ['fn r1 to stdout\n'])
  assert.deepEqual(err, ['fn r1 to stderr\n'])
})
