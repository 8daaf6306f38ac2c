/**
 * Parses `Cookie` header values into a map. The first occurrence of a name wins (browsers send
 * the most specific cookie first); values are percent-decoded when well-formed; surrounding
 * double quotes are removed.
 * @example
 * parseCookies(['a=1; b=%20x']).get('b') // ' x'
 */
export function parseCookies(headers: readonly string[]): Map<string, string> {
  const map = new Map<string, string>()
  for (const header of headers) {
    for (const pair of header.split(';')) {
      const eq = pair.indexOf('=')
      if (eq === -1) continue
      const name = pair.slice(0, eq).trim()
      if (name === '' || map.has(name)) continue
      map.set(name, decodeCookieValue(pair.slice(eq + 1).trim()))
    }
  }
  return map
}

function decodeCookieValue(v: string): string {
  const s = v.length >= 2 && v[0] === '"' && v[v.length - 1] === '"' ? v.slice(1, -1) : v
  if (s.indexOf('%') === -1) return s
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}
