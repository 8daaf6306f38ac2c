import { createHash } from 'node:crypto'

/**
 * The Content-Security-Policy source for one inline `<style>` (or `<script>`) body: its SHA-256,
 * base64, quoted (CSP Level 2 hash source). Hash exactly the text between the tags.
 * @example
 * const STYLE = 'body{margin:0}'
 * const csp = `default-src 'none'; style-src ${cspHash(STYLE)}` // "… style-src 'sha256-…'"
 */
export function cspHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`
}
