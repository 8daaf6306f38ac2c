import { describe, NO_VALUE } from './describe-value.js'
import { INTRINSICS } from './functions-table.js'
import { configError } from './model.js'
import { PARTITION, resolveRef } from './ref.js'
import { type ResourceIdentity, resourceIdentity } from './resource-ids.js'
import { type CfnTemplate, isRecord, mergedProperties } from './template.js'

export { describe, NO_VALUE } from './describe-value.js'

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

  /** Throw a {@link ConfigError} for this template at `where`. */
  fail(where: string, message: string): never {
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
    return this.fail(where, `expected a string, got ${describe(r)}`)
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
    return this.fail(where, `expected a list, got ${describe(r)}`)
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
    if (def === undefined) this.fail(where, `condition '${name}' is not declared in Conditions`)
    const key = `condition:${name}`
    if (this.#inProgress.has(key)) this.fail(where, `condition '${name}' refers to itself`)
    this.#inProgress.add(key)
    const r = this.resolve(def, `Conditions.${name}`)
    this.#inProgress.delete(key)
    if (typeof r !== 'boolean')
      this.fail(`Conditions.${name}`, `must be a condition function, got ${describe(r)}`)
    this.#conditions.set(name, r)
    return r
  }

  /** `Ref` and `Fn::GetAtt` values of a resource of this template. */
  identity(logicalId: string, where: string): ResourceIdentity {
    const known = this.#identities.get(logicalId)
    if (known) return known
    const resource = this.#ctx.template.Resources?.[logicalId]
    if (!resource)
      return this.fail(where, `'${logicalId}' is not a resource or parameter of this template`)
    if (this.#inProgress.has(logicalId))
      this.fail(where, `circular reference through '${logicalId}'`)
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

  /** `Ref` of a pseudo parameter, parameter, resource or SAM-generated alias/version. */
  ref(name: string, where: string): unknown {
    return resolveRef(this, name, where)
  }

  #intrinsic(fn: string, arg: unknown, where: string): unknown {
    const at = `${where} (${fn})`
    if (fn === 'Ref') {
      if (typeof arg !== 'string') return this.fail(at, 'Ref takes a logical id or parameter name')
      return this.ref(arg, where)
    }
    const evaluate = INTRINSICS[fn]
    if (!evaluate) return this.fail(at, `${fn} is not supported by @albkit/local`)
    return evaluate(this, arg, at, where)
  }
}
