import assert from 'node:assert/strict'
import { test } from 'node:test'
import { reportFormat } from './negotiate.js'

test('?format wins over Accept; bad values are a 400', () => {
  assert.equal(reportFormat('html', 'application/json'), 'html')
  assert.equal(reportFormat('json', 'text/html'), 'json')
  assert.throws(
    () => reportFormat('xml', undefined),
    (e: Error & { statusCode?: number }) => e.statusCode === 400,
  )
})

test('Accept: browsers get HTML, curl and API clients JSON', () => {
  const browser = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8'
  assert.equal(reportFormat(undefined, browser), 'html')
  assert.equal(reportFormat(undefined, '*/*'), 'json')
  assert.equal(reportFormat(undefined, undefined), 'json')
  assert.equal(reportFormat(undefined, 'application/json'), 'json')
  assert.equal(reportFormat(undefined, 'text/*'), 'html')
  assert.equal(reportFormat(undefined, 'text/html;q=0.5, application/json'), 'json')
  assert.equal(reportFormat(undefined, 'text/html;q=0, */*'), 'json')
  assert.equal(reportFormat(undefined, 'TEXT/HTML'), 'html')
})
