import { loadConfig } from './config.js'
import { createHandler } from './create-handler.js'
import { s3Backend } from './s3-client.js'

// Read once per cold start: a bad variable fails the start with a message naming it.
const config = loadConfig(process.env)

/** The function the ALB invokes (`index.handler`). */
export const handler = createHandler({ config, ...s3Backend(process.env) })
