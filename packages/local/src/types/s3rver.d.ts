// The part of s3rver's API (a CommonJS package without types) that @albkit/local uses.
declare module 's3rver' {
  import type { AddressInfo } from 'node:net'

  interface S3rverOptions {
    address?: string
    port?: number
    directory?: string
    silent?: boolean
    resetOnClose?: boolean
    configureBuckets?: Array<{ name: string; configs: Array<string | Buffer> }>
  }
  class S3rver {
    constructor(options: S3rverOptions)
    run(): Promise<AddressInfo | string | null>
    close(): Promise<void>
  }
  export default S3rver
}
