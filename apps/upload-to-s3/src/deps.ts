import type { UploadConfig } from './config.js'
import type { PresignPost } from './presign.js'
import type { ObjectStore } from './store-files.js'

/** Everything the routes need from outside: settings, clients, clock, log. */
export interface AppDeps {
  config: UploadConfig
  store: ObjectStore
  presignPost: PresignPost
  now?: () => Date
  /** One JSON line per S3 failure (the client only sees a safe summary). */
  log?: (line: string) => void
}
