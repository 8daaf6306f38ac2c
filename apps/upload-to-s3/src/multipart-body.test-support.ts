/** One part of a hand-built multipart/form-data body. */
export interface Part {
  name: string
  filename?: string
  contentType?: string
  bytes: Buffer | string
}

/**
 * Builds a multipart/form-data body byte by byte (RFC 7578), so tests control every byte a
 * browser or curl would send.
 */
export function multipartBody(
  parts: Part[],
  boundary = '----albkitBoundary7MA4YWxkTrZu0gW',
): { body: Buffer; contentType: string } {
  const chunks: Buffer[] = []
  for (const part of parts) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`
    if (part.filename !== undefined) head += `; filename="${part.filename}"`
    head += '\r\n'
    if (part.contentType !== undefined) head += `Content-Type: ${part.contentType}\r\n`
    chunks.push(Buffer.from(`${head}\r\n`, 'utf8'), Buffer.from(part.bytes), Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}
