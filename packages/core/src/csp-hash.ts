import { builtin } from './builtin.js'

/**
 * The Content-Security-Policy source for one inline `<style>` (or `<script>`) body: its SHA-256,
 * base64, quoted (CSP Level 2 hash source). Hash exactly the text between the tags.
 * Loads `node:crypto` on first call; to keep it out of cold start, call it on first render rather
 * than at module top level.
 * @example
 * const STYLE = 'body{margin:0}'
 * const csp = `default-src 'none'; style-src ${cspHash(STYLE)}` // "… style-src 'sha256-…'"
 */
export function cspHash(css: string): string {
  // node:crypto is loaded on the first call, not at import (see builtin.ts).
  const { createHash } = builtin('node:crypto')
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`
}
