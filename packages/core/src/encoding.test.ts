import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  albEncodesRequestBody,
  isJsonContentType,
  isTextContentType,
  mediaType,
} from './encoding.js'

describe('isTextContentType', () => {
  for (const t of [
    'text/plain',
    'TEXT/HTML; charset=utf-8',
    'text/csv',
    'application/json',
    'Application/JSON;charset=UTF-8',
    'application/javascript',
    'application/xml',
    'application/problem+json',
    'image/svg+xml',
    ' application/ld+json ',
  ]) {
    test(`${t} is text`, () => assert.equal(isTextContentType(t), true))
  }
  for (const t of [
    undefined,
    '',
    'application/octet-stream',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded',
    'image/png',
    'application/pdf',
    'application/zip',
    'application/jsonp',
    'application/json-seq',
  ]) {
    test(`${String(t)} is binary`, () => assert.equal(isTextContentType(t), false))
  }
})

describe('albEncodesRequestBody (the ALB body-encoding rule)', () => {
  test('text types arrive as-is', () => {
    assert.equal(albEncodesRequestBody('application/json', undefined), false)
    assert.equal(albEncodesRequestBody('text/plain; charset=utf-8', undefined), false)
  })
  test('every other type is base64, including forms and multipart', () => {
    assert.equal(albEncodesRequestBody('application/x-www-form-urlencoded', undefined), true)
    assert.equal(albEncodesRequestBody('multipart/form-data; boundary=b', undefined), true)
    assert.equal(albEncodesRequestBody('application/octet-stream', undefined), true)
  })
  test('a missing content type counts as binary', () =>
    assert.equal(albEncodesRequestBody(undefined, undefined), true))
  test('any Content-Encoding forces base64, even for text', () => {
    assert.equal(albEncodesRequestBody('application/json', 'gzip'), true)
    assert.equal(albEncodesRequestBody('text/plain', 'identity'), true)
  })
  test('an empty Content-Encoding is ignored', () =>
    assert.equal(albEncodesRequestBody('text/plain', ' '), false))
})

test('mediaType strips parameters and lower-cases', () => {
  assert.equal(mediaType('Text/HTML ; charset=x'), 'text/html')
  assert.equal(mediaType(undefined), '')
})

test('isJsonContentType', () => {
  assert.equal(isJsonContentType('application/json; charset=utf-8'), true)
  assert.equal(isJsonContentType('application/vnd.api+json'), true)
  assert.equal(isJsonContentType('text/json'), false)
  assert.equal(isJsonContentType(undefined), false)
})
