/**
 * Inside an instance thread: prefix every line the function writes to stdout/stderr with the
 * running invocation's request id (`-` outside one, e.g. during init), as Lambda's log lines
 * carry it. The listener side adds the function name and sends the line to the console or to
 * `<logDir>/functions.log` (log-sink.ts).
 */
import type { Writable } from 'node:stream'

type Write = Writable['write']

/**
 * Wrap a stream's `write` so that each line starts with `prefix()` and a space.
 * @example
 * prefixLines(process.stdout, () => currentRequestId ?? '-')
 */
export function prefixLines(stream: Writable, prefix: () => string): void {
  const write = stream.write.bind(stream) as (chunk: string, ...rest: unknown[]) => boolean
  let atLineStart = true
  const prefixed = (chunk: unknown, ...rest: unknown[]): boolean => {
    const encoding = typeof rest[0] === 'string' ? (rest[0] as BufferEncoding) : undefined
    const text =
      typeof chunk === 'string'
        ? encoding === undefined || /^utf-?8$/i.test(encoding)
          ? chunk
          : Buffer.from(chunk, encoding).toString('utf8')
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk).toString('utf8')
          : String(chunk)
    if (text === '') return write(text, ...rest)
    const head = `${prefix()} `
    let out = atLineStart ? head + text : text
    const last = out.length - 1
    // a prefix after every newline that is not the chunk's last character
    out = out.slice(0, last).replaceAll('\n', `\n${head}`) + out.slice(last)
    atLineStart = text.endsWith('\n')
    // the encoding argument described a Buffer chunk; the text is UTF-8 now
    return write(out, ...(encoding === undefined ? rest : rest.slice(1)))
  }
  stream.write = prefixed as Write
}
