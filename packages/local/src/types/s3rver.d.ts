// The part of @20minutes/s3rver's API (a CommonJS package without types) that @albkit/local uses.
declare module '@20minutes/s3rver' {
  import type { Server } from 'node:http'
  import type { AddressInfo } from 'node:net'

  interface S3rverOptions {
    address?: string
    port?: number
    directory?: string
    silent?: boolean
    resetOnClose?: boolean
    allowMismatchedSignatures?: boolean
    configureBuckets?: Array<{ name: string; configs: Array<string | Buffer> }>
  }
  class S3rver {
    constructor(options: S3rverOptions)
    /** set once `run()` has resolved */
    httpServer?: Server
    run(): Promise<AddressInfo | string | null>
    close(): Promise<void>
  }
  export default S3rver
}
