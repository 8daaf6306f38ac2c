import { randomUUID } from 'node:crypto'

/** Longest file-name part of a key, in UTF-8 bytes. */
export const MAX_NAME_BYTES = 100
/** Longest extension kept whole when a name is shortened, in UTF-8 bytes (dot included). */
const MAX_EXTENSION_BYTES = 16
/** Longest client name (UTF-16 code units) read at all; longer ones keep their head and tail. */
const MAX_RAW_CHARS = 1024
/** How much of an over-long name's end is kept, so its extension survives the cut. */
const RAW_TAIL_CHARS = 64

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
  const lastPart = boundedName(afterLastSeparator(raw)).normalize('NFC')
  // Every pass below is linear: single-class runs, or anchored at the start (issue 14 #2).
  const cleaned = trimTrailing(
    lastPart
      .replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '_')
      .replace(/\.{2,}/g, '.')
      .replace(/_{2,}/g, '_')
      .replace(/^[._-]+/, ''),
    '._',
  )
  return truncateKeepingExtension(cleaned === '' ? 'file' : cleaned)
}

/** The part after the last `/` or `\`, found without a regex. */
function afterLastSeparator(raw: string): string {
  return raw.slice(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1)
}

/**
 * At most {@link MAX_RAW_CHARS} code units of a client's name reach a regex: the head and the
 * tail (where the extension is). Names this long end up cut to {@link MAX_NAME_BYTES} anyway,
 * so only the middle that would be dropped is never read. A cut through a surrogate pair leaves
 * a lone half, which the character-class pass turns into `_` like any other non-letter.
 */
function boundedName(name: string): string {
  if (name.length <= MAX_RAW_CHARS) return name
  return `${name.slice(0, MAX_RAW_CHARS - RAW_TAIL_CHARS)}_${name.slice(-RAW_TAIL_CHARS)}`
}

/** `s` without its trailing run of characters from `chars`, in one backward scan. */
function trimTrailing(s: string, chars: string): string {
  let end = s.length
  while (end > 0 && chars.includes(s[end - 1] as string)) end--
  return s.slice(0, end)
}

function truncateKeepingExtension(name: string): string {
  if (byteLength(name) <= MAX_NAME_BYTES) return name
  const dot = name.lastIndexOf('.')
  const extension =
    dot > 0 && byteLength(name.slice(dot)) <= MAX_EXTENSION_BYTES ? name.slice(dot) : ''
  const budget = MAX_NAME_BYTES - byteLength(extension)
  let base = ''
  let used = 0
  // Walk by code point so a multi-byte character is never split.
  for (const ch of name.slice(0, name.length - extension.length)) {
    used += byteLength(ch)
    if (used > budget) break
    base += ch
  }
  const trimmed = trimTrailing(base, '._-')
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
