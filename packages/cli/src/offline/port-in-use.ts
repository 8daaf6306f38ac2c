/**
 * Whether something already listens on a loopback port. The bridge asks before it starts
 * anything: s3rver 3.7 does not reject on a taken port but emits an unhandled 'error' that ends
 * the process with a stack trace, and osls takes seconds to start before the front would notice.
 */
import { createServer } from 'node:net'

/**
 * @example
 * if (await portInUse(3000)) throw new Error('port 3000 is already in use (pass --port <n>)')
 */
export function portInUse(port: number): Promise<boolean> {
  if (port === 0) return Promise.resolve(false)
  return new Promise((resolve) => {
    const probe = createServer()
    probe.once('error', () => resolve(true))
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(false)))
  })
}
