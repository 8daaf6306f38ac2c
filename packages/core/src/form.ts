const HEX: Readonly<Record<string, number>> = {}
for (let i = 0; i < 16; i++) {
  const h = i.toString(16)
  ;(HEX as Record<string, number>)[h] = i
  ;(HEX as Record<string, number>)[h.toUpperCase()] = i
}

const utf8 = new TextDecoder('utf-8', { fatal: true })

/**
 * Decodes one key or value of a query string or urlencoded form (WHATWG form rules): `+` is a
 * space and `%XX` sequences are UTF-8 bytes. The ALB does not decode query strings (ELB user
 * guide, "Lambda functions as targets"), so this is the function's job. Never throws: a
 * malformed `%` sequence or invalid UTF-8 keeps the raw text.
 * @example
 * decodeFormComponent('a+b%20c') // 'a b c'
 * decodeFormComponent('100%')    // '100%'
 */
export function decodeFormComponent(s: string): string {
  const pct = s.indexOf('%')
  const plus = s.indexOf('+')
  if (pct === -1) return plus === -1 ? s : s.replaceAll('+', ' ')
  const spaced = plus === -1 ? s : s.replaceAll('+', ' ')
  try {
    return decodeURIComponent(spaced)
  } catch {
    return decodeLoosely(spaced)
  }
}

// Decodes every well-formed run of %XX bytes that is valid UTF-8; keeps everything else raw.
function decodeLoosely(s: string): string {
  let out = ''
  let i = 0
  while (i < s.length) {
    if (s[i] !== '%') {
      const next = s.indexOf('%', i)
      const end = next === -1 ? s.length : next
      out += s.slice(i, end)
      i = end
      continue
    }
    const bytes: number[] = []
    const start = i
    while (i + 2 < s.length && s[i] === '%') {
      const hi = HEX[s[i + 1] ?? '']
      const lo = HEX[s[i + 2] ?? '']
      if (hi === undefined || lo === undefined) break
      bytes.push(hi * 16 + lo)
      i += 3
    }
    if (bytes.length === 0) {
      out += '%'
      i = start + 1
      continue
    }
    try {
      out += utf8.decode(Uint8Array.from(bytes))
    } catch {
      out += s.slice(start, i)
    }
  }
  return out
}
