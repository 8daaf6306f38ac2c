const strictUtf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Browsers and curl put UTF-8 file names into multipart headers as raw bytes (RFC 7578 §4.2),
 * but busboy decodes header parameters as latin1 unless told otherwise, so `ü` arrives as `Ã¼`.
 * When every character fits in one byte and those bytes are valid UTF-8 with at least one
 * multi-byte sequence, the UTF-8 reading is the one the client meant; otherwise the name is
 * returned unchanged.
 *
 * @example
 * utf8FileName('notes_Ã¼.txt') // 'notes_ü.txt'
 * utf8FileName('plain.txt')    // 'plain.txt'
 */
export function utf8FileName(name: string): string {
  let high = false
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i)
    if (code > 0xff) return name
    if (code >= 0x80) high = true
  }
  if (!high) return name
  try {
    return strictUtf8.decode(Buffer.from(name, 'latin1'))
  } catch {
    return name
  }
}
