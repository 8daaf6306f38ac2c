/** What the load balancer and the embedded S3's process (s3-process.ts) tell each other. */

/** The S3 process's argument (JSON). */
export interface S3ProcessOptions {
  host: string
  port: number
  dir: string
  buckets: string[]
}

/** From the S3 process to its parent. */
export type S3ProcessMessage =
  | { type: 'listening'; port: number }
  | { type: 'failed'; code?: string; message: string }
