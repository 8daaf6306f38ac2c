import { configError } from './model.js'
import { localId, type ResourceIdentity, resourceIdentity } from './resource-ids.js'
import { type CfnTemplate, isRecord, mergedProperties } from './template.js'

/** Looks up an `Export.Name` among all loaded templates; undefined when none matches. */
export type ImportLookup = (name: string, where: string) => unknown

/** Everything a template's intrinsic functions can see. */
export interface ResolverContext {
  file: string
  template: CfnTemplate
  stackName: string
  region: string
  accountId: string
  parameterOverrides: Record<string, string>
  importValue: ImportLookup
}

/** Returned by `Ref: AWS::NoValue`: the property is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue')

const PARTITION = 'aws'

/**
 * Resolves CloudFormation intrinsic functions of one template, lazily: only values @albkit/local
 * reads are resolved, so a `VpcId` without a default never matters locally.
 *
 * @example
 * new Resolver(ctx).resolve({ 'Fn::Sub': '${AWS::StackName}-tg' }, 'Tg.Name') // 'whats-my-ip-tg'
 */
export class Resolver {
  readonly #ctx: ResolverContext
  readonly #identities = new Map<string, ResourceIdentity>()
  readonly #inProgress = new Set<string>()
  readonly #conditions = new Map<string, boolean>()

  constructor(ctx: ResolverContext) {
    this.#ctx = ctx
  }

  get context(): ResolverContext {
    return this.#ctx
  }

  #fail(where: string, message: string): never {
    throw configError(this.#ctx.file, where, message)
  }

  /** Resolve every intrinsic inside a value; `AWS::NoValue` entries disappear. */
  resolve(value: unknown, where: string): unknown {
    if (Array.isArray(value)) {
      return value.map((v, i) => this.resolve(v, `${where}[${i}]`)).filter((v) => v !== NO_VALUE)
    }
    if (!isRecord(value)) return value
    const keys = Object.keys(value)
    const key = keys[0]
    if (
      keys.length === 1 &&
      key !== undefined &&
      (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::'))
    ) {
      if (key !== 'Condition' || typeof value[key] === 'string')
        return this.#intrinsic(key, value[key], where)
    }
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) {
      const r = this.resolve(v, `${where}.${k}`)
      if (r !== NO_VALUE) out[k] = r
    }
    return out
  }

  /** Resolve to a string (numbers and booleans are stringified like CloudFormation does). */
  string(value: unknown, where: string): string {
    const r = this.resolve(value, where)
    if (typeof r === 'string') return r
    if (typeof r === 'number' || typeof r === 'boolean') return String(r)
    return this.#fail(where, `expected a string, got ${describe(r)}`)
  }

  /** Resolve an optional value to a string; undefined and AWS::NoValue give undefined. */
  optionalString(value: unknown, where: string): string | undefined {
    if (value === undefined) return undefined
    const r = this.resolve(value, where)
    if (r === NO_VALUE || r === undefined) return undefined
    return this.string(r, where)
  }

  /** Resolve to a list of strings (a `List<…>` parameter, `Fn::Split`, or a literal list). */
  list(value: unknown, where: string): string[] {
    const r = this.resolve(value, where)
    if (Array.isArray(r)) return r.map((v, i) => this.string(v, `${where}[${i}]`))
    return this.#fail(where, `expected a list, got ${describe(r)}`)
  }

  /** Whether a resource or output exists (its `Condition` is true, or it has none). */
  isActive(conditionName: string | undefined, where: string): boolean {
    return conditionName === undefined || this.condition(conditionName, where)
  }

