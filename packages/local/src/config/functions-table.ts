import { describe } from './describe-value.js'
import { getAtt } from './get-att.js'
import type { Resolver } from './intrinsics.js'
import { sub } from './sub.js'

/** One intrinsic function: its argument, the error location `at`, and the value's own `where`. */
export type Intrinsic = (r: Resolver, arg: unknown, at: string, where: string) => unknown

/**
 * Every `Fn::` function (and `Condition`) @albkit/local evaluates; `Ref` is handled by the
 * Resolver itself. (CloudFormation user guide, "Intrinsic function reference")
 *
 * @example
 * INTRINSICS['Fn::Join']?.(resolver, ['-', ['a', 'b']], 'X', 'X') // 'a-b'
 */
export const INTRINSICS: Record<string, Intrinsic> = {
  Condition: (r, arg, _at, where) => r.condition(arg as string, where),
  'Fn::GetAtt': (r, arg, at) => getAtt(r, arg, at),
  'Fn::Sub': (r, arg, at) => sub(r, arg, at),
  'Fn::Join': (r, arg, at) => {
    const [delim, items] = pair(arg, () => r.fail(at, 'takes [delimiter, [values…]]'))
    return r.list(items, at).join(r.string(delim, at))
  },
  'Fn::Select': (r, arg, at) => {
    const [index, items] = pair(arg, () => r.fail(at, 'takes [index, [values…]]'))
    const list = r.resolve(items, at)
    const i = Number(r.string(index, at))
    if (!Array.isArray(list) || !Number.isInteger(i) || i < 0 || i >= list.length) {
      return r.fail(at, `index ${i} is outside the list ${describe(list)}`)
    }
    return list[i]
  },
  'Fn::Split': (r, arg, at) => {
    const [delim, source] = pair(arg, () => r.fail(at, 'takes [delimiter, string]'))
    return r.string(source, at).split(r.string(delim, at))
  },
  'Fn::If': (r, arg, at, where) => {
    if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') {
      return r.fail(at, 'takes [conditionName, valueIfTrue, valueIfFalse]')
    }
    return r.resolve(r.condition(arg[0], at) ? arg[1] : arg[2], where)
  },
  'Fn::Equals': (r, arg, at) => {
    const [a, b] = pair(arg, () => r.fail(at, 'takes [value, value]'))
    return JSON.stringify(r.resolve(a, at)) === JSON.stringify(r.resolve(b, at))
  },
  'Fn::Not': (r, arg, at) => !bools(r, arg, at, 1)[0],
  'Fn::And': (r, arg, at) => bools(r, arg, at, 2).every(Boolean),
  'Fn::Or': (r, arg, at) => bools(r, arg, at, 2).some(Boolean),
  'Fn::ImportValue': (r, arg, at) => r.context.importValue(r.string(arg, at), at),
  'Fn::FindInMap': (r, arg, at) => {
    if (!Array.isArray(arg) || arg.length < 3)
      return r.fail(at, 'takes [MapName, TopKey, SecondKey]')
    const [m, k1, k2] = arg.slice(0, 3).map((x) => r.string(x, at))
    const v = r.context.template.Mappings?.[m ?? '']?.[k1 ?? '']?.[k2 ?? '']
    return v === undefined ? r.fail(at, `Mappings has no ${m}.${k1}.${k2}`) : r.resolve(v, at)
  },
  'Fn::Base64': (r, arg, at) => Buffer.from(r.string(arg, at)).toString('base64'),
  'Fn::GetAZs': (r, arg, at) => {
    const region = r.string(arg, at) || r.context.region
    return ['a', 'b', 'c'].map((s) => `${region}${s}`)
  },
  'Fn::ToJsonString': (r, arg, at) => JSON.stringify(r.resolve(arg, at)),
  'Fn::Length': (r, arg, at) => {
    const list = r.resolve(arg, at)
    return Array.isArray(list) ? list.length : r.fail(at, 'takes a list')
  },
}

function pair(arg: unknown, fail: () => never): [unknown, unknown] {
  if (!Array.isArray(arg) || arg.length !== 2) return fail()
  return [arg[0], arg[1]]
}

function bools(r: Resolver, arg: unknown, at: string, min: number): boolean[] {
  if (!Array.isArray(arg) || arg.length < min)
    return r.fail(at, `takes a list of ${min}+ conditions`)
  return arg.map((c) => {
    const v = r.resolve(c, at)
    return typeof v === 'boolean' ? v : r.fail(at, `expected a condition, got ${describe(v)}`)
  })
}
