/**
 * Batched line output: the access-log file and the console get one write per event-loop turn
 * instead of one per request, which keeps logging off the hot path.
 */
import { createWriteStream, mkdirSync, type WriteStream } from 'node:fs'
import { join } from 'node:path'

export class LineBuffer {
  private lines: string[] = []
  private scheduled = false

  constructor(private readonly write: (chunk: string) => void) {}

  push(line: string): void {
    this.lines.push(line)
    if (!this.scheduled) {
      this.scheduled = true
      setImmediate(() => this.flush())
    }
  }

  flush(): void {
    this.scheduled = false
    if (this.lines.length === 0) return
    const chunk = `${this.lines.join('\n')}\n`
    this.lines = []
    this.write(chunk)
  }
}

/** The access-log file (`<dir>/access.log`, appended) and the readable console lines. */
export class LogSink {
  readonly accessLogFile: string
  private readonly stream: WriteStream
  private readonly access: LineBuffer
  private readonly console: LineBuffer

  constructor(dir: string, quiet: boolean) {
    mkdirSync(dir, { recursive: true })
    this.accessLogFile = join(dir, 'access.log')
    this.stream = createWriteStream(this.accessLogFile, { flags: 'a' })
    this.access = new LineBuffer((chunk) => this.stream.write(chunk))
    this.console = new LineBuffer(quiet ? () => {} : (chunk) => process.stdout.write(chunk))
  }

  accessLine(line: string): void {
    this.access.push(line)
  }

  info(line: string): void {
    this.console.push(line)
  }

  /** Flush everything and close the file. */
  async close(): Promise<void> {
    this.access.flush()
    this.console.flush()
    await new Promise<void>((resolve) => this.stream.end(resolve))
  }
}
