/**
 * `os.homedir()` in a worker thread reads the process's real HOME (libuv asks the OS), not the
 * thread's `env`: a function would still see the developer's home directory (issue 14,
 * finding 4). Point it, and `os.userInfo().homedir`, at the thread's own HOME.
 */
import { syncBuiltinESMExports } from 'node:module'
import os from 'node:os'

/**
 * Call first thing in an instance thread.
 * @example
 * useThreadHome() // os.homedir() === process.env.HOME from now on, in this thread only
 */
export function useThreadHome(): void {
  const home = process.env.HOME
  if (home === undefined) return
  const userInfo = os.userInfo
  os.homedir = () => home
  os.userInfo = ((options?: { encoding: BufferEncoding }) => ({
    ...userInfo(options),
    homedir: home,
  })) as typeof os.userInfo
  // named imports (`import { homedir } from 'node:os'`) see the change too
  syncBuiltinESMExports()
}
