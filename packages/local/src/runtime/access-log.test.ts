import assert from 'node:assert/strict'
import { test } from 'node:test'
import { formatAccessLog } from './access-log.js'

test('access-log fields are quoted and escaped; missing ones are -', () => {
  const line = formatAccessLog({
    received: Date.UTC(2026, 0, 2, 3, 4, 5, 6),
    finished: Date.UTC(2026, 0, 2, 3, 4, 5, 78),
    elbName: 'app/x/0',
    clientIp: '127.0.0.1',
    clientPort: 5000,
    requestProcessingMs: 0,
    targetProcessingMs: 12,
    responseProcessingMs: 1,
    elbStatusCode: 502,
    targetStatusCode: undefined,
    receivedBytes: 10,
    sentBytes: 20,
    method: 'GET',
    url: 'http://h/p',
    httpVersion: 'HTTP/1.1',
    userAgent: 'a "quoted"\nagent\\',
    targetGroupArn: undefined,
    traceId: undefined,
    domain: 'h',
    matchedRulePriority: 'default',
    actions: ['forward'],
    redirectUrl: undefined,
    errorReason: 'LambdaUnhandled',
  })
  assert.equal(
    line,
    'http 2026-01-02T03:04:05.078000Z app/x/0 127.0.0.1:5000 - 0.000 0.012 0.001 502 - 10 20 "GET http://h/p HTTP/1.1" "a \\"quoted\\"\\x0aagent\\\\" - - - "-" "h" "-" 0 2026-01-02T03:04:05.006000Z "forward" "-" "LambdaUnhandled" "-" "-" "-" "-" -',
  )
})
