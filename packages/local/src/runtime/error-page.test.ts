import assert from 'node:assert/strict'
import { test } from 'node:test'
import { errorPageBody, rawErrorResponse } from './error-page.js'

test('the error page matches the ALB page', () => {
  assert.equal(
    errorPageBody(502).trim(),
    '<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center></body></html>',
  )
  assert.match(rawErrorResponse(400), /^HTTP\/1\.1 400 Bad Request\r\nServer: awselb\/2\.0\r\n/)
})
