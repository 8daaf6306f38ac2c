import { getAtt } from './get-att.js'
import type { Resolver } from './intrinsics.js'
import { isRecord } from './template.js'

/**
 * `Fn::Sub`: a string, or `[string, {variables}]`. `${!Literal}` writes `${Literal}`; `${Name}`
 * is a variable, parameter, pseudo parameter, resource (its Ref) or `Resource.Attribute`.
 *
 * @example
 * sub(resolver, '${AWS::StackName}-tg', 'Tg.Name (Fn::Sub)') // 'my-stack-tg'
 */
export function sub(r: Resolver, arg: unknown, at: string): string {
  const [text, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined]
  if (typeof text !== 'string') return r.fail(at, 'takes a string or [string, {vars}]')
  const varMap = isRecord(vars) ? vars : {}
  return replaceSubVariables(text, (inner) => {
    if (inner.startsWith('!')) return `\${${inner.slice(1)}}`
    const name = inner.trim()
    if (name in varMap) return r.string(varMap[name], `${at}.${name}`)
    const dot = name.indexOf('.')
    const isResource = dot > 0 && !r.context.template.Parameters?.[name]
    const v =
      isResource && !name.startsWith('AWS::') ? attribute(r, name, dot, at) : r.ref(name, at)
    return r.string(v, at)
  })
}

function attribute(r: Resolver, name: string, dot: number, at: string): unknown {
  const attr = name.slice(dot + 1)
  // `${Fn.Alias}` in a Sub means the same as `!Ref Fn.Alias` in SAM.
  if (attr === 'Alias' || attr === 'Version') return r.ref(name, at)
  return getAtt(r, [name.slice(0, dot), attr], at)
}

/**
 * Replace each `${…}` of a Sub string (up to its first `}`) by `replace(inner)`, left to right in
 * one pass — the same matches as `/\$\{([^}]*)\}/g`, which rescanned to the end of the string
 * from every unclosed `${` (quadratic).
 *
 * @example
 * replaceSubVariables('a-${X}-b', (inner) => inner.toLowerCase()) // 'a-x-b'
 */
export function replaceSubVariables(text: string, replace: (inner: string) => string): string {
  let out = ''
  let pos = 0
  for (;;) {
    const open = text.indexOf('${', pos)
    if (open === -1) break
    const close = text.indexOf('}', open + 2)
    // no `}` after this `${`: none after any later one either
    if (close === -1) break
    out += text.slice(pos, open) + replace(text.slice(open + 2, close))
    pos = close + 1
  }
  return out + text.slice(pos)
}
