import { loadConfig } from './config.js'
import { createHandler } from './create-handler.js'
import { createS3Client, s3ObjectStore, s3PresignPost } from './s3-client.js'

// Read once per cold start: a bad variable fails the start with a message naming it.
const config = loadConfig(process.env)
const client = createS3Client(process.env)

/** The function the ALB invokes (`index.handler`). */
export const handler = createHandler({
  config,
  store: s3ObjectStore(client),
  presignPost: s3PresignPost(client),
})
