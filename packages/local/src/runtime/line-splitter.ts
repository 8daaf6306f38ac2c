/** Splits a byte stream into lines (a trailing partial line waits for its newline or the end). */
import type { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'

/**
 * Call `onLine` for each complete line of `stream` (without the newline), and for the last
 * partial line when the stream ends.
 * @example
 * eachLine(worker.stdout, (line) => console.log(`[fn] ${line}`))
 */
export function eachLine(stream: Readable, onLine: (line: string) => void): void {
  const decoder = new StringDecoder('utf8')
  let pending = ''
  stream.on('data', (chunk: Buffer) => {
    const text = pending + decoder.write(chunk)
    const lines = text.split('\n')
    pending = lines.pop() ?? ''
    for (const line of lines) onLine(line)
  })
  stream.on('end', () => {
    const rest = pending + decoder.end()
    pending = ''
    if (rest !== '') onLine(rest)
  })
}
