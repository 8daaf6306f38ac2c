/**
 * Batched line output: the access-log file and the console get one write every
 * FLUSH_INTERVAL_MS instead of one per request. Writes are synchronous appends of a whole batch:
 * no thread-pool round trip per request, which matters when every core is busy.
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs'
import type { IncomingMessage } from 'node:http'
import { join } from 'node:path'
import type { AccessLogEntry } from './access-log.js'
import type { Exchange } from './exchange.js'

/** How often buffered lines are written. */
export const FLUSH_INTERVAL_MS = 50

/**
 * The access-log file (`<dir>/access.log`, appended), the readable console lines, and the
 * functions' own output: printed, or with `quiet` appended to `<dir>/functions.log`.
 */
export class LogSink {
  readonly accessLogFile: string
  readonly functionsLogFile: string
  /** false when console lines are not wanted (callers skip building them) */
  readonly verbose: boolean
  /** called with every finished exchange when the local console captures them (start.ts) */
  exchanges?: (exchange: Exchange) => void
  /** called with a request refused without an Exchange (a WebSocket upgrade), for the console */
  refused?: (req: IncomingMessage, entry: AccessLogEntry) => void
  private fd: number | undefined
  private access: string[] = []
  private console: string[] = []
  private consoleErr: string[] = []
  private functions: string[] = []
  private functionsFd: number | undefined
  private readonly timer: NodeJS.Timeout

  constructor(dir: string, quiet: boolean) {
    mkdirSync(dir, { recursive: true })
    this.accessLogFile = join(dir, 'access.log')
    this.functionsLogFile = join(dir, 'functions.log')
    this.fd = openSync(this.accessLogFile, 'a')
    this.verbose = !quiet
    this.timer = setInterval(() => this.flush(), FLUSH_INTERVAL_MS)
    this.timer.unref()
  }

  accessLine(line: string): void {
    this.access.push(line)
  }

  info(line: string): void {
    if (this.verbose) this.console.push(line)
  }

  /** A line a function wrote (`<function> <request id> <text>`). */
  functionLine(line: string, stream: 'stdout' | 'stderr'): void {
    if (!this.verbose) this.functions.push(line)
    else if (stream === 'stderr') this.consoleErr.push(line)
    else this.console.push(line)
  }

  /** Write what is buffered now. */
  flush(): void {
    if (this.access.length > 0 && this.fd !== undefined) {
      const chunk = `${this.access.join('\n')}\n`
      this.access = []
      writeSync(this.fd, chunk)
    }
    if (this.functions.length > 0 && this.fd !== undefined) {
      const chunk = `${this.functions.join('\n')}\n`
      this.functions = []
      this.functionsFd ??= openSync(this.functionsLogFile, 'a')
      writeSync(this.functionsFd, chunk)
    }
    if (this.consoleErr.length > 0) {
      const chunk = `${this.consoleErr.join('\n')}\n`
      this.consoleErr = []
      process.stderr.write(chunk)
    }
    if (this.console.length > 0) {
      const chunk = `${this.console.join('\n')}\n`
      this.console = []
      process.stdout.write(chunk)
    }
  }

  /** Flush everything and close the file. */
  async close(): Promise<void> {
    clearInterval(this.timer)
    this.flush()
    if (this.fd !== undefined) closeSync(this.fd)
    if (this.functionsFd !== undefined) closeSync(this.functionsFd)
    this.fd = undefined
    this.functionsFd = undefined
  }
}
