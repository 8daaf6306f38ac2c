import { randomUUID } from 'node:crypto'

/** Longest file-name part of a key, in UTF-8 bytes. */
export const MAX_NAME_BYTES = 100
/** Longest extension kept whole when a name is shortened, in UTF-8 bytes (dot included). */
const MAX_EXTENSION_BYTES = 16

const utf8 = new TextEncoder()
const byteLength = (s: string): number => utf8.encode(s).length

/**
 * Turns whatever name a client sent into a safe last segment of an S3 key: only the part
 * after the last `/` or `\`, Unicode NFC, letters/digits/`.`/`_`/`-` (anything else becomes
 * `_`), no control characters, no `..`, no leading dot or dash, at most {@link MAX_NAME_BYTES}
 * UTF-8 bytes with the extension kept, and never empty (`file`).
 *
 * @example
 * sanitizeFileName('../../etc/pass wd.txt') // 'pass_wd.txt'
 */
export function sanitizeFileName(raw: string): string {
  const lastPart = raw.normalize('NFC').split(/[/\\]/).pop() ?? ''
  const cleaned = lastPart
    .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/_{2,}/g, '_')
    .replace(/^[._-]+/, '')
    .replace(/[._]+$/, '')
  return truncateKeepingExtension(cleaned === '' ? 'file' : cleaned)
}

function truncateKeepingExtension(name: string): string {
  if (byteLength(name) <= MAX_NAME_BYTES) return name
  const dot = name.lastIndexOf('.')
  const extension =
    dot > 0 && byteLength(name.slice(dot)) <= MAX_EXTENSION_BYTES ? name.slice(dot) : ''
  const budget = MAX_NAME_BYTES - byteLength(extension)
  let base = ''
  // Walk by code point so a multi-byte character is never split.
  for (const ch of name.slice(0, name.length - extension.length)) {
    if (byteLength(base + ch) > budget) break
    base += ch
  }
  const trimmed = base.replace(/[._-]+$/, '')
  return `${trimmed === '' ? 'file' : trimmed}${extension}`
}

/** What a key is made of; `now` and `id` are injectable for tests. */
export interface KeyParts {
  prefix: string
  fileName: string
  now?: Date
  id?: string
}

/**
 * A server-chosen key: `<prefix>/<yyyy-mm-dd UTC>/<random id>/<sanitised name>`. The random
 * id makes keys unguessable and means two uploads of `report.pdf` never overwrite each other.
 *
 * @example
 * objectKey({ prefix: 'uploads', fileName: 'a b.png' }) // 'uploads/2026-11-21/6f1c…/a_b.png'
 */
export function objectKey({
  prefix,
  fileName,
  now = new Date(),
  id = randomUUID(),
}: KeyParts): string {
  const day = now.toISOString().slice(0, 10)
  return `${prefix}/${day}/${id}/${sanitizeFileName(fileName)}`
}
