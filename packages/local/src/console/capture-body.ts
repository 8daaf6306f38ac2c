/** Bodies as the console keeps and shows them: cut at a cap, previewed as text or hex. Pure. */
import type { CapturedBody } from './captured-exchange.js'

/**
 * Keep at most `cap` bytes. A body under the cap that owns its memory is kept as it is; a view
 * into a larger buffer (a socket read, a pooled slab) is copied so it does not keep that alive.
 * @example
 * captureBody(Buffer.from('hello'), 2) // { size: 5, bytes: <68 65> }
 */
export function captureBody(body: Uint8Array, cap: number): CapturedBody {
  if (body.length <= cap && body.byteLength === body.buffer.byteLength)
    return { size: body.length, bytes: body }
  return { size: body.length, bytes: new Uint8Array(body.subarray(0, cap)) }
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/** Whether the bytes read as text: valid UTF-8 (a cut multi-byte tail allowed), no NUL. */
function asText(bytes: Uint8Array): string | undefined {
  for (let cut = 0; cut < 4 && cut <= bytes.length; cut++) {
    try {
      const text = utf8.decode(bytes.subarray(0, bytes.length - cut))
      return text.includes('\0') ? undefined : text
    } catch {
      // a code point cut at the cap: try without its last bytes
    }
  }
  return undefined
}

/** A body shown to a person: text when it is text, else hex; `truncated` when cut. */
export interface BodyPreview {
  size: number
  /** bytes kept (the capture cap) */
  captured: number
  /** bytes in the preview */
  shown: number
  truncated: boolean
  encoding: 'text' | 'hex' | 'empty'
  preview: string
}

/**
 * @example
 * previewBody({ size: 2, bytes: Buffer.from([0, 255]) }, 100) // { encoding: 'hex', preview: '00 ff', … }
 */
export function previewBody(body: CapturedBody, maxBytes: number): BodyPreview {
  const shown = body.bytes.subarray(0, maxBytes)
  const base = {
    size: body.size,
    captured: body.bytes.length,
    shown: shown.length,
    truncated: body.size > shown.length,
  }
  if (body.size === 0) return { ...base, encoding: 'empty', preview: '' }
  const text = asText(shown)
  if (text !== undefined) return { ...base, encoding: 'text', preview: text }
  const hex: string[] = []
  for (const byte of shown) hex.push(byte.toString(16).padStart(2, '0'))
  return { ...base, encoding: 'hex', preview: hex.join(' ') }
}
