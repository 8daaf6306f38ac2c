/** How a listener-rule pattern is read. */
export interface WildcardOptions {
  /** host-header, http-header and query-string ignore case; path-pattern does not */
  caseInsensitive: boolean
  /** query-string: `\*` and `\?` are a literal `*` or `?` */
  backslashEscapes: boolean
}

const SPECIAL = /[.+^${}()|[\]\\/*?-]/

/**
 * Compile an ALB wildcard pattern to an anchored RegExp: `*` is any run of characters
 * (including `/`), `?` exactly one character (ELB user guide, "Listener rules" → conditions).
 *
 * @example
 * compileWildcard('/ip/*', { caseInsensitive: false, backslashEscapes: false }).test('/ip/a/b') // true
 */
export function compileWildcard(pattern: string, options: WildcardOptions): RegExp {
  let source = ''
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern.charAt(i)
    const next = pattern.charAt(i + 1)
    if (options.backslashEscapes && ch === '\\' && (next === '*' || next === '?')) {
      source += `\\${next}`
      i++
    } else if (ch === '*') source += '.*'
    else if (ch === '?') source += '.'
    else source += SPECIAL.test(ch) ? `\\${ch}` : ch
  }
  return new RegExp(`^${source}$`, options.caseInsensitive ? 'is' : 's')
}
