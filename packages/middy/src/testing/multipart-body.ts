/** One part of a hand-built multipart/form-data body: a field (`value`) or a file (`bytes`). */
export type Part =
  | { name: string; value: string }
  | { name: string; filename?: string; contentType?: string; bytes: Uint8Array | string }

/**
 * Builds multipart/form-data bytes (RFC 7578) exactly, so tests control every byte a browser or
 * curl would send. A file part without `filename` or `contentType` omits that header.
 *
 * @example
 * const { body, contentType } = multipartBody([{ name: 'file', filename: 'a.png', contentType: 'image/png', bytes }])
 * albEvent({ method: 'POST', path: '/upload', headers: { 'content-type': contentType }, body })
 */
export function multipartBody(
  parts: Part[],
  boundary = 'albkit-boundary-7MA4YWxkTrZu0gW',
): {
  body: Buffer
  contentType: string
} {
  const chunks: Buffer[] = []
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`
    if ('bytes' in part) {
      if (part.filename !== undefined) head += `; filename="${part.filename}"`
      if (part.contentType !== undefined) head += `\r\nContent-Type: ${part.contentType}`
    }
    chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'))
    chunks.push('bytes' in part ? Buffer.from(part.bytes) : Buffer.from(part.value, 'utf8'))
    chunks.push(Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}
