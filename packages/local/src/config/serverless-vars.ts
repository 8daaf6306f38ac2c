import { isRecord } from './template.js'

/** Where `${opt:…}`, `${env:…}` and `${sls:stage}` come from. */
export interface VariableSources {
  options: Record<string, string | undefined>
  env: Record<string, string | undefined>
  warnings: string[]
  file: string
}

const VARIABLE = /\$\{([^{}$]*)\}/
const MAX_PASSES = 20

/**
 * Resolve the basic Serverless Framework variables in a parsed serverless.yml:
 * `${self:a.b}`, `${opt:stage, 'dev'}`, `${env:NAME, 'default'}`, `${sls:stage}`.
 * Other sources (`${ssm:…}`, `${cf:…}`…) are left as written, with a warning.
 *
 * @example
 * resolveVariables({ s: "${opt:stage, 'dev'}" }, sources) // { s: 'dev' }
 */
export function resolveVariables(
  doc: Record<string, unknown>,
  sources: VariableSources,
): Record<string, unknown> {
  const walk = (value: unknown, depth: number): unknown => {
    if (typeof value === 'string') return resolveString(value, doc, sources, depth)
    if (Array.isArray(value)) return value.map((v) => walk(v, depth))
    if (isRecord(value))
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, depth)]))
    return value
  }
  return walk(doc, 0) as Record<string, unknown>
}

function resolveString(
  text: string,
  doc: Record<string, unknown>,
  src: VariableSources,
  depth: number,
): unknown {
  let current: unknown = text
  for (let pass = 0; pass < MAX_PASSES && typeof current === 'string'; pass++) {
    const m = VARIABLE.exec(current)
    if (!m) break
    const value = lookup(m[1] ?? '', doc, src, depth)
    if (value === undefined) {
      src.warnings.push(`${src.file}: variable ${m[0]} is not resolved locally; left as written`)
      // Mark it so it is not tried again, then restore it at the end.
      current = current.replace(m[0], `\u0000${m[1]}\u0001`)
      continue
    }
    // A variable that is the whole string keeps its type (a mapping, a number).
    current = m[0] === current ? value : current.replace(m[0], String(value))
  }
  return typeof current === 'string'
    ? current.split('\u0000').join('${').split('\u0001').join('}')
    : current
}

function lookup(
  expr: string,
  doc: Record<string, unknown>,
  src: VariableSources,
  depth: number,
): unknown {
  const [head = '', ...rest] = splitTopLevel(expr)
  const fallback = rest.length > 0 ? literal(rest.join(',').trim()) : undefined
  const colon = head.indexOf(':')
  const source = head.slice(0, colon).trim()
  const address = head.slice(colon + 1).trim()
  let value: unknown
  if (source === 'self') value = selfPath(doc, address, src, depth)
  else if (source === 'opt') value = src.options[address]
  else if (source === 'env') value = src.env[address]
  else if (source === 'sls' && address === 'stage') value = src.options.stage
  else if (colon < 0) return literal(head.trim())
  return value ?? fallback
}

function selfPath(
  doc: Record<string, unknown>,
  address: string,
  src: VariableSources,
  depth: number,
): unknown {
  let node: unknown = doc
  for (const key of address.split('.').filter(Boolean))
    node = isRecord(node) ? node[key] : undefined
  if (typeof node === 'string' && depth < 5) return resolveString(node, doc, src, depth + 1)
  return node
}

function splitTopLevel(expr: string): string[] {
  const parts: string[] = []
  let quote = ''
  let start = 0
  for (let i = 0; i < expr.length; i++) {
    const ch = expr[i]
    if (quote) {
      if (ch === quote) quote = ''
    } else if (ch === "'" || ch === '"') quote = ch
    else if (ch === ',') {
      parts.push(expr.slice(start, i))
      start = i + 1
    }
  }
  parts.push(expr.slice(start))
  return parts
}

function literal(text: string): unknown {
  const q = /^(['"])(.*)\1$/.exec(text)
  if (q) return q[2]
  if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text)
  if (text === 'true' || text === 'false') return text === 'true'
  return undefined
}
