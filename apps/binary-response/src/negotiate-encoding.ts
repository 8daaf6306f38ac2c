/** Content codings this app can produce, best first when the client ranks them equally. */
export type ContentCoding = 'br' | 'gzip'

/**
 * Pick a content coding from `Accept-Encoding` (RFC 9110 §12.5.3): q-values honoured, `q=0`
 * refuses, `*` stands for any coding not listed, ties go to br. Undefined → send identity.
 *
 * @example
 * chooseEncoding('gzip, deflate, br') // 'br'
 * chooseEncoding('gzip;q=1, br;q=0.5') // 'gzip'
 * chooseEncoding('identity')          // undefined
 */
export function chooseEncoding(header: string | undefined): ContentCoding | undefined {
  if (header === undefined || header.trim() === '') return undefined
  const q = new Map<string, number>()
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim())
    if (name === '') continue
    let weight = 1
    for (const p of params) {
      const m = /^q=([01](?:\.\d{0,3})?)$/i.exec(p)
      if (m) weight = Math.min(1, Number(m[1]))
    }
    q.set(name.toLowerCase(), weight)
  }
  const star = q.get('*')
  const weightOf = (coding: ContentCoding): number => q.get(coding) ?? star ?? 0
  const ranked = (['br', 'gzip'] as const)
    .map((coding) => ({ coding, weight: weightOf(coding) }))
    .filter((c) => c.weight > 0)
    .sort((a, b) => b.weight - a.weight)
  return ranked[0]?.coding
}
