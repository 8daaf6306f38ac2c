import { extname } from 'node:path'

/**
 * Content types by file extension. Note how few are text: the ALB passes a response body
 * through as-is only when `isBase64Encoded` is false, so every binary type — not only image/* —
 * must be base64 (PDFs, zips and octet-streams are corrupted otherwise; contract §8).
 */
export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.zip': 'application/zip',
  '.bin': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css; charset=utf-8',
}

/**
 * The content type for a file name; unknown extensions are `application/octet-stream`.
 *
 * @example
 * contentTypeFor('report.pdf') // 'application/pdf'
 */
export function contentTypeFor(fileName: string): string {
  return CONTENT_TYPES[extname(fileName).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * Whether gzip/br is worth applying: text, SVG, JSON, XML and JavaScript. Already-compressed
 * formats (PNG, PDF streams, zip) and random bytes only grow.
 *
 * @example
 * isCompressible('image/svg+xml') // true
 * isCompressible('image/png')     // false
 */
export function isCompressible(contentType: string): boolean {
  const type = contentType.split(';')[0]?.trim().toLowerCase() ?? ''
  return (
    type.startsWith('text/') ||
    type === 'image/svg+xml' ||
    type === 'application/json' ||
    type === 'application/javascript' ||
    type === 'application/xml' ||
    type.endsWith('+json') ||
    type.endsWith('+xml')
  )
}
