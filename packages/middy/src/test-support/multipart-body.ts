/** One part of a hand-built multipart/form-data body. */
export type Part =
  | { name: string; value: string }
  | { name: string; filename: string; contentType: string; bytes: Uint8Array }

/** Builds multipart/form-data bytes (RFC 7578) exactly, for tests. */
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
    if ('filename' in part) {
      head += `; filename="${part.filename}"\r\nContent-Type: ${part.contentType}`
    }
    chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'))
    chunks.push('filename' in part ? Buffer.from(part.bytes) : Buffer.from(part.value, 'utf8'))
    chunks.push(Buffer.from('\r\n'))
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`))
  return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` }
}

/** Every byte value 0–255, twice, plus a fake boundary line inside the data. */
export function allBytes(): Uint8Array {
  const out = new Uint8Array(512 + 8)
  for (let i = 0; i < 512; i++) out[i] = i % 256
  out.set(Buffer.from('\r\n--x\r\n'), 512)
  return out
}
