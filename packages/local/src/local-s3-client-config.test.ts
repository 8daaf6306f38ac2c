import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { localS3ClientConfig, localS3Environment } from './local-s3-client-config.js'

test('localS3ClientConfig: path style, the s3rver credentials, checksums only when required', () => {
  const config: S3ClientConfig = localS3ClientConfig('http://127.0.0.1:4569')
  assert.deepEqual(config, {
    endpoint: 'http://127.0.0.1:4569',
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  })
})

test('localS3Environment: the same settings as the variables the SDK reads', () => {
  assert.deepEqual(localS3Environment('http://127.0.0.1:4569'), {
    AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:4569',
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: 'us-east-1',
    AWS_S3_FORCE_PATH_STYLE: 'true',
    AWS_REQUEST_CHECKSUM_CALCULATION: 'WHEN_REQUIRED',
    AWS_RESPONSE_CHECKSUM_VALIDATION: 'WHEN_REQUIRED',
  })
})
