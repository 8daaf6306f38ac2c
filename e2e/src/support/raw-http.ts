/**
 * Raw-socket HTTP for hostile input: writes exactly the bytes given (optionally slowly), then
 * reads until the server closes, the response is complete, or a bound is reached.
 */
import { connect } from 'node:net'

export interface RawAnswer {
  /** status of the first response, if one came */
  status: number | undefined
  /** everything the server sent */
  bytes: Buffer
  /** the server closed (or reset) the connection */
  closed: boolean
  /** our bound was reached first */
  timedOut: boolean
}

export interface RawOptions {
  /** pause between parts (slow clients) */
  delayMs?: number
  /** close our side right after writing (a client that goes away early) */
  abortAfterWrite?: boolean
  /** upper bound for the whole exchange; default 5000 */
  timeoutMs?: number
}

/** True once `bytes` hold one whole response (headers + Content-Length body). */
function complete(bytes: Buffer): boolean {
  const end = bytes.indexOf('\r\n\r\n')
  if (end === -1) return false
  const head = bytes.subarray(0, end).toString('latin1')
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)
  return length !== null && bytes.length >= end + 4 + Number(length[1])
}

/**
 * @example
 * const answer = await rawRequest(port, ['GARBAGE\r\n\r\n'])
 * answer.status // 400
 */
export function rawRequest(
  port: number,
  parts: Array<string | Buffer>,
  options: RawOptions = {},
): Promise<RawAnswer> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    let closed = false
    let settled = false
    const finish = (timedOut: boolean) => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      socket.destroy()
      const bytes = Buffer.concat(chunks)
      const status = /^HTTP\/1\.[01] (\d{3})/.exec(bytes.subarray(0, 20).toString('latin1'))
      resolve({ status: status ? Number(status[1]) : undefined, bytes, closed, timedOut })
    }
    const timer = setTimeout(() => finish(true), options.timeoutMs ?? 5000)
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      if (complete(Buffer.concat(chunks))) finish(false)
    })
    socket.on('error', () => {
      closed = true
    })
    socket.on('close', () => {
      closed = true
      finish(false)
    })
    socket.on('connect', async () => {
      for (const part of parts) {
        if (socket.destroyed) return
        socket.write(part)
        if (options.delayMs !== undefined) await new Promise((r) => setTimeout(r, options.delayMs))
      }
      if (options.abortAfterWrite === true) {
        closed = true
        finish(false)
      }
    })
  })
}

/** A 4xx answer (or one of `alsoRefusal`), or the connection closed without a 2xx/3xx/5xx. */
export function refusedOrClosed(answer: RawAnswer, alsoRefusal: readonly number[] = []): boolean {
  if (answer.status !== undefined)
    return (answer.status >= 400 && answer.status < 500) || alsoRefusal.includes(answer.status)
  return answer.closed && !answer.timedOut
}
