/**
 * The AWS SDK parts this app uses, in one module that s3-client.ts loads with `import()` on the
 * first S3 call: the build puts it (and the SDK) in its own chunk under dist/chunks/, so health
 * checks and the form page never read it. Named imports only (no aggregated `S3` class), so the
 * bundle holds just the PutObject command.
 *
 * @example
 * const { S3Client, PutObjectCommand, createPresignedPost } = await import('./s3-sdk.js')
 */
export { PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
export { createPresignedPost } from '@aws-sdk/s3-presigned-post'
