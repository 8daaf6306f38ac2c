import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import {
  ConfigError,
  DEFAULT_ALLOWED_TYPES,
  DEFAULT_MAX_PRESIGN_BYTES,
  DEFAULT_MAX_UPLOAD_BYTES,
  loadConfig,
} from './config.js'

describe('loadConfig', () => {
  test('defaults with only BUCKET_NAME set', () => {
    const config = loadConfig({ BUCKET_NAME: 'my-bucket' })
    assert.deepEqual(config, {
      bucket: 'my-bucket',
      prefix: 'uploads',
      maxUploadBytes: DEFAULT_MAX_UPLOAD_BYTES,
      maxPresignBytes: DEFAULT_MAX_PRESIGN_BYTES,
      maxFiles: 10,
      presignExpiresSeconds: 300,
      allowedTypes: DEFAULT_ALLOWED_TYPES,
    })
    assert.equal(DEFAULT_MAX_UPLOAD_BYTES, 700_000)
  })

  test('reads every variable', () => {
    const config = loadConfig({
      BUCKET_NAME: ' b ',
      UPLOAD_PREFIX: '/in/box/',
      MAX_UPLOAD_BYTES: '1000',
      MAX_PRESIGN_BYTES: '5000000',
      MAX_FILES: '3',
      PRESIGN_EXPIRES_SECONDS: '60',
      ALLOWED_TYPES: 'Image/PNG, image/*,text/plain',
    })
    assert.equal(config.bucket, 'b')
    assert.equal(config.prefix, 'in/box')
    assert.equal(config.maxUploadBytes, 1000)
    assert.equal(config.maxPresignBytes, 5_000_000)
    assert.equal(config.maxFiles, 3)
    assert.equal(config.presignExpiresSeconds, 60)
    assert.deepEqual(config.allowedTypes, ['image/png', 'image/*', 'text/plain'])
  })

  test('a missing bucket is a clear start-up error', () => {
    assert.throws(
      () => loadConfig({}),
      (e: unknown) => e instanceof ConfigError && /BUCKET_NAME is required/.test(e.message),
    )
  })

  for (const [name, value, pattern] of [
    ['MAX_UPLOAD_BYTES', 'abc', /MAX_UPLOAD_BYTES must be an integer from 1 to 1000000, got "abc"/],
    ['MAX_UPLOAD_BYTES', '2000000', /MAX_UPLOAD_BYTES/],
    ['MAX_UPLOAD_BYTES', '0', /MAX_UPLOAD_BYTES/],
    ['MAX_UPLOAD_BYTES', '1.5', /MAX_UPLOAD_BYTES/],
    ['MAX_PRESIGN_BYTES', '-1', /MAX_PRESIGN_BYTES/],
    ['MAX_FILES', '1000', /MAX_FILES/],
    ['PRESIGN_EXPIRES_SECONDS', '86400', /PRESIGN_EXPIRES_SECONDS/],
    ['UPLOAD_PREFIX', 'a/../b', /UPLOAD_PREFIX/],
    ['UPLOAD_PREFIX', 'sp ace', /UPLOAD_PREFIX/],
    ['UPLOAD_PREFIX', '///', /UPLOAD_PREFIX/],
    ['ALLOWED_TYPES', 'png', /ALLOWED_TYPES/],
    ['ALLOWED_TYPES', ' , ', /ALLOWED_TYPES/],
  ] as const) {
    test(`rejects ${name}=${JSON.stringify(value)}`, () => {
      assert.throws(
        () => loadConfig({ BUCKET_NAME: 'b', [name]: value }),
        (e: unknown) => e instanceof ConfigError && pattern.test(e.message),
      )
    })
  }

  test('names every problem at once', () => {
    assert.throws(
      () => loadConfig({ MAX_FILES: 'x', ALLOWED_TYPES: 'nope' }),
      (e: unknown) =>
        e instanceof Error &&
        /BUCKET_NAME/.test(e.message) &&
        /MAX_FILES/.test(e.message) &&
        /ALLOWED_TYPES/.test(e.message),
    )
  })
})