  /** Evaluate a named condition of the template's `Conditions` section. */
  condition(name: string, where: string): boolean {
    const known = this.#conditions.get(name)
    if (known !== undefined) return known
    const def = this.#ctx.template.Conditions?.[name]
    if (def === undefined) this.#fail(where, `condition '${name}' is not declared in Conditions`)
    const key = `condition:${name}`
    if (this.#inProgress.has(key)) this.#fail(where, `condition '${name}' refers to itself`)
    this.#inProgress.add(key)
    const r = this.resolve(def, `Conditions.${name}`)
    this.#inProgress.delete(key)
    if (typeof r !== 'boolean')
      this.#fail(`Conditions.${name}`, `must be a condition function, got ${describe(r)}`)
    this.#conditions.set(name, r)
    return r
  }

  /** `Ref` and `Fn::GetAtt` values of a resource of this template. */
  identity(logicalId: string, where: string): ResourceIdentity {
    const known = this.#identities.get(logicalId)
    if (known) return known
    const resource = this.#ctx.template.Resources?.[logicalId]
    if (!resource)
      return this.#fail(where, `'${logicalId}' is not a resource or parameter of this template`)
    if (this.#inProgress.has(logicalId))
      this.#fail(where, `circular reference through '${logicalId}'`)
    this.#inProgress.add(logicalId)
    const props = mergedProperties(this.#ctx.template, resource)
    const id = resourceIdentity(resource.Type, {
      stackName: this.#ctx.stackName,
      logicalId,
      region: this.#ctx.region,
      accountId: this.#ctx.accountId,
      partition: PARTITION,
      prop: (name) => this.optionalString(props[name], `${logicalId}.${name}`),
    })
    if (resource.Type === 'AWS::Serverless::Function') {
      const alias = this.optionalString(props.AutoPublishAlias, `${logicalId}.AutoPublishAlias`)
      const arn = id.attrs.Arn as string
      if (alias) id.attrs['.Alias'] = `${arn}:${alias}`
      id.attrs['.Version'] = `${arn}:1`
    }
    this.#inProgress.delete(logicalId)
    this.#identities.set(logicalId, id)
    return id
  }

  #intrinsic(fn: string, arg: unknown, where: string): unknown {
    const at = `${where} (${fn})`
    switch (fn) {
      case 'Ref':
        if (typeof arg !== 'string')
          return this.#fail(at, 'Ref takes a logical id or parameter name')
        return this.ref(arg, where)
      case 'Condition':
        return this.condition(arg as string, where)
      case 'Fn::GetAtt':
        return this.#getAtt(arg, at)
      case 'Fn::Sub':
        return this.#sub(arg, at)
      case 'Fn::Join': {
        const [delim, items] = pair(arg, () => this.#fail(at, 'takes [delimiter, [values…]]'))
        return this.list(items, at).join(this.string(delim, at))
      }
      case 'Fn::Select': {
        const [index, items] = pair(arg, () => this.#fail(at, 'takes [index, [values…]]'))
        const list = this.resolve(items, at)
        const i = Number(this.string(index, at))
        if (!Array.isArray(list) || !Number.isInteger(i) || i < 0 || i >= list.length) {
          return this.#fail(at, `index ${i} is outside the list ${describe(list)}`)
        }
        return list[i]
      }
      case 'Fn::Split': {
        const [delim, source] = pair(arg, () => this.#fail(at, 'takes [delimiter, string]'))
        return this.string(source, at).split(this.string(delim, at))
      }
      case 'Fn::If': {
        if (!Array.isArray(arg) || arg.length !== 3 || typeof arg[0] !== 'string') {
          return this.#fail(at, 'takes [conditionName, valueIfTrue, valueIfFalse]')
        }
        return this.resolve(this.condition(arg[0], at) ? arg[1] : arg[2], where)
      }
      case 'Fn::Equals': {
        const [a, b] = pair(arg, () => this.#fail(at, 'takes [value, value]'))
        return JSON.stringify(this.resolve(a, at)) === JSON.stringify(this.resolve(b, at))
      }
      case 'Fn::Not':
        return !this.#bools(arg, at, 1)[0]
      case 'Fn::And':
        return this.#bools(arg, at, 2).every(Boolean)
      case 'Fn::Or':
        return this.#bools(arg, at, 2).some(Boolean)
      case 'Fn::ImportValue':
        return this.#ctx.importValue(this.string(arg, at), at)
      case 'Fn::FindInMap':
        return this.#findInMap(arg, at)
      case 'Fn::Base64':
        return Buffer.from(this.string(arg, at)).toString('base64')
      case 'Fn::GetAZs': {
        const region = this.string(arg, at) || this.#ctx.region
        return ['a', 'b', 'c'].map((s) => `${region}${s}`)
      }
      case 'Fn::ToJsonString':
        return JSON.stringify(this.resolve(arg, at))
      case 'Fn::Length': {
        const r = this.resolve(arg, at)
        return Array.isArray(r) ? r.length : this.#fail(at, 'takes a list')
      }
      default:
        return this.#fail(at, `${fn} is not supported by @albkit/local`)
    }
  }

  #bools(arg: unknown, at: string, min: number): boolean[] {
    if (!Array.isArray(arg) || arg.length < min)
      return this.#fail(at, `takes a list of ${min}+ conditions`)
    return arg.map((c) => {
      const r = this.resolve(c, at)
      return typeof r === 'boolean' ? r : this.#fail(at, `expected a condition, got ${describe(r)}`)
    })
  }

  /** `Ref` of a pseudo parameter, parameter, resource or SAM-generated alias/version. */
  ref(name: string, where: string): unknown {
    const ctx = this.#ctx
    switch (name) {
      case 'AWS::Region':
        return ctx.region
      case 'AWS::AccountId':
        return ctx.accountId
      case 'AWS::StackName':
        return ctx.stackName
      case 'AWS::Partition':
        return PARTITION
      case 'AWS::URLSuffix':
        return 'amazonaws.com'
      case 'AWS::NoValue':
        return NO_VALUE
      case 'AWS::NotificationARNs':
        return []
      case 'AWS::StackId':
        return `arn:${PARTITION}:cloudformation:${ctx.region}:${ctx.accountId}:stack/${ctx.stackName}/${localId(ctx.stackName, '', 32)}`
    }
    const param = ctx.template.Parameters?.[name]
    if (param) return this.#parameter(name, param, where)
    const dot = name.indexOf('.')
    if (dot > 0) {
      // SAM: `!Ref MyFunction.Alias` → the alias ARN, `.Version` → the version ARN
      // (AWS SAM developer guide, "Referencing AWS SAM generated resources").
      const id = this.identity(name.slice(0, dot), where)
      const v = id.attrs[name.slice(dot)]
      return (
        v ??
        this.#fail(
          where,
          `Ref '${name}': only <Function>.Alias (with AutoPublishAlias) and .Version exist`,
        )
      )
    }
    const generated = this.#samGenerated(name, where)
    return generated ?? this.identity(name, where).ref
  }

  #samGenerated(name: string, where: string): string | undefined {
    const resources = this.#ctx.template.Resources ?? {}
    if (resources[name]) return undefined
    // SAM names the alias it publishes `<Function>Alias<alias>`.
    const m = /^(.+)Alias([A-Za-z0-9]+)$/.exec(name)
    if (m?.[1] && resources[m[1]]?.Type === 'AWS::Serverless::Function') {
      const alias = this.identity(m[1], where).attrs['.Alias']
      if (typeof alias === 'string' && alias.endsWith(`:${m[2]}`)) return alias
    }
    return undefined
  }

  #parameter(name: string, param: { Type?: string; Default?: unknown }, where: string): unknown {
    const override = this.#ctx.parameterOverrides[name]
    const raw = override ?? param.Default
    if (raw === undefined) {
      return this.#fail(
        where,
        `parameter '${name}' has no Default and no value in parameterOverrides`,
      )
    }
    const type = param.Type ?? 'String'
    if (type === 'CommaDelimitedList' || type.startsWith('List<')) {
      return Array.isArray(raw)
        ? raw.map(String)
        : String(raw)
            .split(',')
            .map((s) => s.trim())
    }
    return String(raw)
  }

  #getAtt(arg: unknown, at: string): unknown {
    const parts = typeof arg === 'string' ? splitOnce(arg) : arg
    if (!Array.isArray(parts) || parts.length !== 2 || typeof parts[0] !== 'string') {
      return this.#fail(at, 'takes [LogicalId, Attribute] or "LogicalId.Attribute"')
    }
    const attr = this.string(parts[1], at)
    const id = this.identity(parts[0], at)
    const v = id.attrs[attr]
    if (v === undefined || attr.startsWith('.')) {
      const known = Object.keys(id.attrs).filter((k) => !k.startsWith('.'))
      return this.#fail(
        at,
        `${parts[0]} has no attribute '${attr}' locally (known: ${known.join(', ')})`,
      )
    }
    return v
  }

  #sub(arg: unknown, at: string): string {
    const [text, vars] = Array.isArray(arg) ? [arg[0], arg[1]] : [arg, undefined]
    if (typeof text !== 'string') return this.#fail(at, 'takes a string or [string, {vars}]')
    const varMap = isRecord(vars) ? vars : {}
    // `${!Literal}` writes `${Literal}`; `${Name}` is a variable, parameter, resource or `Res.Attr`.
    return text.replace(/\$\{([^}]*)\}/g, (_m, inner: string) => {
      if (inner.startsWith('!')) return `\${${inner.slice(1)}}`
      const name = inner.trim()
      if (name in varMap) return this.string(varMap[name], `${at}.${name}`)
      const dot = name.indexOf('.')
      const isResource = dot > 0 && !this.#ctx.template.Parameters?.[name]
      const v =
        isResource && !name.startsWith('AWS::') ? this.#subAttr(name, dot, at) : this.ref(name, at)
      return this.string(v, at)
    })
  }

  #subAttr(name: string, dot: number, at: string): unknown {
    const attr = name.slice(dot + 1)
    // `${Fn.Alias}` in a Sub means the same as `!Ref Fn.Alias` in SAM.
    if (attr === 'Alias' || attr === 'Version') return this.ref(name, at)
    return this.#getAtt([name.slice(0, dot), attr], at)
  }

  #findInMap(arg: unknown, at: string): unknown {
    if (!Array.isArray(arg) || arg.length < 3)
      return this.#fail(at, 'takes [MapName, TopKey, SecondKey]')
    const [m, k1, k2] = arg.slice(0, 3).map((x) => this.string(x, at))
    const v = this.#ctx.template.Mappings?.[m ?? '']?.[k1 ?? '']?.[k2 ?? '']
    return v === undefined
      ? this.#fail(at, `Mappings has no ${m}.${k1}.${k2}`)
      : this.resolve(v, at)
  }
}

function pair(arg: unknown, fail: () => never): [unknown, unknown] {
  if (!Array.isArray(arg) || arg.length !== 2) return fail()
  return [arg[0], arg[1]]
}

function splitOnce(s: string): string[] {
  const dot = s.indexOf('.')
  return dot < 0 ? [s] : [s.slice(0, dot), s.slice(dot + 1)]
}

/** Short, safe description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === NO_VALUE) return 'AWS::NoValue'
  const json = JSON.stringify(value)
  if (json === undefined) return String(value)
  return json.length > 80 ? `${json.slice(0, 77)}...` : json
}
