import { describe, type Resolver } from './intrinsics.js'
import { configError } from './model.js'

/** The local listener ARN used when no loaded template declares a listener. */
export const IMPLICIT_LISTENER_ARN =
  'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/albkit-local/0000000000000000/0000000000000000'

/**
 * `Fn::ImportValue` across all loaded templates. An exact `Export.Name` wins; otherwise a name
 * whose suffix after the stack name (`…-ListenerArn`) matches exactly one export resolves to it,
 * because local stack names come from file names (`alb.yaml` → `alb`) while the apps import
 * `${SharedStackName}-ListenerArn` (default `albkit-alb`).
 *
 * @example
 * const exports = new ExportTable(); exports.add(albResolver); exports.lookup('albkit-alb-ListenerArn', 'Rule')
 */
export class ExportTable {
  readonly #resolvers: Resolver[] = []
  #names: Map<string, { resolver: Resolver; value: unknown; outputId: string }> | undefined
  #resolving = false
  add(resolver: Resolver): void {
    this.#resolvers.push(resolver)
    this.#names = undefined
  }

  #table(
    where: string,
    file: string,
  ): Map<string, { resolver: Resolver; value: unknown; outputId: string }> {
    if (this.#names) return this.#names
    if (this.#resolving)
      throw configError(file, where, 'an Export.Name depends on Fn::ImportValue (circular)')
    this.#resolving = true
    const names = new Map<string, { resolver: Resolver; value: unknown; outputId: string }>()
    for (const r of this.#resolvers) {
      for (const [outputId, out] of Object.entries(r.context.template.Outputs ?? {})) {
        if (out?.Export?.Name === undefined) continue
        if (!r.isActive(out.Condition, `Outputs.${outputId}.Condition`)) continue
        const name = r.string(out.Export.Name, `Outputs.${outputId}.Export.Name`)
        const prior = names.get(name)
        if (prior) {
          throw configError(
            r.context.file,
            `Outputs.${outputId}.Export.Name`,
            `'${name}' is also exported by ${prior.resolver.context.file}`,
          )
        }
        names.set(name, { resolver: r, value: out.Value, outputId })
      }
    }
    this.#resolving = false
    this.#names = names
    return names
  }

  /** Resolve an imported value, or throw naming the exports that exist. */
  lookup(name: string, where: string, file: string): unknown {
    const table = this.#table(where, file)
    let hit = table.get(name)
    if (!hit) {
      const dash = name.lastIndexOf('-')
      const suffix = dash >= 0 ? name.slice(dash) : undefined
      const candidates = suffix ? [...table.entries()].filter(([n]) => n.endsWith(suffix)) : []
      if (candidates.length === 1 && candidates[0]) hit = candidates[0][1]
    }
    if (hit) return hit.resolver.resolve(hit.value, `Outputs.${hit.outputId}.Value`)
    if (
      name.endsWith('-ListenerArn') &&
      ![...table.keys()].some((n) => n.endsWith('-ListenerArn'))
    ) {
      return IMPLICIT_LISTENER_ARN
    }
    throw configError(
      file,
      where,
      `Fn::ImportValue ${describe(name)} matches no export of the loaded templates (exports: ${[...table.keys()].join(', ') || 'none'})`,
    )
  }
}
