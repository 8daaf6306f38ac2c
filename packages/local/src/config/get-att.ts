import type { Resolver } from './intrinsics.js'

/**
 * `Fn::GetAtt`: `[LogicalId, Attribute]` or `"LogicalId.Attribute"` of a resource of the template.
 *
 * @example
 * getAtt(resolver, ['Fn', 'Arn'], 'X (Fn::GetAtt)') // 'arn:aws:lambda:…:function:stack-Fn'
 */
export function getAtt(r: Resolver, arg: unknown, at: string): unknown {
  const parts = typeof arg === 'string' ? splitOnce(arg) : arg
  if (!Array.isArray(parts) || parts.length !== 2 || typeof parts[0] !== 'string') {
    return r.fail(at, 'takes [LogicalId, Attribute] or "LogicalId.Attribute"')
  }
  const attr = r.string(parts[1], at)
  const id = r.identity(parts[0], at)
  const v = id.attrs[attr]
  // Keys starting with '.' are SAM's `Ref Fn.Alias` forms, not attributes.
  if (v === undefined || attr.startsWith('.')) {
    const known = Object.keys(id.attrs).filter((k) => !k.startsWith('.'))
    return r.fail(at, `${parts[0]} has no attribute '${attr}' locally (known: ${known.join(', ')})`)
  }
  return v
}

function splitOnce(s: string): string[] {
  const dot = s.indexOf('.')
  return dot < 0 ? [s] : [s.slice(0, dot), s.slice(dot + 1)]
}
