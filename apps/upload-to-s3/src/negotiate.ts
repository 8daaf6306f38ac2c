/**
 * Parses an Accept header into `[type, q]` pairs; malformed entries are skipped.
 */
function acceptEntries(accept: string): Array<{ type: string; q: number }> {
  return accept.split(',').flatMap((part) => {
    const [type = '', ...params] = part.split(';').map((p) => p.trim().toLowerCase())
    if (!type.includes('/')) return []
    const qParam = params.find((p) => p.startsWith('q='))
    const q = qParam === undefined ? 1 : Number(qParam.slice(2))
    return Number.isFinite(q) ? [{ type, q: Math.min(Math.max(q, 0), 1) }] : []
  })
}

/** The q-value Accept gives `type`, taking the most specific matching entry. */
function qualityOf(entries: Array<{ type: string; q: number }>, type: string): number {
  const family = `${type.split('/')[0]}/*`
  const exact = entries.find((e) => e.type === type)
  if (exact) return exact.q
  const partial = entries.find((e) => e.type === family)
  if (partial) return partial.q
  return entries.find((e) => e.type === '*/*')?.q ?? 0
}

/**
 * True when the client ranks HTML strictly above JSON — a browser's form post does, curl
 * (`*\/*`) and API clients do not, so they keep getting JSON.
 *
 * @example
 * prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*\/*;q=0.8') // true
 * prefersHtml('*\/*') // false
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (accept === undefined || accept.trim() === '') return false
  const entries = acceptEntries(accept)
  return qualityOf(entries, 'text/html') > qualityOf(entries, 'application/json')
}
