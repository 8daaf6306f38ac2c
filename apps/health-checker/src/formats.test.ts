import assert from 'node:assert/strict'
import { test } from 'node:test'
import { parseRequest } from '@albkit/core'
import { albEvent } from '@albkit/core/testing'
import { pickFormat } from '@albkit/middy'
import { REPORT_FORMATS } from './health-page.js'

/** The page's negotiation: middy's pickFormat over REPORT_FORMATS, JSON when nothing matches. */
function reportFormat(format: string | undefined, accept: string | undefined) {
  const event = albEvent({
    path: '/health',
    ...(accept === undefined ? {} : { headers: { accept } }),
    ...(format === undefined ? {} : { query: `format=${encodeURIComponent(format)}` }),
  })
  return pickFormat(parseRequest(event), REPORT_FORMATS, { fallback: 'json' })
}

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
