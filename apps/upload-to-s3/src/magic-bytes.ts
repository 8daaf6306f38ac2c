import { albError } from '@albkit/core'

/** Leading bytes that identify a format; `offset` is where `bytes` must appear. */
interface Signature {
  readonly parts: ReadonlyArray<{ offset: number; bytes: readonly number[] }>
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0))

/** The formats whose claimed type we verify, keyed by their MIME type. */
const SIGNATURES: ReadonlyMap<string, Signature> = new Map([
  [
    'image/png',
    { parts: [{ offset: 0, bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] }] },
  ],
  ['image/jpeg', { parts: [{ offset: 0, bytes: [0xff, 0xd8, 0xff] }] }],
  ['image/gif', { parts: [{ offset: 0, bytes: ascii('GIF8') }] }],
  [
    'image/webp',
    {
      parts: [
        { offset: 0, bytes: ascii('RIFF') },
        { offset: 8, bytes: ascii('WEBP') },
      ],
    },
  ],
  ['application/pdf', { parts: [{ offset: 0, bytes: ascii('%PDF-') }] }],
  // Local file header, or the end-of-central-directory record of an empty archive.
  ['application/zip', { parts: [{ offset: 0, bytes: [0x50, 0x4b, 0x03, 0x04] }] }],
])
const EMPTY_ZIP = [0x50, 0x4b, 0x05, 0x06]

function matches(bytes: Uint8Array, signature: Signature): boolean {
  return signature.parts.every(({ offset, bytes: expected }) =>
    expected.every((b, i) => bytes[offset + i] === b),
  )
}

/**
 * The verified type the bytes start like, or `undefined` when none of the known signatures fits.
 *
 * @example
 * sniffType(Buffer.from('%PDF-1.7')) // 'application/pdf'
 */
export function sniffType(bytes: Uint8Array): string | undefined {
  for (const [type, signature] of SIGNATURES) {
    if (matches(bytes, signature)) return type
  }
  if (EMPTY_ZIP.every((b, i) => bytes[i] === b)) return 'application/zip'
  return undefined
}

/**
 * Throws a 415 when the client claims a type we can verify (PNG, JPEG, GIF, WebP, PDF, ZIP)
 * and the first bytes say otherwise. Other claimed types pass unchecked.
 *
 * @example
 * assertContentMatchesType(pngBytes, 'image/png', 'cat.png') // ok
 * assertContentMatchesType(Buffer.from('hello'), 'image/png', 'cat.png') // throws 415
 */
export function assertContentMatchesType(
  bytes: Uint8Array,
  claimedType: string,
  name: string,
): void {
  const signature = SIGNATURES.get(claimedType)
  if (signature === undefined) return
  if (matches(bytes, signature)) return
  if (claimedType === 'application/zip' && EMPTY_ZIP.every((b, i) => bytes[i] === b)) return
  const detected = sniffType(bytes)
  const looksLike = detected === undefined ? 'none of the checked formats' : detected
  throw albError(415, `${name}: declared as ${claimedType} but its content looks like ${looksLike}`)
}
